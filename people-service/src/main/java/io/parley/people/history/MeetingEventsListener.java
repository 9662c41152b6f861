package io.parley.people.history;

import java.time.Duration;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.people.call.MeetingEndings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Builds "my meetings" from {@code parley.meeting.events}: creations, joins (with the
 * join token's subject, which is the account id for signed-in people) and ends; a
 * meeting's end also ends a call held in it. Runs on a Kafka consumer thread, where
 * waiting for PostgreSQL is allowed; a failed write is retried by the container's error
 * handler, so a database outage pauses the history instead of losing it.
 */
@Component
class MeetingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MeetingEventsListener.class);

    private static final Duration DATABASE_WAIT = Duration.ofSeconds(10);

    private final MeetingHistory history;

    private final MeetingEndings calls;

    private final EventCodec codec;

    MeetingEventsListener(MeetingHistory history, MeetingEndings calls, EventCodec codec) {
        this.history = history;
        this.calls = calls;
        this.codec = codec;
    }

    record Participant(String participantId, String name, String role, String userId) {
    }

    record Created(String meetingId, String slug, String title, Participant host, Instant createdAt) {
    }

    record Joined(String meetingId, Participant participant, Instant joinedAt) {
    }

    record Ended(String meetingId, Instant at) {
    }

    @KafkaListener(id = "meeting-history", idIsGroup = false, topics = "parley.meeting.events",
            containerFactory = "historyListenerFactory")
    void onMeetingEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        EventType type = EventType.fromCeType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        Mono<Void> write;
        try {
            write = switch (type) {
                case MEETING_CREATED -> created(codec.decode(event, Created.class));
                case PARTICIPANT_JOINED -> joined(codec.decode(event, Joined.class));
                case MEETING_ENDED -> {
                    Ended ended = codec.decode(event, Ended.class);
                    yield history.ended(ended.meetingId(), ended.at()).then(calls.meetingEnded(ended.meetingId()));
                }
                default -> Mono.empty();
            };
        }
        catch (MalformedEventException | NullPointerException ex) {
            log.warn("Ignoring meeting event {}: {}", event.getId(), ex.getMessage());
            return;
        }
        write.block(DATABASE_WAIT);
    }

    private Mono<Void> created(Created created) {
        Participant host = created.host();
        return history.created(created.meetingId(), created.title(), created.slug(), created.createdAt())
            .then(history.joined(created.meetingId(), host.participantId(), host.userId(), host.name(), host.role(),
                    created.createdAt()));
    }

    private Mono<Void> joined(Joined joined) {
        Participant participant = joined.participant();
        return history.joined(joined.meetingId(), participant.participantId(), participant.userId(), participant.name(),
                participant.role(), joined.joinedAt());
    }

}
