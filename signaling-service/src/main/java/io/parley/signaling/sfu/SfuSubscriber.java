package io.parley.signaling.sfu;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import io.parley.events.MediaServers;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One participant's multistream subscriber handle, attached to its session once there is
 * something to receive: it asks Janus for each change of the subscription, passes Janus's
 * offers on to the client ({@code sfu-offer}) and asks for the simulcast layer each
 * received camera video's tile needs.
 */
final class SfuSubscriber {

    private static final Logger log = LoggerFactory.getLogger(SfuSubscriber.class);

    /** Failed subscription changes in a row after which it waits for the next event. */
    private static final int MAX_FAILURES = 3;

    private final JanusSocket janus;

    private final VideoRooms rooms;

    private final long room;

    private final Connection connection;

    private final ServerMessages messages;

    private final Subscription subscription;

    private final ReceivedVideos videos;

    private final LongSupplier session;

    private final Runnable lost;

    private volatile long handle;

    private volatile boolean closed;

    private int failures;

    /**
     * {@code session}: the participant's Janus session; {@code lost}: called when Janus
     * went away under it.
     */
    SfuSubscriber(JanusSocket janus, VideoRooms rooms, long room, Connection connection, ServerMessages messages,
            Subscription subscription, ReceivedVideos videos, LongSupplier session, Runnable lost) {
        this.janus = janus;
        this.rooms = rooms;
        this.room = room;
        this.connection = connection;
        this.messages = messages;
        this.subscription = subscription;
        this.videos = videos;
        this.session = session;
        this.lost = lost;
    }

    /** The handle, 0 before it is attached. */
    long handle() {
        return handle;
    }

    /** The client's answer to the subscription's latest offer. */
    Mono<Void> start(String sdp) {
        return janus
            .message(session.getAsLong(), handle, VideoRoomRequests.body("start"),
                    VideoRoomRequests.jsep("answer", sdp))
            .then(Mono.fromRunnable(() -> {
                synchronized (subscription) {
                    subscription.settled();
                }
                sync();
                askLayers();
            }));
    }

    /** Whether an {@code sfu-offer} waits for the client's {@code sfu-start}. */
    boolean awaitingAnswer() {
        if (handle == 0) {
            return false;
        }
        synchronized (subscription) {
            return subscription.negotiating();
        }
    }

    /**
     * Asks Janus for the next change of the subscription, if any and none is under way.
     */
    void sync() {
        Subscription.Change change;
        // the leases decide how many videos to ask for: the change waits for them
        if (videos.changing()) {
            return;
        }
        videos.tell();
        synchronized (subscription) {
            change = closed ? null : subscription.next();
        }
        if (change == null) {
            return;
        }
        Mono<JsonNode> request = (handle == 0) ? subscribe(change.add()) : update(change);
        request.subscribe(this::offered, this::failed);
    }

    /** Asks Janus for the simulcast layer each received camera video's tile needs. */
    void askLayers() {
        Map<String, ClientMessage.Layer> changes;
        synchronized (subscription) {
            if (closed || handle == 0 || subscription.negotiating()) {
                return;
            }
            changes = subscription.layerChanges();
        }
        if (changes.isEmpty()) {
            return;
        }
        ObjectNode configure = VideoRoomRequests.body("configure");
        ArrayNode streams = configure.putArray("streams");
        changes.forEach((mid, layer) -> streams.addObject().put("mid", mid).put("substream", layer.ordinal()));
        janus.message(session.getAsLong(), handle, configure, null)
            .subscribe(null, (error) -> log.debug("Layers of participant {} were not changed: {}",
                    connection.participantId(), error.toString()));
    }

    /** Nothing more is asked of Janus: the session goes, and the handle with it. */
    void close() {
        closed = true;
    }

    private Mono<JsonNode> subscribe(List<FeedStream> streams) {
        return janus
            .attach(session.getAsLong(), JanusClient.VIDEOROOM,
                    MediaServers.opaqueId(connection.meetingId(), connection.participantId()), new Events())
            .flatMap((attached) -> {
                handle = attached;
                ObjectNode join = VideoRoomRequests.body("join").put("ptype", "subscriber").put("room", room);
                join.set("streams", VideoRoomRequests.streams(streams));
                return janus.message(session.getAsLong(), attached, join, null);
            });
    }

    private Mono<JsonNode> update(Subscription.Change change) {
        ObjectNode update = VideoRoomRequests.body("update");
        if (!change.add().isEmpty()) {
            update.set("subscribe", VideoRoomRequests.streams(change.add()));
        }
        if (!change.remove().isEmpty()) {
            update.set("unsubscribe", VideoRoomRequests.streams(change.remove()));
        }
        return janus.message(session.getAsLong(), handle, update, null);
    }

    /** Janus offered the subscription (or found nothing to change). */
    private void offered(JsonNode reply) {
        String sdp = reply.path("jsep").path("sdp").asString("");
        List<Subscription.OfferedStream> streams;
        synchronized (subscription) {
            failures = 0;
            streams = subscription.received(VideoRoomRequests.data(reply).path("streams"));
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
            lost.run();
            return;
        }
        log.warn("Subscription of participant {} was not changed: {}", connection.participantId(), error.toString());
        // usually a publisher that left meanwhile: keep those still in the room and retry
        rooms.participants(room)
            .map((present) -> present.stream()
                .filter(VideoRooms.Participant::publisher)
                .map(VideoRooms.Participant::id)
                .collect(Collectors.toSet()))
            .onErrorReturn(Set.of())
            .subscribe((feeds) -> {
                boolean retry;
                synchronized (subscription) {
                    subscription.retain(feeds);
                    subscription.settled();
                    retry = ++failures < MAX_FAILURES;
                }
                if (retry) {
                    sync();
                }
            }, (retryError) -> log.warn("Subscription of participant {} was not retried: {}",
                    connection.participantId(), retryError.toString()));
    }

    /**
     * Janus renegotiates a subscription on its own when a publisher it carries goes away.
     */
    private final class Events implements JanusEvents {

        @Override
        public void onEvent(JsonNode event) {
            if (event.has("jsep") && "updated".equals(VideoRoomRequests.data(event).path("videoroom").asString(""))) {
                synchronized (subscription) {
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
