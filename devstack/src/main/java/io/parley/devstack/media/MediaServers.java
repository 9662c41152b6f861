package io.parley.devstack.media;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.parley.devstack.run.DataLayout;
import io.parley.devstack.services.ReadinessWatch;
import io.parley.harness.ChildProcess;
import io.parley.harness.CoturnServerProcess;
import io.parley.harness.JanusEventHandler;
import io.parley.harness.JanusServerProcess;
import io.parley.harness.ServerProcess;

/**
 * The Janus and coturn of a running stack, each started by the test harness exactly as
 * the integration tests start theirs, with its configuration (secrets generated at every
 * start, in owner-only files) and its log under the data directory. Janus posts its
 * handle and media events to metrics-collector, which is given the credentials. A server
 * that is not installed or does not start is left out with one line saying what meetings
 * go without; the stack runs on.
 */
public final class MediaServers {

    private final List<Running> running;

    private final Map<String, String> signalingEnvironment;

    private final Map<String, String> collectorEnvironment;

    private MediaServers(List<Running> running, Map<String, String> signalingEnvironment,
            Map<String, String> collectorEnvironment) {
        this.running = List.copyOf(running);
        this.signalingEnvironment = Map.copyOf(signalingEnvironment);
        this.collectorEnvironment = Map.copyOf(collectorEnvironment);
    }

    /**
     * Starts what the plan found installed; returns once each answers or gave up. Janus's
     * sample event handler posts to {@code collector}'s
     * {@value CollectorMedia#EVENTS_PATH} with a password generated now.
     */
    public static MediaServers start(MediaPlan plan, DataLayout layout, URI collector, PrintStream console) {
        List<Running> running = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> collectorEnv = new LinkedHashMap<>();
        plan.janus().ifPresent(executable -> {
            Path log = layout.janus().resolve("janus.log");
            long started = System.nanoTime();
            JanusEventHandler events = JanusEventHandler.to(URI.create(collector + CollectorMedia.EVENTS_PATH));
            JanusServerProcess janus = attempt("janus", log, console, "meetings stay peer-to-peer (no SFU)",
                    () -> JanusServerProcess.start(executable, MediaPlan.JANUS_PORT, MediaPlan.JANUS_ADMIN_PORT,
                            MediaPlan.JANUS_WEBSOCKET_PORT, layout.janus(), ChildProcess.Output.toFile(log), events));
            if (janus != null) {
                collectorEnv.putAll(CollectorMedia.janusEvents(events));
                String where = janus.apiUri() + ", " + janus.websocketUri() + ", admin " + janus.adminUri();
                Running server = new Running("janus", MediaPlan.JANUS_PORT, janus, since(started), where, log);
                running.add(server);
                env.putAll(SignalingMedia.janus(janus.apiUri(), janus.adminUri(), janus.websocketUri(),
                        janus.apiSecret(), janus.adminSecret(), layout.captures()));
                console.println("[devstack] janus is ready after " + ReadinessWatch.seconds(server.ready()) + ": "
                        + where + ", media on " + janus.mediaAddress() + " UDP " + janus.rtpPorts()
                        + ", handle and media events to " + events.backend() + ", log in " + log);
            }
        });
        plan.turnserver().ifPresent(executable -> {
            Path log = layout.coturn().resolve("turnserver.log");
            long started = System.nanoTime();
            CoturnServerProcess coturn = attempt("coturn", log, console,
                    "no TURN relay for networks that block direct UDP", () -> CoturnServerProcess.start(executable,
                            MediaPlan.TURN_PORT, layout.coturn(), ChildProcess.Output.toFile(log)));
            if (coturn != null) {
                Running server = new Running("coturn", MediaPlan.TURN_PORT, coturn, since(started), coturn.uri(), log);
                running.add(server);
                env.putAll(SignalingMedia.turn(coturn.uri(), coturn.secret()));
                console.println("[devstack] coturn is ready after " + ReadinessWatch.seconds(server.ready()) + ": "
                        + coturn.uri() + ", relays on UDP " + coturn.relayPorts() + ", log in " + log);
            }
        });
        return new MediaServers(running, env, collectorEnv);
    }

    /** Null, after one line on the console, if the server does not start. */
    private static <T extends ServerProcess> T attempt(String name, Path log, PrintStream console, String without,
            Supplier<T> starter) {
        try {
            return starter.get();
        }
        catch (RuntimeException ex) {
            String reason = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
            console
                .println("[devstack] " + name + " did not start (" + reason + "): " + without + "; its log is " + log);
            return null;
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** What every signaling instance gets: empty when neither server runs. */
    public Map<String, String> signalingEnvironment() {
        return signalingEnvironment;
    }

    /**
     * What metrics-collector gets: the event handler's credentials, empty when Janus does
     * not run.
     */
    public Map<String, String> collectorEnvironment() {
        return collectorEnvironment;
    }

    public List<Running> running() {
        return running;
    }

    /**
     * Graceful stops (SIGTERM); Janus closes its sessions, coturn its allocations.
     * Nothing of theirs needs keeping.
     */
    public void stop() {
        running.forEach(server -> server.process().stop());
    }

    /**
     * A media server the stack runs.
     *
     * @param name as in the pid file and the ready report
     * @param port its main port
     * @param process the harness's handle
     * @param ready how long it took to answer
     * @param where what clients connect to
     * @param log where its output goes
     */
    public record Running(String name, int port, ServerProcess process, Duration ready, String where, Path log) {

        public OptionalLong pid() {
            return process.pid();
        }

    }

}
