package io.parley.meeting.participant;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code online} flags from signaling's presence events
 * ({@code parley.presence.events}): a participant is online while at least one of their
 * connections is open. Events for unknown participants or ended meetings are ignored; a
 * redelivered event (same id) is applied once. Payload: docs/meetings.md, "Presence
 * events consumed".
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

    PresenceListener(MeetingStore store, EventCodec codec, MeetingMetrics metrics) {
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
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
        Outcome outcome = store
            .presence(presence.meetingId(), presence.participantId(), connection,
                    type == EventType.PARTICIPANT_CONNECTED, event.getId())
            .block(REDIS_WAIT);
        metrics.presenceEvent(outcome == Outcome.OK ? "applied" : outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

}
