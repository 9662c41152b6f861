package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SFU participants whose sockets this instance holds: {@code sfu-publish} and
 * {@code sfu-start} go to theirs, their Janus sessions are kept alive, and a socket that
 * closes destroys its session (Janus then tells the room it left).
 */
@Component
public class SfuSessions implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SfuSessions.class);

    private final Map<Connection, SfuParticipant> participants = new ConcurrentHashMap<>();

    private final JanusInstances instances;

    private final SfuRooms rooms;

    private final ServerMessages messages;

    private final Replies replies;

    private volatile Disposable keepAlive;

    private final SignalingMetrics metrics;

    private final RecordingStore recordings;

    private final RecordingChannel recordingChannel;

    private final SfuMetrics sfuMetrics;

    private final StreamLeases leases;

    private volatile Disposable leaseRenewals;

    SfuSessions(JanusInstances instances, SfuRooms rooms, ServerMessages messages, Replies replies,
            SignalingMetrics metrics, RecordingStore recordings, RecordingChannel recordingChannel,
            SfuMetrics sfuMetrics, StreamLeases leases) {
        this.instances = instances;
        this.metrics = metrics;
        this.rooms = rooms;
        this.messages = messages;
        this.replies = replies;
        this.recordings = recordings;
        this.recordingChannel = recordingChannel;
        this.sfuMetrics = sfuMetrics;
        this.leases = leases;
        recordingChannel.receive(this::recordingChanged);
    }

    Mono<Void> publish(Connection sender, ClientMessage.SfuPublish publish) {
        return participant(sender).flatMap((participant) -> participant.publish(publish.sdp(), publish.screen())
            .onErrorResume(JanusException.class, (ex) -> {
                if (ex.code() != JanusException.NO_SUCH_ROOM) {
                    return Mono.error(ex);
                }
                // Janus restarted and lost the room: a new one, once
                drop(participant);
                return rooms.forget(sender.meetingId(), participant.room())
                    .then(rooms.ensure(sender.meetingId()))
                    .then(participant(sender))
                    .flatMap((fresh) -> fresh.publish(publish.sdp(), publish.screen()));
            })
            .onErrorResume(JanusUnavailableException.class, (ex) -> {
                // its instance is gone: the meeting goes on on another one, if one
                // answers
                drop(participant);
                return rooms.moveOff(sender.meetingId(), participant.room())
                    .then(participant(sender))
                    .flatMap((fresh) -> fresh.publish(publish.sdp(), publish.screen()));
            })).then(Mono.defer(() -> recordIfRecording(sender))).onErrorResume((error) -> refuse(sender, error));
    }

    Mono<Void> start(Connection sender, ClientMessage.SfuStart start) {
        SfuParticipant participant = participants.get(sender);
        if (participant == null || !participant.awaitingAnswer()) {
            return replies.error(sender, ErrorCode.SFU_REFUSED, "No sfu-offer is waiting for an answer.");
        }
        return participant.start(start.sdp()).onErrorResume((error) -> refuse(sender, error));
    }

    Mono<Void> view(Connection sender, ClientMessage.SfuView view) {
        SfuParticipant participant = participants.get(sender);
        if (participant == null) {
            return replies.error(sender, ErrorCode.SFU_REFUSED, "Publish (sfu-publish) before choosing videos.");
        }
        participant.view(view.videos());
        return Mono.empty();
    }

    /** The socket closed. */
    public void leave(Connection connection) {
        SfuParticipant participant = participants.remove(connection);
        if (participant != null) {
            participant.close();
            metrics.sfuParticipants(participants.size());
            countRecording();
        }
    }

    /**
     * A participant who publishes during a recording is recorded from then on: the room's
     * recorders are pointed at the recording's folder first (the room may be newer than
     * the recording).
     */
    private Mono<Void> recordIfRecording(Connection sender) {
        SfuParticipant participant = participants.get(sender);
        if (participant == null || !participant.unrecordedPublisher()) {
            return Mono.empty();
        }
        SfuRooms.MeetingRoom room = participant.room();
        return recordings.current(sender.meetingId())
            .flatMap((recording) -> rooms(room).recordInto(room.id(), room.secret(), recording.id())
                .then(participant.record(recording.id())))
            .doFinally((signal) -> countRecording())
            .onErrorResume((error) -> {
                log.warn("Participant {} publishes unrecorded during a recording: {}", sender.participantId(),
                        error.toString());
                return Mono.empty();
            });
    }

    /** Another instance (or this one) started or stopped a recording. */
    private void recordingChanged(RecordingChannel.Signal signal) {
        Flux.fromIterable(participants.values())
            .filter((participant) -> participant.meetingId().equals(signal.meetingId()))
            .flatMap((participant) -> (signal.start() ? participant.record(signal.recordingId())
                    : participant.stopRecording())
                .onErrorResume((error) -> {
                    log.warn("Recording {} was not {} for participant {}: {}", signal.recordingId(),
                            signal.start() ? "started" : "stopped", participant.participantId(), error.toString());
                    return Mono.empty();
                }))
            .doFinally((done) -> countRecording())
            .subscribe();
    }

    private void countRecording() {
        sfuMetrics.recordingPublishers((int) participants.values().stream().filter(SfuParticipant::recording).count());
    }

    private Mono<SfuParticipant> participant(Connection sender) {
        SfuParticipant held = participants.get(sender);
        if (held != null) {
            return Mono.just(held);
        }
        // so that this instance hears when a recording starts or stops
        return recordingChannel.listen()
            .onErrorComplete()
            .then(rooms.current(sender.meetingId()))
            .switchIfEmpty(Mono.error(new NotOnSfuException()))
            .map((room) -> participants.computeIfAbsent(sender, (connection) -> new SfuParticipant(socket(room),
                    rooms(room), room, connection, messages, leases, this::lost)));
    }

    private JanusSocket socket(SfuRooms.MeetingRoom room) {
        return instances.socket(room.instance()).orElseThrow(() -> new UnknownInstanceException(room.instance()));
    }

    private VideoRooms rooms(SfuRooms.MeetingRoom room) {
        return instances.rooms(room.instance()).orElseThrow(() -> new UnknownInstanceException(room.instance()));
    }

    private void drop(SfuParticipant participant) {
        participants.values().remove(participant);
        participant.close();
    }

    /** Janus went away under this participant: it publishes again when it is told. */
    private void lost(SfuParticipant participant) {
        participants.entrySet()
            .stream()
            .filter((entry) -> entry.getValue() == participant)
            .findFirst()
            .ifPresent((entry) -> {
                participants.remove(entry.getKey(), participant);
                replies.error(entry.getKey(), ErrorCode.SFU_UNAVAILABLE,
                        "The media server went away; publish again to reconnect.");
            });
    }

    private Mono<Void> refuse(Connection sender, Throwable error) {
        if (error instanceof NotOnSfuException) {
            return replies.error(sender, ErrorCode.NOT_ON_SFU, "This meeting's media is peer to peer.");
        }
        if (error instanceof JanusException janus) {
            return replies.error(sender, ErrorCode.SFU_REFUSED, "The media server refused it: " + janus.getMessage());
        }
        SfuParticipant participant = participants.remove(sender);
        if (participant != null) {
            participant.close();
        }
        return replies.error(sender, ErrorCode.SFU_UNAVAILABLE, "The media server cannot be reached; try again.");
    }

    @Override
    public void afterPropertiesSet() {
        if (instances.enabled()) {
            Duration interval = instances.settings().keepaliveInterval();
            keepAlive = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap((tick) -> Flux.fromIterable(participants.values()).flatMap(SfuParticipant::keepAlive))
                .subscribe();
            Duration renewal = leases.renewInterval();
            leaseRenewals = Flux.interval(renewal, renewal)
                .subscribe((tick) -> participants.values().forEach(SfuParticipant::renewVideoLeases));
        }
    }

    @Override
    public void destroy() {
        if (keepAlive != null) {
            keepAlive.dispose();
        }
        if (leaseRenewals != null) {
            leaseRenewals.dispose();
        }
        participants.values().forEach(SfuParticipant::close);
        participants.clear();
    }

    /** The meeting has no room: it is a mesh. */
    private static final class NotOnSfuException extends RuntimeException {

        NotOnSfuException() {
            super("The meeting is not on the SFU", null, false, false);
        }

    }

    /** A room recorded on an instance this one does not know (configurations differ). */
    private static final class UnknownInstanceException extends RuntimeException {

        UnknownInstanceException(String instance) {
            super("No Janus instance " + instance + " is configured here", null, false, false);
        }

    }

}
