package io.parley.signaling.sfu;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts and stops a meeting's recording on the SFU when meeting-service says so (one
 * signaling instance handles each event): everyone is told ({@code recording}), a mesh
 * meeting moves to the SFU, the room records into {@code <recordings-dir>/<recordingId>}
 * and every instance configures the publishers it holds ({@link RecordingChannel}).
 * Whoever publishes later during the recording is recorded as they publish.
 */
@Component
public class SfuRecordings {

    private static final Logger log = LoggerFactory.getLogger(SfuRecordings.class);

    /** It names a folder on the Janus host: nothing but letters and digits. */
    private static final Pattern RECORDING_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final JanusInstances instances;

    private final SfuRooms rooms;

    private final RecordingStore store;

    private final RecordingChannel channel;

    private final MeetingChannels meetings;

    private final ServerMessages messages;

    private final SignalingMetrics metrics;

    SfuRecordings(JanusInstances instances, SfuRooms rooms, RecordingStore store, RecordingChannel channel,
            MeetingChannels meetings, ServerMessages messages, SignalingMetrics metrics) {
        this.instances = instances;
        this.rooms = rooms;
        this.store = store;
        this.channel = channel;
        this.meetings = meetings;
        this.messages = messages;
        this.metrics = metrics;
    }

    /**
     * @param startedAt when meeting-service started it (ISO-8601), or null
     * @param maxSeconds the longest it may last, or 0 when unknown
     */
    public Mono<Void> started(String meetingId, String recordingId, String startedAt, long maxSeconds) {
        if (recordingId == null || !RECORDING_ID.matcher(recordingId).matches()) {
            log.warn("Ignoring the start of a recording of meeting {} without a valid recording id", meetingId);
            return Mono.empty();
        }
        RecordingStore.Recording recording = new RecordingStore.Recording(recordingId,
                (startedAt != null) ? startedAt : Instant.now().toString());
        Mono<Void> tell = meetings
            .publish(meetingId,
                    Envelope.everyone(messages.of(MessageType.RECORDING,
                            Map.of("active", true, "recordingId", recordingId, "startedAt", recording.startedAt()))))
            .then();
        if (!instances.enabled()) {
            log.warn("Meeting {} records with no Janus instance configured: nothing is captured", meetingId);
            return tell;
        }
        // everyone hears of it before anything is captured
        return store.start(meetingId, recording, maxSeconds)
            .then(tell)
            .then(rooms.current(meetingId).hasElement())
            .flatMap((onSfu) -> capture(meetingId, recordingId, onSfu));
    }

    public Mono<Void> stopped(String meetingId, String recordingId, String reason) {
        if (recordingId == null || !RECORDING_ID.matcher(recordingId).matches()) {
            log.warn("Ignoring the stop of a recording of meeting {} without a valid recording id", meetingId);
            return Mono.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("active", false);
        fields.put("recordingId", recordingId);
        if (reason != null) {
            fields.put("reason", reason);
        }
        Mono<Void> stop = instances.enabled() ? store.stop(meetingId, recordingId)
            .then(channel.publish(new RecordingChannel.Signal(false, recordingId, meetingId))) : Mono.empty();
        return stop.then(meetings.publish(meetingId, Envelope.everyone(messages.of(MessageType.RECORDING, fields))))
            .then();
    }

    /**
     * Gives the meeting a room (telling everyone it moved when it was a mesh), points the
     * room's recorders at the recording's folder, then has every instance start its
     * publishers' recorders. Janus not answering leaves it to the publishers' next
     * publish.
     */
    private Mono<Void> capture(String meetingId, String recordingId, boolean onSfu) {
        return rooms.ensure(meetingId)
            .flatMap((room) -> (onSfu ? Mono.<Void>empty() : movedToSfu(meetingId))
                .then(Mono.justOrEmpty(instances.rooms(room.instance())))
                .switchIfEmpty(Mono.error(new IllegalStateException("No Janus instance " + room.instance())))
                .flatMap((videoRooms) -> videoRooms.recordInto(room.id(), room.secret(), recordingId)))
            .then(channel.publish(new RecordingChannel.Signal(true, recordingId, meetingId)))
            .onErrorResume((error) -> {
                log.warn("Recording {} of meeting {} waits for its publishers: the SFU did not answer ({})",
                        recordingId, meetingId, error.toString());
                return Mono.empty();
            });
    }

    private Mono<Void> movedToSfu(String meetingId) {
        metrics.movedToSfu();
        return meetings
            .publish(meetingId,
                    Envelope.everyone(messages.of(MessageType.MEDIA_MODE, Map.of("mode", MediaMode.SFU.wireName()))))
            .then();
    }

}
