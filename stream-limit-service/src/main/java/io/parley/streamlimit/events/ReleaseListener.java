package io.parley.streamlimit.events;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.events.StreamEvents.Reason;
import io.parley.streamlimit.lease.StreamLeases;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Releases the leases of participants who disconnected and of meetings that ended, so a
 * crashed or closed client never keeps a stream until its lease runs out. Both are
 * idempotent: ending a lease twice changes nothing, and the stream-ended events get ids
 * derived from the consumed event's id. A record that cannot be read, or an event without
 * the fields a release needs, is thrown out as {@link MalformedEventException}: the error
 * handler logs, counts and skips it at once ({@link KafkaConsumerConfiguration}), and the
 * partition goes on.
 *
 * <p>
 * Signaling holds its leases under the stream id {@code <meetingId>:<participantId>},
 * which is how a disconnect finds the lease to release.
 */
@Component
class ReleaseListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final StreamLeases leases;

    private final EventCodec codec;

    ReleaseListener(StreamLeases leases, EventCodec codec) {
        this.leases = leases;
        this.codec = codec;
    }

    record ParticipantDisconnected(String meetingId, String participantId, String userId) {
    }

    record MeetingEnded(String meetingId) {
    }

    /**
     * Runs on a Kafka consumer thread, never an event loop, so waiting for Redis here
     * blocks nothing else.
     */
    @KafkaListener(id = "stream-limit-presence", topics = "parley.presence.events",
            groupId = "${spring.application.name}")
    void onPresence(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = eventOf(record);
        if (event == null || !EventType.PARTICIPANT_DISCONNECTED.ceType().equals(event.getType())) {
            return;
        }
        ParticipantDisconnected left = codec.decode(event, ParticipantDisconnected.class);
        if (left.userId() == null || left.meetingId() == null || left.participantId() == null) {
            throw new MalformedEventException(
                    event.getType() + " " + event.getId() + " lacks userId, meetingId or participantId");
        }
        String streamId = left.meetingId() + ":" + left.participantId();
        leases.release(left.userId(), streamId, Reason.PARTICIPANT_DISCONNECTED, event.getId() + "/" + streamId)
            .block(TIMEOUT);
    }

    @KafkaListener(id = "stream-limit-meetings", topics = "parley.meeting.events",
            groupId = "${spring.application.name}")
    void onMeeting(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = eventOf(record);
        if (event == null || !EventType.MEETING_ENDED.ceType().equals(event.getType())) {
            return;
        }
        MeetingEnded ended = codec.decode(event, MeetingEnded.class);
        if (ended.meetingId() == null) {
            throw new MalformedEventException(event.getType() + " " + event.getId() + " lacks meetingId");
        }
        leases.endMeeting(ended.meetingId(), event.getId()).block(TIMEOUT);
    }

    /**
     * The record's event, or null for a record without one; a record the deserializer
     * could not read is malformed.
     */
    private static CloudEvent eventOf(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null
                && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new MalformedEventException("it is not a CloudEvent");
        }
        return record.value();
    }

}
