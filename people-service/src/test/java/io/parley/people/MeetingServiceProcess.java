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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.parley.harness.ChildProcess;
import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;

/**
 * The real meeting-service, as its own JVM from the jar its module packaged (the reactor
 * builds it before this module), on the shared Redis and Kafka, verifying access tokens
 * against a people-service under test. Calls create and join meetings there for real: no
 * stand-in decides who may enter a call's meeting.
 *
 * <p>
 * Its port is chosen before it starts, so that the people-service it serves can be
 * started first with the address.
 */
public final class MeetingServiceProcess implements AutoCloseable {

    private final int port;

    private ChildProcess process;

    private MeetingServiceProcess(int port) {
        this.port = port;
    }

    /** A port for it; {@link #start} it there once people-service runs. */
    public static MeetingServiceProcess reserve() {
        return new MeetingServiceProcess(Ports.freePort());
    }

    /** For people-service: {@code --parley.people.calls.meeting-service-uri=...}. */
    public String uriArgument() {
        return "--parley.people.calls.meeting-service-uri=" + baseUrl();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public MeetingServiceProcess start(RunningPeopleService people) {
        Path data;
        try {
            data = Files.createTempDirectory("meeting-data-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var redis = SharedInfrastructure.redis();
        List<String> command = List.of(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "-jar", jar().toString(), "--server.port=" + port,
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--parley.meetings.tokens.data-dir=" + data,
                "--parley.tokens.jwks-uri=" + baseUrl() + "/.well-known/jwks.json",
                "--parley.access-tokens.jwks-uri=" + people.baseUrl() + "/.well-known/jwks.json");
        Path log = Path.of("target", "it-logs", "meeting-service-" + port + ".log");
        process = ChildProcess.start("meeting-service", command, Map.of(), ChildProcess.Output.toFile(log));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("meeting-service exited; see " + log.toAbsolutePath());
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
        Path dir = Path.of("..", "meeting-service", "target");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("meeting-service-[0-9].*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Package meeting-service first: no jar in " + dir));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Package meeting-service first: " + dir + " is not there", ex);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(20));
        }
    }

}
