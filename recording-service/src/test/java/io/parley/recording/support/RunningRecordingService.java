package io.parley.recording.support;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.parley.harness.SharedInfrastructure;
import io.parley.recording.RecordingServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real service on a random port, on the shared Redis, Kafka and PostgreSQL (a
 * database per test class), trusting {@link TestTokens}, with its capture and storage
 * folders under {@code dir} and a worker that polls often.
 */
public final class RunningRecordingService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final int port;

    private final Path captureDir;

    private final Path storageDir;

    private RunningRecordingService(ConfigurableApplicationContext context, Path captureDir, Path storageDir) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.captureDir = captureDir;
        this.storageDir = storageDir;
    }

    public static RunningRecordingService start(String database, Path dir, String... extraArgs) {
        RunningRecordingService service = launch(database, dir, extraArgs);
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                    () -> service.client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        return service;
    }

    /**
     * Started, without waiting until it is ready: for a test of an instance that is not.
     */
    public static RunningRecordingService launch(String database, Path dir, String... extraArgs) {
        Path capture = dir.resolve("capture");
        Path storage = dir.resolve("storage");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--parley.recordings.capture-dir=" + capture,
                "--parley.recordings.storage-dir=" + storage, "--parley.recordings.settle-time=1s",
                "--parley.recordings.poll-interval=300ms", "--parley.recordings.retry-delay=1s"));
        SharedInfrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        SharedInfrastructure.postgresProperties(database).forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RecordingServiceApplication.class,
                TestTokens.TrustTestKeys.class)
            .run(args.toArray(String[]::new));
        return new RunningRecordingService(context, capture, storage);
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
            .build();
    }

    public Path captureDir() {
        return captureDir;
    }

    public Path storageDir() {
        return storageDir;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String scrape() {
        return client().get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    @Override
    public void close() {
        context.close();
    }

}
