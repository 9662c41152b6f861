package io.parley.streamlimit.org;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
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
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A limit change that arrives while Redis is down waits for Redis instead of being
 * dropped (the lease releases give up after about two minutes; a dropped limit change
 * would stay wrong for good).
 */
class OrgLimitsRedisOutageIT {

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), "people-service",
            Clock.systemUTC());

    @TempDir
    Path redisDir;

    @Test
    void aLimitChangeWaitsForRedisAndIsAppliedOnceItIsBack() throws Exception {
        String account = UUID.randomUUID().toString();
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                RunningService service = RunningService.start(redis, SharedInfrastructure.kafka());
                KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(properties)) {
            WebTestClient client = service.client();
            MessageListenerContainer listener = service.bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("stream-limit-people");
            await().atMost(Duration.ofSeconds(30))
                .until(() -> listener.getAssignedPartitions() != null
                        && listener.getAssignedPartitions().size() == Topic.PEOPLE_EVENTS.partitions());
            assertLimit(client, account, 3);
            MeterRegistry meters = service.bean(MeterRegistry.class);
            double redisErrors = meters.counter("parley.streams.redis.errors").count();

            redis.stop();
            producer.send(
                    new ProducerRecord<>(Topic.PEOPLE_EVENTS.topicName(), account,
                            CODEC.encode(EventType.ORG_LIMITS_CHANGED, account, Map.of("orgId",
                                    "org-" + UUID.randomUUID(), "accountId", account, "maxConcurrentStreams", 2))))
                .get();
            // down for longer than the default back-off (two retries, a second apart)
            // would keep trying, and long
            // enough for the listener to have failed a few times
            await().pollDelay(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(60))
                .until(() -> meters.counter("parley.streams.redis.errors").count() >= redisErrors + 3);
            redis.start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertLimit(client, account, 2));
        }
    }

    private static void assertLimit(WebTestClient client, String account, int limit) {
        client.get()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(TestTokens.token(account, "m-any", "p-any")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.limit")
            .isEqualTo(limit);
    }

}
