package io.parley.signaling.sfu;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * VideoRoom rooms on one Janus instance, managed through a control handle: one Janus
 * session with one VideoRoom handle that this class keeps alive and creates again when
 * Janus no longer knows it (Janus restarted, or the session timed out). Every room gets
 * its own generated secret, without which it cannot be changed or destroyed.
 */
public final class VideoRooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JanusClient janus;

    private final int maxPublishers;

    private final SfuProperties.Instance settings;

    private final AtomicReference<Mono<Control>> control = new AtomicReference<>();

    private volatile Control current;

    public VideoRooms(JanusClient janus, SfuProperties.Instance instance, SfuProperties settings) {
        this.janus = janus;
        this.settings = instance;
        this.maxPublishers = settings.maxPublishers();
        this.control.set(newControl());
    }

    public String instance() {
        return janus.name();
    }

    JanusClient janus() {
        return janus;
    }

    /** A new room, not kept across a Janus restart. */
    public Mono<Room> create(String description) {
        String secret = secret();
        ObjectNode create = body("create").put("description", description)
            .put("secret", secret)
            .put("publishers", maxPublishers)
            .put("permanent", false);
        return request(create).map((data) -> new Room(janus.name(), data.path("room").asLong(0), secret));
    }

    /**
     * Destroys the room; a wrong secret is refused with a {@link JanusException} (433).
     */
    public Mono<Void> destroy(long room, String secret) {
        return request(body("destroy").put("room", room).put("secret", secret).put("permanent", false)).then();
    }

    /**
     * Makes the room's publishers record into the recording's folder
     * ({@code <recordings-dir>/<recordingId>}) from the next recorder they open; Janus
     * creates the folder.
     */
    public Mono<Void> recordInto(long room, String secret, String recordingId) {
        return request(body("edit").put("room", room)
            .put("secret", secret)
            .put("new_rec_dir", settings.recordingDir(recordingId))
            .put("permanent", false)).then();
    }

    public Mono<List<RoomSummary>> list() {
        return request(body("list")).map((data) -> {
            List<RoomSummary> rooms = new ArrayList<>();
            for (JsonNode room : data.path("list")) {
                rooms.add(new RoomSummary(room.path("room").asLong(0), room.path("description").asString(""),
                        room.path("num_participants").asInt(0)));
            }
            return rooms;
        });
    }

    /** Who joined the room; a missing room is a {@link JanusException} (426). */
    public Mono<List<Participant>> participants(long room) {
        return request(body("listparticipants").put("room", room)).map((data) -> {
            List<Participant> participants = new ArrayList<>();
            for (JsonNode participant : data.path("participants")) {
                participants.add(new Participant(participant.path("id").asLong(0),
                        participant.path("display").asString(""), participant.path("publisher").asBoolean(false)));
            }
            return participants;
        });
    }

    /**
     * Keeps the control session alive; does nothing before it exists. A session Janus
     * lost is created again on the next request.
     */
    public Mono<Void> keepAlive() {
        Control held = current;
        if (held == null) {
            return Mono.empty();
        }
        // an instance that is down now is retried at the next interval and by the next
        // request
        return janus.keepalive(held.session()).doOnError(JanusException.class, (ex) -> {
            if (ex.lostSession()) {
                forget(held);
            }
        }).onErrorComplete();
    }

    /** Destroys the control session, if any, so Janus holds nothing for this instance. */
    public Mono<Void> close() {
        Control held = current;
        return (held != null) ? janus.destroySession(held.session()).onErrorComplete() : Mono.empty();
    }

    private Mono<JsonNode> request(ObjectNode body) {
        return send(body).onErrorResume(JanusException.class, (ex) -> {
            if (!ex.lostSession()) {
                return Mono.error(ex);
            }
            forget(current);
            return send(body);
        });
    }

    private Mono<JsonNode> send(ObjectNode body) {
        return control.get().flatMap((held) -> janus.message(held.session(), held.handle(), body));
    }

    private void forget(Control lost) {
        if (lost != null && lost.equals(current)) {
            current = null;
            control.set(newControl());
        }
    }

    /** Created once on first use and kept; an attempt that failed is not kept. */
    private Mono<Control> newControl() {
        return janus.createSession()
            .flatMap((session) -> janus.attach(session, JanusClient.VIDEOROOM)
                .map((handle) -> new Control(session, handle)))
            .doOnNext((created) -> current = created)
            .cache((created) -> Duration.ofMillis(Long.MAX_VALUE), (ex) -> Duration.ZERO, () -> Duration.ZERO);
    }

    private static ObjectNode body(String request) {
        return JsonNodeFactory.instance.objectNode().put("request", request);
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Control(long session, long handle) {
    }

    /** A room and the secret that controls it. */
    public record Room(String instance, long id, String secret) {
    }

    public record RoomSummary(long id, String description, int participants) {
    }

    public record Participant(long id, String display, boolean publisher) {
    }

}
