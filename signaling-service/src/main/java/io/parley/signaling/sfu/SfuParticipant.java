package io.parley.signaling.sfu;

import java.util.List;
import java.util.function.Consumer;

import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One participant's media on the SFU, held by the signaling instance of its socket: a
 * Janus session on that instance's WebSocket with a publisher handle
 * ({@link SfuPublisher}) and, once there is something to receive, one multistream
 * subscriber handle ({@link SfuSubscriber}) that follows the room's publishers, within
 * what the video leases allow ({@link ReceivedVideos}).
 */
final class SfuParticipant {

    private static final Logger log = LoggerFactory.getLogger(SfuParticipant.class);

    private final JanusSocket janus;

    private final SfuRooms.MeetingRoom room;

    private final Connection connection;

    private final ReceivedVideos videos;

    private final SfuSubscriber subscriber;

    private final SfuPublisher publisher;

    private volatile boolean started;

    private volatile boolean closed;

    SfuParticipant(JanusSocket janus, VideoRooms rooms, SfuRooms.MeetingRoom room, Connection connection,
            ServerMessages messages, StreamLeases leases, Consumer<SfuParticipant> lost) {
        this.janus = janus;
        this.room = room;
        this.connection = connection;
        Subscription subscription = new Subscription();
        this.videos = new ReceivedVideos(subscription, leases, connection, messages, this::changed);
        this.publisher = new SfuPublisher(janus, room.id(), connection, messages, videos, this::changed,
                () -> lost.accept(this));
        this.subscriber = new SfuSubscriber(janus, rooms, room.id(), connection, messages, subscription, videos,
                publisher::session, () -> lost.accept(this));
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
        return publisher.publish(sdp, screenMid);
    }

    /**
     * Records what this participant publishes into the recording, unless it publishes
     * nothing yet (then its publish comes back here) or already does.
     */
    Mono<Void> record(String recordingId) {
        return publisher.record(recordingId);
    }

    /** Stops recording, if it does: Janus closes the recorders. */
    Mono<Void> stopRecording() {
        return publisher.stopRecording();
    }

    boolean recording() {
        return publisher.recording();
    }

    /** Publishes media that no recording captures. */
    boolean unrecordedPublisher() {
        return publisher.unrecorded();
    }

    String meetingId() {
        return connection.meetingId();
    }

    String participantId() {
        return connection.participantId();
    }

    /** The client's answer to the subscription's latest offer. */
    Mono<Void> start(String sdp) {
        return subscriber.start(sdp);
    }

    /**
     * The client's {@code sfu-view}: whose camera video it wants first, and the layer of
     * each.
     */
    void view(List<ClientMessage.WantedVideo> wanted) {
        videos.change((subscription) -> subscription.view(wanted));
        subscriber.sync();
        subscriber.askLayers();
    }

    /** Renews the video leases and tries again for videos the limit held back. */
    void renewVideoLeases() {
        videos.renew();
    }

    /** Whether an {@code sfu-offer} waits for the client's {@code sfu-start}. */
    boolean awaitingAnswer() {
        return subscriber.awaitingAnswer();
    }

    Mono<Void> keepAlive() {
        long held = publisher.session();
        return (held != 0 && !closed) ? janus.keepalive(held).onErrorComplete() : Mono.empty();
    }

    /** Destroys the Janus session: Janus tells the others this publisher left. */
    void close() {
        closed = true;
        publisher.close();
        subscriber.close();
        videos.close();
        if (started) {
            publisher.destroy(subscriber::handle)
                .subscribe(null, (error) -> log.debug("Session of participant {} was not destroyed: {}",
                        connection.participantId(), error.toString()));
        }
    }

    /**
     * What the room publishes or how many videos the leases allow changed: the
     * subscription follows.
     */
    private void changed() {
        subscriber.sync();
    }

}
