package io.parley.bench.messages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Parley service as a child JVM, started from a <b>copy</b> of the jar its module packaged: a JVM reads classes
 * from its jar as it runs, and a build in the same tree (other people work there too) that rewrites the jar mid-run
 * ends in {@code NoClassDefFoundError} on the service's threads (the people benchmark's first attempt).
 */
final class Service {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private Service(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** The jar {@code <root>/<module>/target/<module>-<version>.jar}, as {@code mvn package} leaves it. */
    static Path packagedJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-[0-9][^/]*[0-9T]\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + target
                        + ": package it first (./mvnw -B -ntp -o -pl " + module + " -am package -DskipTests)"));
        }
        catch (IOException ex) {
            throw new IllegalStateException("No " + target + ": package " + module + " first", ex);
        }
    }

    static Service start(String name, Path jar, int port, Path work, String heap, List<String> args)
            throws IOException {
        return start(name, jar, port, port, work, heap, args);
    }

    /** {@code managementPort}: where /actuator answers, when the service keeps it off its public port (the gateway). */
    static Service start(String name, Path jar, int port, int managementPort, Path work, String heap,
            List<String> args) throws IOException {
        Path copy = Files.copy(jar, work.resolve(name + ".jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx" + heap, "-jar", copy.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        if (managementPort != port) {
            command.add("--management.server.port=" + managementPort);
        }
        command.addAll(args);
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Service(name, port, managementPort, log, process);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
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
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + managementPort + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
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
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (readiness: "
                + last + "):\n" + tail() + "\nits main thread:\n" + mainThread());
    }

    /** Where a service that does not get ready is stuck: its main thread from {@code jcmd <pid> Thread.print}. */
    private String mainThread() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int main = dump.indexOf("\"main\"");
            return main < 0 ? dump : dump.substring(main, Math.min(dump.length(), main + 4000));
        }
        catch (IOException ex) {
            return "(no thread dump: " + ex.getMessage() + ")";
        }
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
        }
    }

    void stop() {
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

    /** The end of the service's log, for an error message. */
    String tail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }
}
