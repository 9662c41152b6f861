package io.parley.support.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisMemoryMetricsIT {

    private static final long LIMIT = 512L * 1024 * 1024;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LettuceConnectionFactory connections;

    private RedisMemoryMetrics metrics;

    @BeforeEach
    void connect() {
        RedisServerProcess redis = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()),
                LettuceClientConfiguration.builder()
                    .commandTimeout(Duration.ofSeconds(2))
                    .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                    .build());
        connections.afterPropertiesSet();
        metrics = new RedisMemoryMetrics(connections, registry);
    }

    @AfterEach
    void disconnect() {
        metrics.stop();
        connections.getConnection().serverCommands().setConfig("maxmemory", "0");
        connections.destroy();
    }

    @Test
    void reportsTheMemoryRedisUsesAndItsLimit() {
        connections.getConnection().serverCommands().setConfig("maxmemory", Long.toString(LIMIT));

        metrics.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(gauge("parley.redis.memory.used")).isPositive();
            assertThat(gauge("parley.redis.memory.max")).isEqualTo(LIMIT);
        });
    }

    @Test
    void reportsMinusOneUntilRedisHasAnswered() {
        assertThat(gauge("parley.redis.memory.used")).isEqualTo(-1);
        assertThat(gauge("parley.redis.memory.max")).isEqualTo(-1);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

}
