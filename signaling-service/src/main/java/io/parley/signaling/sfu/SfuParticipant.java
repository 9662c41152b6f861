package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.parley.events.MediaServers;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One participant's media on the SFU, held by the signaling instance of its socket: a
 * Janus session on that instance's WebSocket with a publisher handle (joined to the
 * meeting's room as a publisher, whether or not it sends media, so it hears who
 * publishes) and, once there is something to receive, one multistream subscriber handle
 * that follows the room's publishers.
 */
final class SfuParticipant {

    private static final Logger log = LoggerFactory.getLogger(SfuParticipant.class);

    /** Feed ids stay below 2^53 so that browsers read them exactly. */
    private static final long MAX_FEED = 1L << 53;

    /** Failed subscription changes in a row after which it waits for the next event. */
    private static final int MAX_FAILURES = 3;

    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final JanusSocket janus;

    private final VideoRooms rooms;

    private final SfuRooms.MeetingRoom room;

    private final Connection connection;

    private final ServerMessages messages;

    private final Consumer<SfuParticipant> lost;

    private final long feed = ThreadLocalRandom.current().nextLong(1, MAX_FEED);

    private final Subscription subscription = new Subscription();

    private final VideoLeases videoLeases;

    private final Mono<Void> joined;

    private volatile long session;

    private volatile long publisher;

    private volatile long subscriber;

    private volatile boolean started;

    private volatile boolean closed;

    private boolean published;

    /** The recording this publisher's streams go to, or null. */
    private String recording;

    private int failures;

    /** The limit as the client was last told it: null when nothing is held back. */
    private Integer limitTold;

    private Subscription.Videos videosTold = new Subscription.Videos(List.of(), List.of());

    SfuParticipant(JanusSocket janus, VideoRooms rooms, SfuRooms.MeetingRoom room, Connection connection,
            ServerMessages messages, StreamLeases leases, Consumer<SfuParticipant> lost) {
        this.janus = janus;
        this.rooms = rooms;
        this.room = room;
        this.connection = connection;
        this.messages = messages;
        this.lost = lost;
        this.videoLeases = new VideoLeases(leases, connection, this::wantedVideos, this::leased);
        subscription.allow(videoLeases.allowed());
        // joined once; a failed attempt is not kept, the client's next sfu-publish tries
        // again
        this.joined = Mono.defer(this::join).cache((value) -> FOREVER, (ex) -> Duration.ZERO, () -> FOREVER);
    }

    SfuRooms.MeetingRoom room() {
        return room;
    }

    /**
     * Joins the room (once) and, with an offer, publishes it or renegotiates what is
     * published; the client gets {@code sfu-answer}.
     */
    Mono<Void> publish(String sdp, String screenMid) {
        started = true;
        return joined.then(Mono.defer(() -> (sdp != null) ? configure(sdp, screenMid) : Mono.empty()));
    }

    /**
     * Records what this participant publishes into the recording, unless it publishes
     * nothing yet (then its publish comes back here) or already does; Janus opens one
     * recorder per stream, named {@code <participantId>-<epoch millis>-<type>-<mindex>}.
     */
    Mono<Void> record(String recordingId) {
        synchronized (this) {
            if (!published || closed || recordingId.equals(recording)) {
                return Mono.empty();
            }
            recording = recordingId;
        }
        ObjectNode configure = body("configure").put("record", true)
            .put("filename", connection.participantId() + "-" + System.currentTimeMillis());
        return janus.message(session, publisher, configure, null).then().doOnError((error) -> {
            synchronized (this) {
                if (recordingId.equals(recording)) {
                    recording = null;
                }
            }
        });
    }

    /** Stops recording, if it does: Janus closes the recorders. */
    Mono<Void> stopRecording() {
        synchronized (this) {
            if (recording == null || closed) {
                return Mono.empty();
            }
            recording = null;
        }
        return janus.message(session, publisher, body("configure").put("record", false), null).then();
    }

    synchronized boolean recording() {
        return recording != null && !closed;
    }

    /** Publishes media that no recording captures. */
    synchronized boolean unrecordedPublisher() {
        return published && recording == null && !closed;
    }

    String meetingId() {
        return connection.meetingId();
    }

    String participantId() {
        return connection.participantId();
    }

    /** The client's answer to the subscription's latest offer. */
    Mono<Void> start(String sdp) {
        return janus.message(session, subscriber, body("start"), jsep("answer", sdp)).then(Mono.fromRunnable(() -> {
            synchronized (this) {
                subscription.settled();
            }
            sync();
            askLayers();
        }));
    }

