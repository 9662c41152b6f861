package io.parley.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A real {@code redis-server} process on loopback with append-only persistence in its data directory, so a
 * restart (or a kill and restart) keeps what was written.
 */
public final class RedisServerProcess implements AutoCloseable {

    static final String INSTALL_HINT = "redis-server was not found on PATH. Install it "
            + "(Debian/Ubuntu: 'sudo apt-get install -y redis-server', macOS: 'brew install redis') "
            + "or set PARLEY_REDIS_SERVER to its path.";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path executable;
    private final int port;
    private final Path dataDir;
    private final ChildProcess.Output output;
    private ChildProcess process;

    private RedisServerProcess(Path executable, int port, Path dataDir, ChildProcess.Output output) {
        this.executable = executable;
        this.port = port;
        this.dataDir = dataDir;
        this.output = output;
    }

    public static RedisServerProcess start(Path executable, int port, Path dataDir, ChildProcess.Output output) {
        RedisServerProcess redis = new RedisServerProcess(executable, port, dataDir, output);
        redis.start();
        return redis;
    }

    /** Starts on a free port with a log file in the data directory; for tests. */
    public static RedisServerProcess startOnFreePort(Path dataDir) {
        return start(requireExecutable(), Ports.freePort(), dataDir, ChildProcess.Output.toFile(dataDir.resolve("redis.log")));
    }

    public static Optional<Path> findExecutable() {
        String configured = System.getenv("PARLEY_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Path requireExecutable() {
        return findExecutable().orElseThrow(() -> new HarnessException(INSTALL_HINT));
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (Ports.isListening(port)) {
            throw new HarnessException("Port " + port + " is already in use; cannot start Redis there.");
        }
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create Redis data directory " + dataDir, ex);
        }
        List<String> command = List.of(executable.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dataDir.toAbsolutePath().toString(), "--appendonly", "yes", "--appendfsync", "everysec",
                "--save", "", "--daemonize", "no", "--protected-mode", "no");
        process = ChildProcess.start("redis", command, Map.of(), output);
        awaitPong();
    }

    private void awaitPong() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new HarnessException("redis-server exited with " + process.exitValue() + " on port " + port
                        + tailOfLog());
            }
            if (ping()) {
                return;
            }
            Ports.sleep(Duration.ofMillis(50));
        }
        throw new HarnessException("redis-server did not answer PING within " + START_TIMEOUT + tailOfLog());
    }

    private String tailOfLog() {
        return output.logFile() == null ? "" : "\n" + ChildProcess.readTail(output.logFile(), 2000);
    }

    public boolean ping() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** SIGTERM: Redis flushes its append-only file and exits. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(10));
        }
    }

    /** SIGKILL: a crash, as a fault test wants it. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }

    public synchronized void restart() {
        stop();
        start();
    }

    /** The server's process id, for pid files and memory figures; empty before the first start. */
    public synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
