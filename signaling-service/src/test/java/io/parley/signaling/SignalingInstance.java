package io.parley.signaling;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.RedisServerProcess;

/**
 * A signaling-service instance as its own JVM, from the jar this module just packaged: it can be killed for real,
 * which an application context in the test JVM cannot.
 */
final class SignalingInstance implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private ChildProcess process;

    private SignalingInstance(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    static SignalingInstance start(String name, RedisServerProcess redis, KafkaBrokerProcess kafka, String jwksUri,
            String... extraArgs) {
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar().toString(), "--server.port=" + port,
                "--spring.data.redis.port=" + redis.port(), "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.tokens.jwks-uri=" + jwksUri, "--parley.signaling.instance-id=" + name,
                "--parley.signaling.meeting-service-uri=http://127.0.0.1:" + Ports.freePort(),
                "--parley.signaling.meeting-lookup-timeout=500ms", "--parley.signaling.presence.heartbeat=1s",
                "--parley.signaling.presence.timeout=4s"));
        command.addAll(List.of(extraArgs));
        SignalingInstance instance = new SignalingInstance(command, Path.of("target", "it-logs", name + ".log"), port);
        instance.start();
        return instance;
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("signaling-service-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Package the module first: no jar in target/"));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void start() {
        process = ChildProcess.start("signaling", command, Map.of(), ChildProcess.Output.toFile(log));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("signaling-service exited; see " + log.toAbsolutePath());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
            }
            catch (IOException notYet) {
                return false;
            }
        });
    }

    int port() {
        return port;
    }

    void kill() {
        process.kill();
    }

    void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }
}
