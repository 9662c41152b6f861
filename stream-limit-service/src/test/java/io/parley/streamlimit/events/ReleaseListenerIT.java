package io.parley.streamlimit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.StreamEventsReader;
import io.parley.streamlimit.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leases released by other services' events, each event delivered twice to prove the
 * consumers idempotent.
 */
class ReleaseListenerIT {

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), "test", Clock.systemUTC());

    private static RunningService service;

    private static WebTestClient client;

    private static StreamEventsReader events;

    private static KafkaProducer<String, CloudEvent> producer;

    private static KafkaProducer<String, byte[]> garbage;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        client = service.client();
        events = new StreamEventsReader();
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(properties);
        garbage = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close(Duration.ofSeconds(5));
        garbage.close(Duration.ofSeconds(5));
        events.close();
        service.close();
    }

    @Test
    void releasesTheLeaseOfAParticipantWhoDisconnectedOnce() throws Exception {
        String meeting = "m-" + UUID.randomUUID();
        String user = "leaver-" + UUID.randomUUID();
        String bystander = "bystander-" + UUID.randomUUID();
        startWithToken(user, meeting, "p1");
        startWithToken(bystander, meeting, "p2");

        CloudEvent disconnected = CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting,
                Map.of("meetingId", meeting, "participantId", "p1", "userId", user));
        send(meeting, disconnected);
        send(meeting, disconnected);
        // the same key puts this after the duplicate on the same partition: once it is
        // handled, so is the duplicate
        send(meeting, CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting,
                Map.of("meetingId", meeting, "participantId", "p2", "userId", bystander)));

        events.await(EventType.STREAM_ENDED, bystander, data -> true);
        assertThat(endedEvents(user)).singleElement().satisfies(event -> {
            assertThat(event.data().get("streamId").asString()).isEqualTo(meeting + ":p1");
            assertThat(event.data().get("reason").asString()).isEqualTo("participant-disconnected");
        });
        assertActiveCount(user, 0);
    }

    @Test
    void releasesEveryLeaseOfAMeetingThatEndedOnce() throws Exception {
        String meeting = "m-" + UUID.randomUUID();
        String host = "host-" + UUID.randomUUID();
        String guest = "guest-" + UUID.randomUUID();
        startWithToken(host, meeting, "p1");
        client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", guest, "streamId", meeting + ":p2", "meetingId", meeting))
            .exchange()
            .expectStatus()
            .isCreated();
        client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", guest, "streamId", "elsewhere"))
            .exchange()
            .expectStatus()
            .isCreated();

        CloudEvent ended = CODEC.encode(EventType.MEETING_ENDED, meeting, Map.of("meetingId", meeting));
        send(meeting, ended);
        send(meeting, ended);
        // the same key puts this after the duplicate on the same partition: once it is
        // handled, so is the duplicate
        String marker = "marker-" + UUID.randomUUID();
        startWithToken(marker, meeting + "-next", "p9");
        send(meeting, CODEC.encode(EventType.MEETING_ENDED, meeting, Map.of("meetingId", meeting + "-next")));

        events.await(EventType.STREAM_ENDED, marker, data -> true);
        assertThat(endedEvents(host)).singleElement()
            .satisfies(event -> assertThat(event.data().get("reason").asString()).isEqualTo("meeting-ended"));
        assertThat(endedEvents(guest)).singleElement()
            .satisfies(event -> assertThat(event.data().get("streamId").asString()).isEqualTo(meeting + ":p2"));
        assertActiveCount(host, 0);
        assertActiveCount(guest, 1);
    }

    @Test
    void skipsEventsItCannotReadAndGoesOn() throws Exception {
        String meeting = "m-" + UUID.randomUUID();
        String user = "after-garbage-" + UUID.randomUUID();
        startWithToken(user, meeting, "p1");

        send(meeting, CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting, "not an object"));
        send(meeting, CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting, Map.of("meetingId", meeting)));
        send(meeting, CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting,
                Map.of("meetingId", meeting, "participantId", "p1", "userId", user)));

        events.await(EventType.STREAM_ENDED, user, data -> true);
        assertActiveCount(user, 0);
    }

    @Test
    void aRecordThatIsNotACloudEventIsCountedAndSkippedAndTheNextOneIsProcessed() throws Exception {
        String meeting = "m-" + UUID.randomUUID();
        String leaver = "after-poison-" + UUID.randomUUID();
        String host = "host-after-poison-" + UUID.randomUUID();
        startWithToken(leaver, meeting, "p1");
        startWithToken(host, meeting + "-ended", "p1");
        double skippedBefore = skippedMalformed();

        // no CloudEvent headers and no JSON: no deserializer can make an event of it; the
        // same key puts the valid
        // event behind it on the same partition, so the valid one is handled only if the
        // garbage does not block it
        sendGarbage("parley.presence.events", meeting);
        sendGarbage("parley.meeting.events", meeting + "-ended");
        send(meeting, CODEC.encode(EventType.PARTICIPANT_DISCONNECTED, meeting,
                Map.of("meetingId", meeting, "participantId", "p1", "userId", leaver)));
        send(meeting + "-ended",
                CODEC.encode(EventType.MEETING_ENDED, meeting + "-ended", Map.of("meetingId", meeting + "-ended")));

        events.await(EventType.STREAM_ENDED, leaver, data -> true);
        events.await(EventType.STREAM_ENDED, host, data -> true);
        assertActiveCount(leaver, 0);
        assertActiveCount(host, 0);
        assertThat(skippedMalformed()).isEqualTo(skippedBefore + 2);
    }

    private static double skippedMalformed() {
        return service.bean(MeterRegistry.class)
            .get("parley.streams.releases.skipped")
            .tag("reason", "malformed")
            .counter()
            .count();
    }

    private static void sendGarbage(String topic, String key) throws Exception {
        byte[] value = "\u0000{not json, no ce_ headers".getBytes(StandardCharsets.UTF_8);
        garbage.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static void startWithToken(String user, String meeting, String participant) {
        client.post()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(TestTokens.token(user, meeting, participant)))
            .bodyValue(Map.of("streamId", meeting + ":" + participant, "meetingId", meeting))
            .exchange()
            .expectStatus()
            .isCreated();
    }

    private static java.util.List<StreamEventsReader.Event> endedEvents(String user) {
        return events.events()
            .stream()
            .filter(event -> event.type().equals(EventType.STREAM_ENDED.ceType()) && user.equals(event.key()))
            .toList();
    }

    private static void assertActiveCount(String user, int count) {
        client.get()
            .uri("/api/streams?userId={u}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.streamCount")
            .isEqualTo(count);
    }

    private static void send(String key, CloudEvent event) throws Exception {
        producer
            .send(new ProducerRecord<>(
                    event.getType().contains("presence") ? "parley.presence.events" : "parley.meeting.events", key,
                    event))
            .get();
    }

}
