package io.parley.meeting.participant;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.OutboxPublisher;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.recording.RecordingStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code online} flags from signaling's presence events
 * ({@code parley.presence.events}): a participant is online while at least one of their
 * connections is open. Events for unknown participants or ended meetings are ignored; a
 * redelivered event (same id) is applied once. Payload: docs/meetings.md, "Presence
 * events consumed".
 * <p>
 * The last connection of the host who started a recording closing stops it: the one
 * presence change that emits an event. So the meeting is marked as having pending events
 * first only when the recording's host disconnects, not on every presence event.
 */
@Component
class PresenceListener {

    private static final Logger log = LoggerFactory.getLogger(PresenceListener.class);

    /**
     * The listener runs on a Kafka consumer thread, where waiting for Redis is allowed;
     * bounded all the same.
     */
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    private static final String NO_CONNECTION = "-";

    private final MeetingStore store;

    private final EventCodec codec;

    private final MeetingMetrics metrics;

    private final RecordingStore recordings;

    private final OutboxPublisher publisher;

    private final MeetingChanges changes;

    PresenceListener(MeetingStore store, EventCodec codec, MeetingMetrics metrics, RecordingStore recordings,
            OutboxPublisher publisher, MeetingChanges changes) {
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.recordings = recordings;
        this.publisher = publisher;
        this.changes = changes;
    }

    /** What meeting-service reads from a presence event; other fields are ignored. */
    record PresenceEvent(String meetingId, String participantId, String connectionId) {
    }

    @KafkaListener(id = "presence", idIsGroup = false, topics = "parley.presence.events",
            containerFactory = "presenceListenerFactory")
    void onPresence(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        EventType type = EventType.fromCeType(event.getType()).orElse(null);
        if (type != EventType.PARTICIPANT_CONNECTED && type != EventType.PARTICIPANT_DISCONNECTED) {
            return;
        }
        PresenceEvent presence;
        try {
            presence = codec.decode(event, PresenceEvent.class);
        }
        catch (MalformedEventException ex) {
            log.warn("Ignoring presence event {}: {}", event.getId(), ex.getMessage());
            metrics.presenceEvent("ignored");
            return;
        }
        if (!MeetingIds.isMeetingId(presence.meetingId()) || !MeetingIds.isParticipantId(presence.participantId())) {
            metrics.presenceEvent("ignored");
            return;
        }
        String connection = presence.connectionId() == null || presence.connectionId().isBlank() ? NO_CONNECTION
                : presence.connectionId().replace(' ', '_');
        String meetingId = presence.meetingId();
        boolean connected = type == EventType.PARTICIPANT_CONNECTED;
        Mono<Void> markIfRecordingHost = connected ? Mono.empty()
                : recordings.recordingHost(meetingId)
                    .filter(presence.participantId()::equals)
                    .flatMap(host -> publisher.markPending(meetingId));
        // announce marks the meeting pending (again: the recording may have started after
        // the check) and publishes the stop
        Outcome outcome = markIfRecordingHost
            .then(store.presence(meetingId, presence.participantId(), connection, connected, event.getId()))
            .flatMap(applied -> (applied == Outcome.STOPPED_RECORDING) ? changes.announce(meetingId).thenReturn(applied)
                    : Mono.just(applied))
            .block(REDIS_WAIT);
        if (outcome == Outcome.STOPPED_RECORDING) {
            metrics.recordingStopped("host-left");
        }
        boolean applied = outcome == Outcome.OK || outcome == Outcome.STOPPED_RECORDING;
        metrics.presenceEvent(applied ? "applied" : outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

}
