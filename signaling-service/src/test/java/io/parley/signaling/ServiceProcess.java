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
 * A service as its own JVM, from its packaged jar: a signaling instance from the jar this
 * module just packaged (so it can be killed for real, which an application context in the
 * test JVM cannot), or stream-limit-service from its module, which the reactor builds
 * first.
 */
public final class ServiceProcess implements AutoCloseable {

    private final List<String> command;

    private final Path log;

    private final int port;

    private ChildProcess process;

    private ServiceProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    static ServiceProcess signaling(String name, RedisServerProcess redis, KafkaBrokerProcess kafka, String jwksUri,
            String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--parley.signaling.instance-id=" + name,
                "--parley.signaling.meeting-service-uri=http://127.0.0.1:" + Ports.freePort(),
                "--parley.signaling.meeting-lookup-timeout=500ms", "--parley.signaling.presence.heartbeat=1s",
                "--parley.signaling.presence.timeout=4s"));
        args.addAll(List.of(extraArgs));
        return start(name, jar(Path.of("target"), "signaling-service"), redis, kafka, jwksUri, args);
    }

    public static ServiceProcess streamLimit(RedisServerProcess redis, KafkaBrokerProcess kafka, String jwksUri,
            String... extraArgs) {
        return start("stream-limit", jar(Path.of("..", "stream-limit-service", "target"), "stream-limit-service"),
                redis, kafka, jwksUri, List.of(extraArgs));
    }

    private static ServiceProcess start(String name, Path jar, RedisServerProcess redis, KafkaBrokerProcess kafka,
            String jwksUri, List<String> extraArgs) {
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--parley.tokens.jwks-uri=" + jwksUri));
        command.addAll(extraArgs);
        ServiceProcess instance = new ServiceProcess(command, Path.of("target", "it-logs", name + ".log"), port);
        instance.start();
        return instance;
    }

    private static Path jar(Path dir, String module) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-[0-9].*[^s]\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Package " + module + " first: no jar in " + dir));
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
                throw new IllegalStateException("The service exited; see " + log.toAbsolutePath());
            }
            try {
                return http
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
            }
            catch (IOException notYet) {
                return false;
            }
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /**
     * How many objects of the class the instance holds after a full collection, from
     * {@code jcmd GC.class_histogram} (which collects first): what stays reachable, not
     * what is garbage.
     */
    long liveInstances(String className) {
        Path jcmd = Path.of(ChildProcess.javaExecutable()).resolveSibling("jcmd");
        try {
            Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
            String output = new String(histogram.getInputStream().readAllBytes());
            if (histogram.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed: " + output);
            }
            return output.lines()
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1]))
                .sum();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
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
