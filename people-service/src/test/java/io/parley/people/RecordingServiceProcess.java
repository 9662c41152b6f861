package io.parley.people;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.parley.harness.ChildProcess;
import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;

/**
 * The real recording-service, as its own JVM from the jar its module packaged
 * (people-service depends on that module for the order of the build), on the shared
 * Redis, Kafka and PostgreSQL (a database of its own), verifying access tokens against a
 * people-service under test. Exports list what it lists, with the person's own token: no
 * stand-in decides which recordings are someone's.
 *
 * <p>
 * Its port is chosen before it starts, so that the people-service it serves can be
 * started first with the address.
 */
public final class RecordingServiceProcess implements AutoCloseable {

    private final int port;

    private ChildProcess process;

    private RecordingServiceProcess(int port) {
        this.port = port;
    }

    /** A port for it; {@link #start} it there once people-service runs. */
    public static RecordingServiceProcess reserve() {
        return new RecordingServiceProcess(Ports.freePort());
    }

    /** For people-service: {@code --parley.people.export.recordings-url=...}. */
    public String urlArgument() {
        return "--parley.people.export.recordings-url=" + baseUrl();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public RecordingServiceProcess start(RunningPeopleService people, String database) {
        Path data;
        try {
            data = Files.createTempDirectory("recording-data-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var redis = SharedInfrastructure.redis();
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar().toString(), "--server.port=" + port,
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--parley.recordings.capture-dir=" + data.resolve("captures"),
                "--parley.recordings.storage-dir=" + data.resolve("recordings"),
                // no join token is shown to it here; people-service's keys stand in for
                // meeting-service's
                "--parley.tokens.jwks-uri=" + people.baseUrl() + "/.well-known/jwks.json",
                "--parley.access-tokens.jwks-uri=" + people.baseUrl() + "/.well-known/jwks.json"));
        SharedInfrastructure.postgresProperties(database)
            .forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "it-logs", "recording-service-" + port + ".log");
        process = ChildProcess.start("recording-service", command, Map.of(), ChildProcess.Output.toFile(log));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("recording-service exited; see " + log.toAbsolutePath());
            }
            try {
                return http
                    .send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
            }
            catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    private static Path jar() {
        Path dir = Path.of("..", "recording-service", "target");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("recording-service-[0-9].*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Package recording-service first: no jar in " + dir));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Package recording-service first: " + dir + " is not there", ex);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(20));
        }
    }

}
