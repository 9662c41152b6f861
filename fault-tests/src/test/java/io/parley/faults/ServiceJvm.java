package io.parley.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

import io.parley.harness.ChildProcess;
import io.parley.harness.Ports;

/**
 * One service as its own JVM from the jar the reactor packaged, on a free port, so it can
 * be killed (SIGKILL), drained (SIGTERM) and started again on the same port like a pod.
 * Small heap, C1 only and the serial collector, as the devstack runs them: five of them
 * share two cores with Kafka.
 */
final class ServiceJvm implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration JAR_WAIT = Duration.ofMinutes(2);

    private static final Set<String> COPIED = new HashSet<>();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;

    private final List<String> command;

    private final Map<String, String> environment;

    private final Path log;

    private final int port;

    private volatile ChildProcess process;

    ServiceJvm(String name, String module, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = Ports.freePort();
        this.environment = environment;
        this.log = FaultStack.output().resolve("fault-logs").resolve(name + ".log");
        this.command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xss512k", "-Xmx192m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar(module).toString(), "--server.port=" + port));
        this.command.addAll(arguments);
    }

    /**
     * A copy of the module's jar taken when the stack starts: a reactor build of that
     * module meanwhile would otherwise rewrite the jar under the running JVM (seen as
     * NoClassDefFoundError) and the restarted process would run other code. A jar caught
     * in the middle of such a build (not yet repackaged by Spring Boot, or half written)
     * is copied again a moment later.
     */
    private static synchronized Path jar(String module) {
        Path root = Path.of(System.getProperty("parley.root", ".."));
        String version = System.getProperty("parley.version", "0.1.0-SNAPSHOT");
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        Path copy = FaultStack.output().resolve("fault-jars").resolve(jar.getFileName());
        if (COPIED.contains(module)) {
            return copy;
        }
        long deadline = System.nanoTime() + JAR_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                if (isBootJar(copy)) {
                    COPIED.add(module);
                    return copy;
                }
            }
            catch (IOException ex) {
                // not there (yet) or being written: try again below
            }
            Pause.of(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("No runnable " + jar + ": package the services first (./mvnw package)");
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    void launch() {
        process = ChildProcess.start(name, command, environment, ChildProcess.Output.toFile(log));
    }

    void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady()) {
                return;
            }
            Pause.of(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void restart() {
        launch();
        awaitReady();
    }

    /** A crash: SIGKILL, no shutdown hook runs. */
    void kill() {
        process.kill();
    }

    /**
     * SIGTERM, as Kubernetes ends a pod: graceful shutdown (a signaling instance drains);
     * returns once the process is gone.
     */
    void stop() {
        process.stop(Duration.ofSeconds(40));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }

}
