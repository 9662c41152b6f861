package io.parley.streamlimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class StreamLimitPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Enabled.class);

    @EnableConfigurationProperties(StreamLimitProperties.class)
    static class Enabled {

    }

    @Test
    void hasTheDocumentedDefaults() {
        context.run(app -> {
            StreamLimitProperties properties = app.getBean(StreamLimitProperties.class);
            assertThat(properties.limit()).isEqualTo(3);
            assertThat(properties.overLimitPolicy()).isEqualTo(StreamLimitProperties.OverLimitPolicy.REJECT);
            assertThat(properties.redisFailurePolicy()).isEqualTo(StreamLimitProperties.RedisFailurePolicy.FAIL_CLOSED);
            assertThat(properties.lease().ttl()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.lease().seedTtl()).isEqualTo(Duration.ofHours(4));
            assertThat(properties.seedApi().enabled()).isFalse();
            assertThat(properties.sweeper().interval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.apiKeys()).isEmpty();
            assertThat(properties.tenantLimits()).isEmpty();
        });
    }

    @Test
    void readsPoliciesAsTheDocsSpellThemAndTenantLimits() {
        context
            .withPropertyValues("parley.streams.over-limit-policy=evict-oldest",
                    "parley.streams.redis-failure-policy=fail-open", "parley.streams.tenant-limits.acme=10")
            .run(app -> {
                StreamLimitProperties properties = app.getBean(StreamLimitProperties.class);
                assertThat(properties.overLimitPolicy()).isEqualTo(StreamLimitProperties.OverLimitPolicy.EVICT_OLDEST);
                assertThat(properties.redisFailurePolicy())
                    .isEqualTo(StreamLimitProperties.RedisFailurePolicy.FAIL_OPEN);
                assertThat(properties.limitFor("acme")).isEqualTo(10);
                assertThat(properties.limitFor("other")).isEqualTo(3);
                assertThat(properties.limitFor(null)).isEqualTo(3);
            });
    }

    @Test
    void refusesToStartWithInvalidSettings() {
        context.withPropertyValues("parley.streams.limit=-1").run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("parley.streams.lease.ttl=0s").run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("parley.streams.over-limit-policy=maybe").run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("parley.streams.api-keys[0].tenant=acme", "parley.streams.api-keys[0].sha256=abc")
            .run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("parley.streams.tenant-limits.acme=-5").run(app -> assertThat(app).hasFailed());
    }

}
