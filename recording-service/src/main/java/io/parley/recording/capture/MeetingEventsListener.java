package io.parley.recording.capture;

import java.time.Duration;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.recording.catalog.Recording;
import io.parley.recording.catalog.Recordings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Recording starts and stops from {@code parley.meeting.events} into the catalogue. Runs
 * on a Kafka consumer thread, where waiting for PostgreSQL is allowed; a failed write is
 * retried by the container's error handler. Both writes are idempotent, so a redelivered
 * event changes nothing.
 */
@Component
class MeetingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MeetingEventsListener.class);

    private static final Duration DATABASE_WAIT = Duration.ofSeconds(10);

    private final Recordings recordings;

    private final EventCodec codec;

    MeetingEventsListener(Recordings recordings, EventCodec codec) {
        this.recordings = recordings;
        this.codec = codec;
    }

    record Started(String meetingId, String recordingId, Instant startedAt, String hostParticipantId,
            String hostAccountId, String orgId, Integer maxSeconds) {
    }

    record Stopped(String meetingId, String recordingId, Instant startedAt, Instant stoppedAt, String reason) {
    }

    @KafkaListener(id = "recordings", idIsGroup = false, topics = "parley.meeting.events",
            containerFactory = "recordingListenerFactory")
    void onMeetingEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        EventType type = EventType.fromCeType(event.getType()).orElse(null);
        if (type != EventType.RECORDING_STARTED && type != EventType.RECORDING_STOPPED) {
            return;
        }
        Mono<Void> write;
        try {
            write = (type == EventType.RECORDING_STARTED) ? started(codec.decode(event, Started.class))
                    : stopped(codec.decode(event, Stopped.class));
        }
        catch (MalformedEventException | IllegalArgumentException ex) {
            log.warn("Ignoring recording event {}: {}", event.getId(), ex.getMessage());
            return;
        }
        write.block(DATABASE_WAIT);
    }

    private Mono<Void> started(Started started) {
        check(started.recordingId(), started.meetingId(), started.startedAt());
        return recordings.started(started.recordingId(), started.meetingId(), started.startedAt(),
                started.hostParticipantId(), started.hostAccountId(), started.orgId(), started.maxSeconds());
    }

    private Mono<Void> stopped(Stopped stopped) {
        check(stopped.recordingId(), stopped.meetingId(), stopped.startedAt());
        Instant stoppedAt = (stopped.stoppedAt() != null) ? stopped.stoppedAt() : stopped.startedAt();
        return recordings.stopped(stopped.recordingId(), stopped.meetingId(), stopped.startedAt(), stoppedAt,
                stopped.reason());
    }

    private static void check(String recordingId, String meetingId, Instant startedAt) {
        if (!Recording.isRecordingId(recordingId) || !Recording.isMeetingId(meetingId) || startedAt == null) {
            throw new IllegalArgumentException("no valid recordingId, meetingId and startedAt");
        }
    }

}
