package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.harness.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The SFU beans as signaling wires them, with no Janus and with one that is not there.
 */
class SfuWiringTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Beans.class);

    @Test
    void withoutInstancesEveryMeetingStaysAMeshAndNoSfuMetricExists() {
        runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JanusInstances.class).enabled()).isFalse();
            assertThat(context.getBean(MeterRegistry.class).find("parley.signaling.sfu.up").gauges()).isEmpty();
        });
    }

    @Test
    void startsWhileItsJanusIsUnreachableAndReportsItDown() {
        int closed = Ports.freePort();
        runner
            .withPropertyValues("parley.signaling.sfu.instances[0].api=http://127.0.0.1:" + closed + "/janus",
                    "parley.signaling.sfu.instances[0].admin=http://127.0.0.1:" + closed + "/admin",
                    "parley.signaling.sfu.instances[0].websocket=ws://127.0.0.1:" + closed)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(JanusInstances.class).enabled()).isTrue();
                context.getBean(SfuMetrics.class).refresh().block();
                assertThat(context.getBean(MeterRegistry.class)
                    .get("parley.signaling.sfu.up")
                    .tag("janus", "127.0.0.1:" + closed)
                    .gauge()
                    .value()).isZero();
            });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SfuProperties.class)
    @Import({ JanusInstances.class, SfuMetrics.class, SfuAvailability.class })
    static class Beans {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /**
         * Never connected: only an instance that answers is announced in Redis, and none
         * does here.
         */
        @Bean
        ReactiveStringRedisTemplate redis() {
            LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", Ports.freePort());
            connections.afterPropertiesSet();
            return new ReactiveStringRedisTemplate(connections);
        }

    }

}
