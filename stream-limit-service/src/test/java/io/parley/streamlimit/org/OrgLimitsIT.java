package io.parley.streamlimit.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organization limits end to end: people events on the real Kafka change what the running
 * service admits on the real Redis, within the 5 seconds people-service promises for
 * {@code PUT /api/orgs/{id}/limits}. Users are accounts signed in through people-service,
 * so their join tokens' {@code sub} is the account id.
 */
class OrgLimitsIT {

    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final EventCodec CODEC = new EventCodec(JSON, "people-service", Clock.systemUTC());

    private static final String TOPIC = Topic.PEOPLE_EVENTS.topicName();

    private static RunningService service;

    private static WebTestClient client;

    private static KafkaProducer<String, CloudEvent> producer;

    private static KafkaProducer<String, byte[]> rawProducer;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        client = service.client();
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(properties);
        rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        // the 5 seconds count from an event's publication, not from the consumer's first
        // join of its group
        MessageListenerContainer listener = service.bean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("stream-limit-people");
        await().atMost(Duration.ofSeconds(30))
            .until(() -> listener.getAssignedPartitions() != null
                    && listener.getAssignedPartitions().size() == Topic.PEOPLE_EVENTS.partitions());
    }

    @AfterAll
    static void stop() {
        producer.close(Duration.ofSeconds(5));
        rawProducer.close(Duration.ofSeconds(5));
        service.close();
    }

    @Test
    void anOrganizationsLimitIsAppliedWithinFiveSecondsAndLeavingItRestoresTheDefault() throws Exception {
        String account = newAccount();
        String org = UUID.randomUUID().toString();
        String first = "m-" + UUID.randomUUID();
        String second = "m-" + UUID.randomUUID();
        assertThat(startStream(account, first, "p1").getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(startStream(account, second, "p1").getStatus()).isEqualTo(HttpStatus.CREATED);

        send(account, limitsChanged(org, account, 2));

        // a start admitted before the change arrived would still count: end it again, so
        // the count stays at 2
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> {
            EntityExchangeResult<byte[]> third = startStream(account, first, "p2");
            if (third.getStatus() == HttpStatus.CREATED) {
                endStream(account, first, "p2");
            }
            assertThat(third.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            JsonNode problem = body(third);
            assertThat(problem.get("limit").intValue()).isEqualTo(2);
            assertThat(problem.get("streamCount").intValue()).isEqualTo(2);
            assertThat(problem.get("detail").asString()).contains("2 of 2");
        });
        assertActive(account, 2, 2);

        send(account, limitsChanged(org, account, 4));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> {
            EntityExchangeResult<byte[]> third = startStream(account, second, "p2");
            assertThat(third.getStatus()).isEqualTo(HttpStatus.CREATED);
            assertThat(body(third).get("limit").intValue()).isEqualTo(4);
        });
        EntityExchangeResult<byte[]> fourth = startStream(account, first, "p3");
        assertThat(fourth.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(fourth).get("streamCount").intValue()).isEqualTo(4);
        EntityExchangeResult<byte[]> fifth = startStream(account, second, "p3");
        assertThat(fifth.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(fifth).get("limit").intValue()).isEqualTo(4);
        assertActive(account, 4, 4);

        send(account, memberEvent(EventType.ORG_MEMBER_REMOVED, org, account));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 4, 3));
        // the four leases held stay (lowering a limit ends none), but no new one is
        // admitted under the default
        EntityExchangeResult<byte[]> overDefault = startStream(account, second, "p4");
        assertThat(overDefault.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(overDefault).get("limit").intValue()).isEqualTo(3);
        assertThat(body(overDefault).get("streamCount").intValue()).isEqualTo(4);
        // a renewal reports the effective limit too
        client.put()
            .uri("/api/streams/{id}/lease", first + ":p1")
            .headers(h -> h.setBearerAuth(TestTokens.token(account, first, "p1")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.limit")
            .isEqualTo(3);
    }

    @Test
    void aPersonInTwoOrganizationsGetsTheMoreGenerousLimitUntilTheAccountIsDeleted() throws Exception {
        String account = newAccount();
        String small = UUID.randomUUID().toString();
        String large = UUID.randomUUID().toString();

        send(account, limitsChanged(small, account, 2));
        send(account, limitsChanged(large, account, 6));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 6));

        send(account, memberEvent(EventType.ORG_MEMBER_REMOVED, large, account));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 2));

        send(account, CODEC.encode(EventType.ACCOUNT_DELETED, account, Map.of("accountId", account)));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 3));
    }

    @Test
    void aRedeliveredEventNeverUndoesALaterChange() throws Exception {
        String account = newAccount();
        String org = UUID.randomUUID().toString();
        CloudEvent toTwo = limitsChanged(org, account, 2);
        send(account, toTwo);
        send(account, limitsChanged(org, account, 6));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 6));
        double duplicates = counter("parley.streams.org-limits.duplicates");

        send(account, toTwo);

        await().atMost(APPLIED_WITHIN).until(() -> counter("parley.streams.org-limits.duplicates") > duplicates);
        assertActive(account, 0, 6);
    }

    @Test
    void malformedEventsAreSkippedAndLaterOnesStillApplied() throws Exception {
        String account = newAccount();
        String org = UUID.randomUUID().toString();
        double malformed = counter("parley.streams.org-limits.skipped", "reason", "malformed");
        double set = counter("parley.streams.org-limits.applied", "change", "set");

        // all on the account's key, so on the partition the valid event after them is
        // queued on
        rawProducer.send(new ProducerRecord<>(TOPIC, account, "not a cloud event".getBytes(StandardCharsets.UTF_8)))
            .get();
        send(account, CODEC.encode(EventType.ORG_LIMITS_CHANGED, account, "not an object"));
        send(account,
                CODEC.encode(EventType.ORG_LIMITS_CHANGED, account, Map.of("orgId", org, "maxConcurrentStreams", 2)));
        send(account, CODEC.encode(EventType.ORG_LIMITS_CHANGED, account,
                Map.of("orgId", org, "accountId", account, "maxConcurrentStreams", 0)));
        send(account, CODEC.encode(EventType.ORG_LIMITS_CHANGED, account,
                Map.of("orgId", org, "accountId", account, "maxConcurrentStreams", "lots")));
        send(account, CODEC.encode(EventType.ORG_MEMBER_REMOVED, account, Map.of("accountId", account)));
        // types that change no limit pass without a word
        send(account, memberEvent(EventType.ORG_MEMBER_ADDED, org, account));
        send(account,
                CODEC.encode(EventType.ACCOUNT_CREATED, account, Map.of("accountId", account, "displayName", "Ada")));

        send(account, limitsChanged(org, account, 1));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 1));
        assertThat(counter("parley.streams.org-limits.skipped", "reason", "malformed") - malformed).isEqualTo(6);
        assertThat(counter("parley.streams.org-limits.applied", "change", "set") - set).isEqualTo(1);
        EntityExchangeResult<byte[]> first = startStream(account, "m-" + UUID.randomUUID(), "p1");
        assertThat(first.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(first).get("limit").intValue()).isEqualTo(1);
        assertThat(startStream(account, "m-" + UUID.randomUUID(), "p1").getStatus()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theChangesAreInTheMetricsCatalogue() throws Exception {
        String account = newAccount();
        send(account, limitsChanged(UUID.randomUUID().toString(), account, 5));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertActive(account, 0, 5));

        client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(text -> assertThat(text)
                .containsPattern("parley_streams_org_limits_applied_total\\{[^}]*change=\"set\"[^}]*} [1-9]")
                .containsPattern("parley_streams_org_limits_delay_seconds_bucket\\{[^}]*le=\"5\\.0\"[^}]*} [1-9]")
                .contains("parley_streams_org_limits_duplicates_total")
                .containsPattern("parley_streams_org_limits_skipped_total\\{[^}]*reason=\"malformed\""));
    }

    private static CloudEvent limitsChanged(String org, String account, int limit) {
        return CODEC.encode(EventType.ORG_LIMITS_CHANGED, account,
                Map.of("orgId", org, "accountId", account, "maxConcurrentStreams", limit));
    }

    private static CloudEvent memberEvent(EventType type, String org, String account) {
        return CODEC.encode(type, account, Map.of("orgId", org, "accountId", account, "role", "member"));
    }

    private static void send(String account, CloudEvent event) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, account, event)).get();
    }

    private static EntityExchangeResult<byte[]> startStream(String account, String meeting, String participant) {
        return client.post()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(TestTokens.token(account, meeting, participant)))
            .bodyValue(Map.of("streamId", meeting + ":" + participant, "meetingId", meeting))
            .exchange()
            .expectBody()
            .returnResult();
    }

    private static void endStream(String account, String meeting, String participant) {
        client.delete()
            .uri("/api/streams/{id}", meeting + ":" + participant)
            .headers(h -> h.setBearerAuth(TestTokens.token(account, meeting, participant)))
            .exchange()
            .expectStatus()
            .isOk();
    }

    /** {@code GET /api/streams} with the account's own join token. */
    private static void assertActive(String account, int streamCount, int limit) {
        client.get()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(TestTokens.token(account, "m-any", "p-any")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.streamCount")
            .isEqualTo(streamCount)
            .jsonPath("$.limit")
            .isEqualTo(limit);
    }

    private static JsonNode body(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(result.getResponseBody());
    }

    private static double counter(String name, String... tags) {
        return service.bean(MeterRegistry.class).counter(name, tags).count();
    }

    private static String newAccount() {
        return UUID.randomUUID().toString();
    }

}
