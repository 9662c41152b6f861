package io.parley.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parley.harness.media.MediaNetwork;
import io.parley.harness.media.TurnClient;

/**
 * A real coturn TURN server ({@code turnserver -c <generated file>}) that accepts the
 * TURN REST API credentials signaling hands out ({@code use-auth-secret} with a
 * {@code static-auth-secret} generated per instance). It listens on loopback and on the
 * host's interface address, and relays on the interface address only (Janus refuses
 * loopback relay candidates); no TLS, no DTLS, no telnet CLI; its user database, pid file
 * and log stay in its folder. Ready when it answers a STUN Binding. Stop, kill, restart,
 * pause and resume: {@link ServerProcess}.
 */
public final class CoturnServerProcess extends ServerProcess {

    static final String INSTALL_HINT = "turnserver was not found on PATH. Install coturn "
            + "(Debian/Ubuntu: 'sudo apt-get install -y coturn', then 'sudo systemctl disable --now coturn' so the "
            + "system service does not hold port 3478) or set PARLEY_TURNSERVER to its path.";

    public static final String REALM = "parley.test";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path executable;

    private final Path dir;

    private final String secret = JanusServerProcess.secret();

    private final String mediaAddress = MediaNetwork.hostAddress();

    private final MediaNetwork.PortRange relayPorts = MediaNetwork.udpPortBlock(100);

    private CoturnServerProcess(Path executable, int port, Path dir, ChildProcess.Output output) {
        super("turnserver", port, output);
        this.executable = executable;
        this.dir = dir;
        // a test that fails before closing it must not leave the server running after the
        // JVM
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "turnserver-shutdown"));
    }

    public static CoturnServerProcess start(Path executable, int port, Path dir, ChildProcess.Output output) {
        CoturnServerProcess coturn = new CoturnServerProcess(executable, port, dir, output);
        coturn.start();
        return coturn;
    }

    /** Starts on a free port with its log in {@code dir/turnserver.log}; for tests. */
    public static CoturnServerProcess startOnFreePort(Path dir) {
        return start(requireExecutable(), Ports.freePort(), dir,
                ChildProcess.Output.toFile(dir.resolve("turnserver.log")));
    }

    public static Optional<Path> findExecutable() {
        return Executables.find("PARLEY_TURNSERVER", "turnserver");
    }

    public static Path requireExecutable() {
        return findExecutable().orElseThrow(() -> new HarnessException(INSTALL_HINT));
    }

    @Override
    ChildProcess launch() {
        try {
            Files.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create the coturn folder " + dir, ex);
        }
        Path config = OwnerOnlyFiles.write(dir.resolve("turnserver.conf"), configuration());
        return ChildProcess.start("turnserver", List.of(executable.toString(), "-c", config.toString()), Map.of(),
                output());
    }

    private String configuration() {
        Path home = dir.toAbsolutePath();
        return String.join("\n", "listening-port=" + port(), "listening-ip=" + host(), "listening-ip=" + mediaAddress,
                "relay-ip=" + mediaAddress, "min-port=" + relayPorts.min(), "max-port=" + relayPorts.max(),
                "use-auth-secret", "static-auth-secret=" + secret, "realm=" + REALM, "no-tls", "no-dtls", "no-cli",
                "no-rfc5780", "fingerprint", "no-multicast-peers", "no-software-attribute",
                "userdb=" + home.resolve("turndb"), "pidfile=" + home.resolve("turnserver.pid"), "log-file=stdout",
                "simple-log", "");
    }

    @Override
    void awaitReady(ChildProcess started) {
        TurnClient client = new TurnClient(new InetSocketAddress(host(), port()), Duration.ofMillis(300));
        try {
            pollUntilReady(started, START_TIMEOUT, client::answersBinding);
        }
        catch (HarnessException ex) {
            // not left running where the next start on this port would find it
            started.kill();
            throw ex;
        }
    }

    /** SIGTERM: coturn closes its allocations and exits. */
    @Override
    void shutDown(ChildProcess running) {
        running.stop(STOP_GRACE);
    }

    /** The shared secret of the TURN REST API ({@code static-auth-secret}). */
    public String secret() {
        return secret;
    }

    /** The address clients reach TURN at and relays are allocated on. */
    public String mediaAddress() {
        return mediaAddress;
    }

    /** What a client is told, e.g. {@code turn:192.0.2.2:41234}. */
    public String uri() {
        return "turn:" + mediaAddress + ":" + port();
    }

    public MediaNetwork.PortRange relayPorts() {
        return relayPorts;
    }

}
