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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real {@code redis-server} process on loopback with append-only persistence in its
 * data directory, so a restart (or a kill and restart) keeps what was written. Stop,
 * kill, restart, pause and resume: {@link ServerProcess}.
 */
public final class RedisServerProcess extends ServerProcess {

    static final String INSTALL_HINT = "redis-server was not found on PATH. Install it "
            + "(Debian/Ubuntu: 'sudo apt-get install -y redis-server', macOS: 'brew install redis') "
            + "or set PARLEY_REDIS_SERVER to its path.";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path executable;

    private final Path dataDir;

    private final String password;

    private RedisServerProcess(Path executable, int port, Path dataDir, String password, ChildProcess.Output output) {
        super("redis-server", port, output);
        this.executable = executable;
        this.dataDir = dataDir;
        this.password = password;
    }

    public static RedisServerProcess start(Path executable, int port, Path dataDir, ChildProcess.Output output) {
        return start(executable, port, dataDir, null, output);
    }

    /**
     * @param password what clients must authenticate with ({@code requirepass}); null for
     * none
     */
    public static RedisServerProcess start(Path executable, int port, Path dataDir, String password,
            ChildProcess.Output output) {
        RedisServerProcess redis = new RedisServerProcess(executable, port, dataDir, password, output);
        redis.start();
        return redis;
    }

    /** Starts on a free port with a log file in the data directory; for tests. */
    public static RedisServerProcess startOnFreePort(Path dataDir) {
        return start(requireExecutable(), Ports.freePort(), dataDir,
                ChildProcess.Output.toFile(dataDir.resolve("redis.log")));
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

    @Override
    ChildProcess launch() {
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create Redis data directory " + dataDir, ex);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (password != null) {
            // in a file only its owner reads, not on the command line where ps shows it
            // to everyone
            command.add(OwnerOnlyFiles.write(dataDir.resolve("auth.conf"), "requirepass \"" + password + "\"\n")
                .toString());
        }
        command.addAll(List.of("--port", String.valueOf(port()), "--bind", host(), "--dir",
                dataDir.toAbsolutePath().toString(), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
                "--daemonize", "no", "--protected-mode", "no"));
        return ChildProcess.start("redis", command, Map.of(), output());
    }

    @Override
    void awaitReady(ChildProcess started) {
        pollUntilReady(started, START_TIMEOUT, this::ping);
    }

    /** SIGTERM: Redis flushes its append-only file and exits. */
    @Override
    void shutDown(ChildProcess running) {
        running.stop(STOP_GRACE);
    }

    public boolean ping() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            String auth = (password != null) ? command("AUTH", password) : "";
            out.write((auth + command("PING")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String expected = (password != null ? "+OK\r\n" : "") + "+PONG\r\n";
            byte[] reply = in.readNBytes(expected.length());
            return new String(reply, StandardCharsets.US_ASCII).equals(expected);
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$')
                .append(part.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n")
                .append(part)
                .append("\r\n");
        }
        return resp.toString();
    }

}