    /**
     * The client's {@code sfu-view}: whose camera video it wants first, and the layer of
     * each.
     */
    void view(List<ClientMessage.WantedVideo> videos) {
        synchronized (this) {
            subscription.view(videos);
        }
        coverVideos();
        sync();
        askLayers();
    }

    /** Renews the video leases and tries again for videos the limit held back. */
    void renewVideoLeases() {
        videoLeases.renew();
    }

    /** Whether an {@code sfu-offer} waits for the client's {@code sfu-start}. */
    boolean awaitingAnswer() {
        return subscriber != 0 && negotiating();
    }

    Mono<Void> keepAlive() {
        long held = session;
        return (held != 0 && !closed) ? janus.keepalive(held).onErrorComplete() : Mono.empty();
    }

    /** Destroys the Janus session: Janus tells the others this publisher left. */
    void close() {
        closed = true;
        videoLeases.release();
        if (started) {
            joined.onErrorComplete()
                .then(Mono.defer(() -> (session != 0) ? janus.destroySession(session, List.of(publisher, subscriber))
                        : Mono.empty()))
                .subscribe(null, (error) -> log.debug("Session of participant {} was not destroyed: {}",
                        connection.participantId(), error.toString()));
        }
    }

    private Mono<Void> join() {
        return janus.createSession().flatMap((created) -> {
            session = created;
            return janus.attach(created, JanusClient.VIDEOROOM, opaqueId(), new PublisherEvents()).flatMap((handle) -> {
                publisher = handle;
                ObjectNode join = body("join").put("ptype", "publisher")
                    .put("room", room.id())
                    .put("id", feed)
                    .put("display", connection.participantId());
                return janus.message(created, handle, join, null);
            })
                .onErrorResume((error) -> janus.destroySession(created, List.of(publisher))
                    .onErrorComplete()
                    .then(Mono.error(error)));
        }).doOnNext((reply) -> {
            synchronized (this) {
                subscription.publishers(data(reply).path("publishers"));
            }
            coverVideos();
            sync();
        }).then();
    }

    private Mono<Void> configure(String sdp, String screenMid) {
        ObjectNode body;
        synchronized (this) {
            body = body(published ? "configure" : "publish");
        }
        if (screenMid != null) {
            body.putArray("descriptions").addObject().put("mid", screenMid).put("description", "screen");
        }
        return janus.message(session, publisher, body, jsep("offer", sdp)).doOnNext((reply) -> {
            synchronized (this) {
                published = true;
            }
            connection
                .send(messages.of(MessageType.SFU_ANSWER, Map.of("sdp", reply.path("jsep").path("sdp").asString(""))));
        }).then();
    }

    /**
     * Asks Janus for the next change of the subscription, if any and none is under way.
     */
    private void sync() {
        Subscription.Change change;
        // the leases decide how many videos to ask for: the change waits for them
        if (videoLeases.changing()) {
            return;
        }
        tellVideos();
        synchronized (this) {
            change = closed ? null : subscription.next();
        }
        if (change == null) {
            return;
        }
        Mono<JsonNode> request = (subscriber == 0) ? subscribe(change.add()) : update(change);
        request.subscribe(this::offered, this::failed);
    }

    private Mono<JsonNode> subscribe(List<FeedStream> streams) {
        return janus.attach(session, JanusClient.VIDEOROOM, opaqueId(), new SubscriberEvents()).flatMap((handle) -> {
            subscriber = handle;
            ObjectNode join = body("join").put("ptype", "subscriber").put("room", room.id());
            join.set("streams", streams(streams));
            return janus.message(session, handle, join, null);
        });
    }

    private Mono<JsonNode> update(Subscription.Change change) {
        ObjectNode update = body("update");
        if (!change.add().isEmpty()) {
            update.set("subscribe", streams(change.add()));
        }
        if (!change.remove().isEmpty()) {
            update.set("unsubscribe", streams(change.remove()));
        }
        return janus.message(session, subscriber, update, null);
    }

    /** Janus offered the subscription (or found nothing to change). */
    private void offered(JsonNode reply) {
        String sdp = reply.path("jsep").path("sdp").asString("");
        List<Subscription.OfferedStream> streams;
        synchronized (this) {
            failures = 0;
            streams = subscription.received(data(reply).path("streams"));
            if (sdp.isEmpty()) {
                subscription.settled();
            }
        }
        if (sdp.isEmpty()) {
            sync();
            return;
        }
        connection.send(messages.of(MessageType.SFU_OFFER, Map.of("sdp", sdp, "streams", streams)));
    }

