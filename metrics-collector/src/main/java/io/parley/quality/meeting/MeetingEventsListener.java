package io.parley.quality.meeting;

import java.time.Duration;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Builds the roster from {@code parley.meeting.events}: the host of each creation and
 * every join, with the join token's subject (the account id of signed-in people), and the
 * organization of each meeting created for one. Runs on a Kafka consumer thread, where
 * waiting for PostgreSQL is allowed; a failed write is retried by the container's error
 * handler, so an outage pauses the roster instead of losing it.
 */
@Component
class MeetingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MeetingEventsListener.class);

    private static final Duration DATABASE_WAIT = Duration.ofSeconds(10);

    private final MeetingRoster roster;

    private final EventCodec codec;

    MeetingEventsListener(MeetingRoster roster, EventCodec codec) {
        this.roster = roster;
        this.codec = codec;
    }

    record Participant(String participantId, String role, String userId) {
    }

    /** {@code orgId} is the organization the meeting belongs to, when it has one. */
    record Created(String meetingId, Participant host, Instant createdAt, String orgId) {
    }

    record Joined(String meetingId, Participant participant, Instant joinedAt) {
    }

    @KafkaListener(id = "quality-roster", idIsGroup = false, containerFactory = "meetingEventsListenerFactory",
            topics = "#{T(io.parley.events.Topic).MEETING_EVENTS.topicName()}")
    void onMeetingEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        EventType type = event == null ? null : EventType.fromCeType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        Mono<Void> write;
        try {
            write = switch (type) {
                case MEETING_CREATED -> {
                    Created created = codec.decode(event, Created.class);
                    yield joined(created.meetingId(), created.host(), created.createdAt()).then(organized(created));
                }
                case PARTICIPANT_JOINED -> {
                    Joined joined = codec.decode(event, Joined.class);
                    yield joined(joined.meetingId(), joined.participant(), joined.joinedAt());
                }
                default -> Mono.empty();
            };
        }
        catch (MalformedEventException ex) {
            log.warn("Ignoring meeting event {}: {}", event.getId(), ex.getMessage());
            return;
        }
        write.block(DATABASE_WAIT);
    }

    private Mono<Void> joined(String meetingId, Participant participant, Instant at) {
        Participant who = required(participant);
        return roster.joined(required(meetingId), required(who.participantId()), who.userId(), who.role(),
                required(at));
    }

    private Mono<Void> organized(Created created) {
        return (created.orgId() != null) ? roster.organized(created.meetingId(), created.orgId(), created.createdAt())
                : Mono.empty();
    }

    /**
     * An event without what the roster needs is skipped: retrying it could never succeed.
     */
    private static <T> T required(T value) {
        if (value == null) {
            throw new MalformedEventException("a required field is missing");
        }
        return value;
    }

}
