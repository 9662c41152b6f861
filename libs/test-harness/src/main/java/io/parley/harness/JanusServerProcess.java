package io.parley.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.parley.harness.media.MediaNetwork;

/**
 * A real Janus WebRTC Server ({@code janus -F <generated folder> -o}) with the VideoRoom
 * plugin and the HTTP and WebSocket transports only: the Janus API on {@link #port()}
 * ({@code /janus}) and on {@link #websocketUri()}, and the admin API on
 * {@link #adminPort()} ({@code /admin}), all on loopback and behind secrets generated per
 * instance; optionally the sample event handler too ({@link JanusEventHandler}). Media is
 * gathered on the host's interface address ({@link MediaNetwork#hostAddress()}). Ready
 * when Janus answers its own {@code info} request. Stop, kill, restart, pause and resume:
 * {@link ServerProcess}.
 */
public final class JanusServerProcess extends ServerProcess {

    static final String INSTALL_HINT = "janus was not found on PATH. Install the Janus WebRTC Server "
            + "(Debian/Ubuntu: 'sudo apt-get install -y janus', then 'sudo systemctl disable --now janus' so the "
            + "system service does not hold its default ports) or set PARLEY_JANUS to its path.";

    static final String LIBRARIES_HINT = "The Janus VideoRoom plugin and its transports were not found next to %s "
            + "(plugins/libjanus_videoroom.so, transports/libjanus_http.so and transports/libjanus_websockets.so "
            + "under lib/<arch>/janus); set " + JanusConfig.LIBRARIES_VARIABLE
            + " to the folder holding plugins/ and transports/.";

    static final String EVENT_HANDLER_HINT = "The Janus sample event handler (events/libjanus_sampleevh.so) was "
            + "not found in %s; the Debian/Ubuntu janus package ships it.";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path executable;

    private final JanusConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private JanusServerProcess(Path executable, JanusConfig config, ChildProcess.Output output) {
        super("janus", config.httpPort(), output);
        this.executable = executable;
        this.config = config;
        // a test that fails before closing it must not leave the server running after the
        // JVM
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "janus-shutdown"));
    }

    /**
     * Starts Janus from a configuration folder written under {@code dir}; returns once it
     * answers {@code info}.
     */
    public static JanusServerProcess start(Path executable, int port, int adminPort, int websocketPort, Path dir,
            ChildProcess.Output output) {
        return start(executable, port, adminPort, websocketPort, dir, output, secret(), secret(), null);
    }

    /**
     * As {@link #start(Path, int, int, int, Path, ChildProcess.Output)}, with the sample
     * event handler posting to {@code eventHandler}.
     */
    public static JanusServerProcess start(Path executable, int port, int adminPort, int websocketPort, Path dir,
            ChildProcess.Output output, JanusEventHandler eventHandler) {
        return start(executable, port, adminPort, websocketPort, dir, output, secret(), secret(),
                Objects.requireNonNull(eventHandler, "eventHandler"));
    }

    private static JanusServerProcess start(Path executable, int port, int adminPort, int websocketPort, Path dir,
            ChildProcess.Output output, String apiSecret, String adminSecret, JanusEventHandler eventHandler) {
        Path libraries = JanusConfig.findLibraries(executable)
            .orElseThrow(() -> new HarnessException(LIBRARIES_HINT.formatted(executable)));
        if (eventHandler != null
                && !Files.isRegularFile(libraries.resolve("events").resolve(JanusEventHandler.LIBRARY))) {
            throw new HarnessException(EVENT_HANDLER_HINT.formatted(libraries));
        }
        JanusConfig config = new JanusConfig(dir.resolve("conf"), libraries, port, adminPort, websocketPort, apiSecret,
                adminSecret, MediaNetwork.hostAddress(), MediaNetwork.udpPortBlock(100), eventHandler);
        JanusServerProcess janus = new JanusServerProcess(executable, config, output);
        janus.start();
        return janus;
    }

    /** Starts on free ports with its log in {@code dir/janus.log}; for tests. */
    public static JanusServerProcess startOnFreePorts(Path dir) {
        return start(requireExecutable(), Ports.freePort(), Ports.freePort(), Ports.freePort(), dir,
                ChildProcess.Output.toFile(dir.resolve("janus.log")));
    }

    /**
     * Starts on free ports, with the sample event handler posting to
     * {@code eventHandler}; for tests.
     */
    public static JanusServerProcess startOnFreePorts(Path dir, JanusEventHandler eventHandler) {
        return start(requireExecutable(), Ports.freePort(), Ports.freePort(), Ports.freePort(), dir,
                ChildProcess.Output.toFile(dir.resolve("janus.log")), eventHandler);
    }

    /**
     * Another instance of a fleet on free ports, with the fleet's secrets (signaling has
     * one pair for all its instances).
     */
    public JanusServerProcess startSibling(Path dir) {
        return start(requireExecutable(), Ports.freePort(), Ports.freePort(), Ports.freePort(), dir,
                ChildProcess.Output.toFile(dir.resolve("janus.log")), apiSecret(), adminSecret(),
                config.eventHandler());
    }

    public static Optional<Path> findExecutable() {
        return Executables.find("PARLEY_JANUS", "janus");
    }

    public static Path requireExecutable() {
        return findExecutable().orElseThrow(() -> new HarnessException(INSTALL_HINT));
    }

    @Override
    ChildProcess launch() {
        Path folder = config.write();
        return ChildProcess.start("janus",
                List.of(executable.toString(), "-F", folder.toAbsolutePath().toString(), "-o"), Map.of(), output());
    }

    @Override
    void awaitReady(ChildProcess started) {
        try {
            pollUntilReady(started, START_TIMEOUT, this::answersInfo);
        }
        catch (HarnessException ex) {
            // not left running where the next start on this port would find it
            started.kill();
            throw ex;
        }
    }

    /** SIGTERM: Janus closes its sessions and exits. */
    @Override
    void shutDown(ChildProcess running) {
        running.stop(STOP_GRACE);
    }

    /** True if Janus answers its {@code info} request (which needs no secret). */
    public boolean answersInfo() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUri() + "/info"))
            .timeout(Duration.ofSeconds(1))
            .GET()
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"server_info\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Janus API, e.g. {@code http://127.0.0.1:41234/janus}. */
    public URI apiUri() {
        return URI.create("http://" + host() + ":" + port() + "/janus");
    }

    /** The admin API, e.g. {@code http://127.0.0.1:41235/admin}. */
    public URI adminUri() {
        return URI.create("http://" + host() + ":" + adminPort() + "/admin");
    }

    /**
     * The Janus API over WebSockets, e.g. {@code ws://127.0.0.1:41236}; clients ask for
     * the {@code janus-protocol} subprotocol.
     */
    public URI websocketUri() {
        return URI.create("ws://" + host() + ":" + config.websocketPort());
    }

    public int adminPort() {
        return config.adminPort();
    }

    public String apiSecret() {
        return config.apiSecret();
    }

    public String adminSecret() {
        return config.adminSecret();
    }

    /** The address media and ICE candidates use. */
    public String mediaAddress() {
        return config.mediaAddress();
    }

    public MediaNetwork.PortRange rtpPorts() {
        return config.rtpPorts();
    }

    /** Where its handler events go, when it has the sample event handler. */
    public Optional<JanusEventHandler> eventHandler() {
        return Optional.ofNullable(config.eventHandler());
    }

    static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