    private void failed(Throwable error) {
        if (error instanceof JanusUnavailableException) {
            lost.accept(this);
            return;
        }
        log.warn("Subscription of participant {} was not changed: {}", connection.participantId(), error.toString());
        // usually a publisher that left meanwhile: keep those still in the room and retry
        rooms.participants(room.id())
            .map((present) -> present.stream()
                .filter(VideoRooms.Participant::publisher)
                .map(VideoRooms.Participant::id)
                .collect(Collectors.toSet()))
            .onErrorReturn(Set.of())
            .subscribe((feeds) -> {
                boolean retry;
                synchronized (this) {
                    subscription.retain(feeds);
                    subscription.settled();
                    retry = ++failures < MAX_FAILURES;
                }
                if (retry) {
                    sync();
                }
            });
    }

    private void coverVideos() {
        videoLeases.cover();
    }

    private synchronized int wantedVideos() {
        return subscription.wantedVideos();
    }

    /** The video leases changed: as many videos as they allow now. */
    private void leased() {
        synchronized (this) {
            subscription.allow(videoLeases.allowed());
        }
        if (!closed) {
            sync();
        }
    }

    /** {@code sfu-videos}, when whose video is received or held back changed. */
    private void tellVideos() {
        Map<String, Object> told;
        synchronized (this) {
            Subscription.Videos videos = subscription.videos();
            Integer limit = videos.withheld().isEmpty() ? null : videos.receiving().size();
            if (closed || (videos.equals(videosTold) && Objects.equals(limit, limitTold))) {
                return;
            }
            videosTold = videos;
            limitTold = limit;
            told = new LinkedHashMap<>();
            told.put("limit", limit);
            told.put("receiving", videos.receiving());
            told.put("withheld", videos.withheld());
        }
        connection.send(messages.of(MessageType.SFU_VIDEOS, told));
    }

    /** Asks Janus for the simulcast layer each received camera video's tile needs. */
    private void askLayers() {
        Map<String, ClientMessage.Layer> changes;
        synchronized (this) {
            if (closed || subscriber == 0 || subscription.negotiating()) {
                return;
            }
            changes = subscription.layerChanges();
        }
        if (changes.isEmpty()) {
            return;
        }
        ObjectNode configure = body("configure");
        ArrayNode streams = configure.putArray("streams");
        changes.forEach((mid, layer) -> streams.addObject().put("mid", mid).put("substream", layer.ordinal()));
        janus.message(session, subscriber, configure, null)
            .subscribe(null, (error) -> log.debug("Layers of participant {} were not changed: {}",
                    connection.participantId(), error.toString()));
    }

    private synchronized boolean negotiating() {
        return subscription.negotiating();
    }

    private String opaqueId() {
        return MediaServers.opaqueId(connection.meetingId(), connection.participantId());
    }

    private static JsonNode data(JsonNode reply) {
        return reply.path("plugindata").path("data");
    }

    private static ArrayNode streams(List<FeedStream> streams) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        streams.forEach((stream) -> array.addObject().put("feed", stream.feed()).put("mid", stream.mid()));
        return array;
    }

    private static ObjectNode body(String request) {
        return JsonNodeFactory.instance.objectNode().put("request", request);
    }

    private static ObjectNode jsep(String type, String sdp) {
        // the browser waited for its candidates: they are all in the SDP
        return JsonNodeFactory.instance.objectNode().put("type", type).put("sdp", sdp).put("trickle", false);
    }

    /** What the room tells this participant's publisher handle. */
    private final class PublisherEvents implements JanusEvents {

        @Override
        public void onEvent(JsonNode event) {
            JsonNode data = data(event);
            synchronized (SfuParticipant.this) {
                if (data.has("publishers")) {
                    subscription.publishers(data.path("publishers"));
                }
                for (String field : List.of("unpublished", "leaving")) {
                    if (data.path(field).isNumber()) {
                        subscription.gone(data.path(field).asLong());
                    }
                }
            }
            coverVideos();
            sync();
        }

        @Override
        public void onLost() {
            lost.accept(SfuParticipant.this);
        }

    }

    /**
     * Janus renegotiates a subscription on its own when a publisher it carries goes away.
     */
    private final class SubscriberEvents implements JanusEvents {

        @Override
        public void onEvent(JsonNode event) {
            if (event.has("jsep") && "updated".equals(data(event).path("videoroom").asString(""))) {
                synchronized (SfuParticipant.this) {
                    subscription.begin();
                }
                offered(event);
            }
        }

        @Override
        public void onLost() {
        }

    }

}
