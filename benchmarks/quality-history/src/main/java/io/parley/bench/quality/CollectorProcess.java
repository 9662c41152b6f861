package io.parley.bench.quality;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.parley.harness.Ports;

/**
 * metrics-collector in a JVM of its own, started from a <b>copy</b> of the jar its module packaged: a JVM reads
 * classes from its jar as it runs, and another build in the same tree may rewrite that jar mid-run.
 */
final class CollectorProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Path log;
    private final Process process;

    private CollectorProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static Path packagedJar(Path root) throws IOException {
        Path target = root.resolve("metrics-collector/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("metrics-collector-[0-9][^/]*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No metrics-collector jar in " + target
                        + ": ./mvnw -o -q -pl metrics-collector package -DskipTests"));
        }
    }

    /** {@code settings}: command-line properties, which outrank everything the jar's configuration says. */
    static CollectorProcess start(Path jar, Path work, List<String> settings) throws IOException {
        Path copy = Files.copy(jar, work.resolve("metrics-collector.jar"));
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx512m", "-jar",
                copy.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(settings);
        Path log = work.resolve("metrics-collector.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CollectorProcess(port, log, process);
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            requireAlive();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            }
            catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("metrics-collector was not ready within " + timeout.toSeconds()
                + " s (readiness: " + last + "):\n" + tail());
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("metrics-collector exited with " + process.exitValue() + ":\n" + tail());
        }
    }

    /** CPU seconds the collector's JVM has used so far, from /proc (Linux), or -1 elsewhere. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    String tail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
