package io.parley.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * One more signaling instance beside the platform's two, started as the devstack starts
 * them (the same command line, environment and working directory as a running one, read
 * from /proc) on a port of its own: the gateway does not know it, so a test puts a device
 * on it directly and may kill it without taking an instance from the tests that run after
 * it.
 */
final class UserSocketSpareInstance implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;

    private final Platform.SignalingInstance instance;

    private UserSocketSpareInstance(Process process, Platform.SignalingInstance instance) {
        this.process = process;
        this.instance = instance;
    }

    /** Starts a copy of {@code model} and waits until it is ready. */
    static UserSocketSpareInstance startLike(Platform.SignalingInstance model, Path log) throws IOException {
        ProcessHandle running = ProcessHandle.of(model.pid())
            .orElseThrow(() -> new IllegalStateException(model.name() + " does not run"));
        Path proc = Path.of("/proc", String.valueOf(model.pid()));
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(running.info().command().orElseThrow());
        for (String argument : running.info().arguments().orElseThrow()) {
            // only one instance may record the class-data archive
            if (argument.startsWith("--server.port=")) {
                command.add("--server.port=" + port);
            }
            else if (!argument.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(argument);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(Files.readSymbolicLink(proc.resolve("cwd")).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().clear();
        for (String variable : Files.readString(proc.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        Process process = builder.start();
        UserSocketSpareInstance spare = new UserSocketSpareInstance(process,
                new Platform.SignalingInstance("signaling-spare", port, process.pid()));
        try {
            spare.awaitReady();
        }
        catch (RuntimeException ex) {
            spare.close();
            throw ex;
        }
        return spare;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness");
        Awaitility.await("the spare signaling instance to be ready")
            .atMost(READY_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptionsMatching(IOException.class::isInstance)
            .until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the spare signaling instance exited");
                }
                return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
            });
    }

    Platform.SignalingInstance instance() {
        return instance;
    }

    /** SIGKILL, as a crash would: no drain, no goodbye to the sockets. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

}
