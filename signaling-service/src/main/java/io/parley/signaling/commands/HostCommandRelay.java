package io.parley.signaling.commands;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.parley.events.EventType;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.sfu.SfuRecordings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Host commands from meeting-service. All signaling instances share one consumer group,
 * so each event is consumed once, then fanned out to every instance through the meeting's
 * Redis channel. The offset is committed only after the fan-out was published. Recording
 * starts and stops go to {@link SfuRecordings}, which also tells the participants.
 */
@Component
class HostCommandRelay {

    private static final Logger log = LoggerFactory.getLogger(HostCommandRelay.class);

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Moving a meeting to the SFU and pointing its room's recorders take a few requests.
     */
    private static final Duration RECORDING_TIMEOUT = Duration.ofSeconds(20);

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final SfuRecordings recordings;

    HostCommandRelay(MeetingChannels channels, ServerMessages messages, SfuRecordings recordings) {
        this.channels = channels;
        this.messages = messages;
        this.recordings = recordings;
    }

    @KafkaListener(topics = "parley.meeting.events", groupId = "signaling-service")
    void onMeetingEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || event.getData() == null) {
            return;
        }
        Optional<EventType> type = EventType.fromCeType(event.getType());
        JsonNode data;
        try {
            data = messages.read(new String(event.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (RuntimeException ex) {
            log.warn("Skipping unreadable meeting event {}", event.getId());
            return;
        }
        String meetingId = text(data, "meetingId");
        if (type.isEmpty() || meetingId == null) {
            return;
        }
        if (type.get() == EventType.RECORDING_STARTED) {
            recordings
                .started(meetingId, text(data, "recordingId"), text(data, "startedAt"),
                        data.path("maxSeconds").asLong(0))
                .block(RECORDING_TIMEOUT);
            return;
        }
        if (type.get() == EventType.RECORDING_STOPPED) {
            recordings.stopped(meetingId, text(data, "recordingId"), text(data, "reason")).block(RECORDING_TIMEOUT);
            return;
        }
        toEnvelope(type.get(), data)
            .ifPresent(envelope -> channels.publish(meetingId, envelope).block(PUBLISH_TIMEOUT));
    }

    Optional<Envelope> toEnvelope(EventType type, JsonNode data) {
        String by = text(data, "by");
        String participantId = text(data, "participantId");
        return switch (type) {
            case MUTED_ALL -> Optional.of(Envelope.everyoneExcept(by,
                    messages.of(MessageType.MUTED, by == null ? Map.of() : Map.of("by", by))));
            case PARTICIPANT_MUTED -> Optional.ofNullable(participantId)
                .map(pid -> Envelope.to(pid, messages.of(MessageType.MUTED, by == null ? Map.of() : Map.of("by", by))));
            case TIMER_STARTED -> Optional.of(Envelope
                .everyone(messages.of(MessageType.TIMER, Map.of("seconds", data.path("seconds").asInt(), "endsAt",
                        String.valueOf(text(data, "endsAt")), "preset", String.valueOf(text(data, "preset"))))));
            case PARTICIPANT_REMOVED -> "removed".equals(text(data, "reason")) && participantId != null ? Optional
                .of(Envelope.to(participantId, messages.of(MessageType.REMOVED)).thenClose(CloseCode.FORBIDDEN.code()))
                    : Optional.empty();
            case MEETING_ENDED -> Optional.of(Envelope.everyone(messages.of(MessageType.MEETING_ENDED))
                .thenClose(CloseCode.MEETING_ENDED.code()));
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

}
