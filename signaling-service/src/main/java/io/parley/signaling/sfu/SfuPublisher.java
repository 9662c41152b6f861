package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import io.parley.events.MediaServers;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One participant's publisher handle, on a Janus session of its own: joined to the
 * meeting's room as a publisher whether or not it sends media, so that it hears who
 * publishes (which goes to the participant's received videos), it publishes the client's
 * offers and records them during a recording.
 */
final class SfuPublisher {

    /** Feed ids stay below 2^53 so that browsers read them exactly. */
    private static final long MAX_FEED = 1L << 53;

    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final JanusSocket janus;

    private final long room;

    private final Connection connection;

    private final ServerMessages messages;

    private final ReceivedVideos videos;

    private final Runnable changed;

    private final Runnable lost;

    private final PublisherRecording recording = new PublisherRecording();

    private final long feed = ThreadLocalRandom.current().nextLong(1, MAX_FEED);

    private final Mono<Void> joined;

    private volatile long session;

    private volatile long handle;

    /**
     * {@code changed}: called when what the room publishes changed; {@code lost}: called
     * when Janus went away under the handle.
     */
    SfuPublisher(JanusSocket janus, long room, Connection connection, ServerMessages messages, ReceivedVideos videos,
            Runnable changed, Runnable lost) {
        this.janus = janus;
        this.room = room;
        this.connection = connection;
        this.messages = messages;
        this.videos = videos;
        this.changed = changed;
        this.lost = lost;
        // joined once; a failed attempt is not kept, the client's next sfu-publish tries
        // again
        this.joined = Mono.defer(this::join).cache((value) -> FOREVER, (ex) -> Duration.ZERO, () -> FOREVER);
    }

    /** The Janus session, 0 before it is created. */
    long session() {
        return session;
    }

    /**
     * Joins the room (once) and, with an offer, publishes it or renegotiates what is
     * published; the client gets {@code sfu-answer}.
     */
    Mono<Void> publish(String sdp, String screenMid) {
        return joined.then(Mono.defer(() -> (sdp != null) ? configure(sdp, screenMid) : Mono.empty()));
    }

    /**
     * Records what is published into the recording, unless nothing is published yet or it
     * records into it already; Janus opens one recorder per stream, named
     * {@code <participantId>-<epoch millis>-<type>-<mindex>}.
     */
    Mono<Void> record(String recordingId) {
        if (!recording.start(recordingId)) {
            return Mono.empty();
        }
        ObjectNode configure = VideoRoomRequests.body("configure")
            .put("record", true)
            .put("filename", connection.participantId() + "-" + System.currentTimeMillis());
        return janus.message(session, handle, configure, null)
            .then()
            .doOnError((error) -> recording.failed(recordingId));
    }

    /** Stops recording, if it does: Janus closes the recorders. */
    Mono<Void> stopRecording() {
        if (!recording.stop()) {
            return Mono.empty();
        }
        return janus.message(session, handle, VideoRoomRequests.body("configure").put("record", false), null).then();
    }

    boolean recording() {
        return recording.recording();
    }

    /** Publishes media that no recording captures. */
    boolean unrecorded() {
        return recording.unrecorded();
    }

    /** Nothing more is recorded or stopped: the session goes, and its recorders. */
    void close() {
        recording.close();
    }

    /**
     * Destroys the session once the join is over, with the subscriber's handle: Janus
     * tells the others this publisher left.
     */
    Mono<Void> destroy(LongSupplier subscriber) {
        return joined.onErrorComplete()
            .then(Mono.defer(() -> (session != 0)
                    ? janus.destroySession(session, List.of(handle, subscriber.getAsLong())) : Mono.empty()));
    }

    private Mono<Void> join() {
        return janus.createSession().flatMap((created) -> {
            session = created;
            return janus
                .attach(created, JanusClient.VIDEOROOM,
                        MediaServers.opaqueId(connection.meetingId(), connection.participantId()), new Events())
                .flatMap((attached) -> {
                    handle = attached;
                    ObjectNode join = VideoRoomRequests.body("join")
                        .put("ptype", "publisher")
                        .put("room", room)
                        .put("id", feed)
                        .put("display", connection.participantId());
                    return janus.message(created, attached, join, null);
                })
                .onErrorResume((error) -> janus.destroySession(created, List.of(handle))
                    .onErrorComplete()
                    .then(Mono.error(error)));
        }).doOnNext((reply) -> {
            videos.change((subscription) -> subscription.publishers(VideoRoomRequests.data(reply).path("publishers")));
            changed.run();
        }).then();
    }

    private Mono<Void> configure(String sdp, String screenMid) {
        ObjectNode body = VideoRoomRequests.body(recording.publishes() ? "configure" : "publish");
        if (screenMid != null) {
            body.putArray("descriptions").addObject().put("mid", screenMid).put("description", "screen");
        }
        return janus.message(session, handle, body, VideoRoomRequests.jsep("offer", sdp)).doOnNext((reply) -> {
            recording.published();
            connection
                .send(messages.of(MessageType.SFU_ANSWER, Map.of("sdp", reply.path("jsep").path("sdp").asString(""))));
        }).then();
    }

    /** What the room tells the handle. */
    private final class Events implements JanusEvents {

        @Override
        public void onEvent(JsonNode event) {
            JsonNode data = VideoRoomRequests.data(event);
            videos.change((subscription) -> {
                if (data.has("publishers")) {
                    subscription.publishers(data.path("publishers"));
                }
                for (String field : List.of("unpublished", "leaving")) {
                    if (data.path(field).isNumber()) {
                        subscription.gone(data.path(field).asLong());
                    }
                }
            });
            changed.run();
        }

        @Override
        public void onLost() {
            lost.run();
        }

    }

}
