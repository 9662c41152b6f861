package io.parley.quality.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.MetricsCollectorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real collector application on a random port, on the given Redis and Kafka and a
 * PostgreSQL database (the shared server's {@value #DATABASE} unless told otherwise),
 * trusting {@link TestTokens}.
 */
public final class RunningCollector implements AutoCloseable {

    /**
     * The database the test classes share on the shared server: every test uses meetings
     * of its own.
     */
    public static final String DATABASE = "parley_quality";

    private final ConfigurableApplicationContext context;

    private final int port;

    private RunningCollector(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public static RunningCollector start(RedisServerProcess redis, KafkaBrokerProcess kafka, String... extraArgs) {
        return start(redis, kafka, SharedInfrastructure.postgresProperties(DATABASE), extraArgs);
    }

    /**
     * On a database of its own, for tests that stop PostgreSQL or need an empty history.
     */
    public static RunningCollector start(RedisServerProcess redis, KafkaBrokerProcess kafka,
            PostgresServerProcess postgres, String database, String... extraArgs) {
        postgres.createDatabase(database);
        return start(redis, kafka, databaseProperties(postgres, database), extraArgs);
    }

    public static Map<String, Object> databaseProperties(PostgresServerProcess postgres, String database) {
        return Map.of("spring.r2dbc.url", postgres.r2dbcUrl(database), "spring.r2dbc.username", postgres.username(),
                "spring.flyway.url", postgres.jdbcUrl(database), "spring.flyway.user", postgres.username());
    }

    /**
     * Command-line arguments, because they outrank every property source of the
     * application.
     */
    private static RunningCollector start(RedisServerProcess redis, KafkaBrokerProcess kafka,
            Map<String, Object> postgres, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        postgres.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extraArgs));
        RunningCollector collector = new RunningCollector(
                new SpringApplicationBuilder(MetricsCollectorApplication.class, TestTokens.TrustTestKey.class)
                    .run(args.toArray(String[]::new)));
        collector.awaitReady();
        return collector;
    }

    /**
     * Ready means beacons can be taken: the producer has the samples topic's metadata.
     */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
            .baseUrl(baseUrl())
            .responseTimeout(Duration.ofSeconds(20))
            // a Prometheus scrape with latency histograms is larger than the default 256
            // KB buffer
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
            .build();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public PrometheusScrape scrape() {
        String text = client().get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        return new PrometheusScrape(text);
    }

    @Override
    public void close() {
        context.close();
    }

}
