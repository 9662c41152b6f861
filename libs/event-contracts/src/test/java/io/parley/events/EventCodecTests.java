package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

    record Joined(String meetingId, String participantId, String name) {
    }

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build(), "meeting-service",
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void encodesTypeSourceSubjectTimeAndJsonData() {
        CloudEvent event = codec.encode(EventType.PARTICIPANT_JOINED, "m-1", new Joined("m-1", "p-1", "Ada"));

        assertThat(event.getType()).isEqualTo("io.parley.meeting.participant-joined");
        assertThat(event.getSource()).hasToString("/parley/meeting-service");
        assertThat(event.getSubject()).isEqualTo("m-1");
        assertThat(event.getTime()).hasToString("2026-11-23T10:00Z");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
            .isEqualTo("{\"meetingId\":\"m-1\",\"participantId\":\"p-1\",\"name\":\"Ada\"}");
    }

    @Test
    void decodesWhatItEncoded() {
        Joined joined = new Joined("m-1", "p-1", "Ada");

        assertThat(codec.decode(codec.encode(EventType.PARTICIPANT_JOINED, "m-1", joined), Joined.class))
            .isEqualTo(joined);
    }

    @Test
    void rejectsDataThatIsNotThePromisedPayload() {
        CloudEvent broken = CloudEventBuilder.v1()
            .withId("e-1")
            .withType(EventType.PARTICIPANT_JOINED.ceType())
            .withSource(java.net.URI.create("/test"))
            .withData("not json".getBytes(StandardCharsets.UTF_8))
            .build();

        assertThatThrownBy(() -> codec.decode(broken, Joined.class)).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("e-1");
    }

    @Test
    void findsEventTypesByTheirCloudEventsType() {
        assertThat(EventType.fromCeType("io.parley.stream.lease-expired")).contains(EventType.LEASE_EXPIRED);
        assertThat(EventType.fromCeType("io.parley.unknown")).isEmpty();
        assertThat(EventType.LEASE_EXPIRED.topic().topicName()).isEqualTo("parley.stream.events");
    }

}
