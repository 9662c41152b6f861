package io.parley.devstack.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.parley.devstack.ports.PortClaim;
import io.parley.harness.CoturnServerProcess;
import io.parley.harness.JanusServerProcess;

/**
 * Which media servers {@code ./parley up} runs and the fixed ports they take. Neither is
 * required: without Janus every meeting stays a peer-to-peer mesh, without coturn clients
 * get no relay. The ports are none of Janus's and coturn's defaults (8088, 8188, 7088,
 * 3478), which the Debian packages' system services hold until they are disabled, and
 * none of the services' (8080-8092, 9080).
 *
 * @param janus the {@code janus} binary, when installed
 * @param turnserver coturn's {@code turnserver} binary, when installed
 */
public record MediaPlan(Optional<Path> janus, Optional<Path> turnserver) {

    /** The Janus API, {@code http://127.0.0.1:8094/janus}. */
    public static final int JANUS_PORT = 8094;

    /**
     * The Janus API over WebSockets, {@code ws://127.0.0.1:8095} (subprotocol
     * {@code janus-protocol}).
     */
    public static final int JANUS_WEBSOCKET_PORT = 8095;

    /** Janus's admin API, {@code http://127.0.0.1:8096/admin}. */
    public static final int JANUS_ADMIN_PORT = 8096;

    /** coturn, UDP and TCP. */
    public static final int TURN_PORT = 3480;

    /**
     * Finds the binaries the way the test harness does ({@code PARLEY_JANUS}, … or PATH).
     */
    public static MediaPlan detect() {
        return new MediaPlan(JanusServerProcess.findExecutable(), CoturnServerProcess.findExecutable());
    }

    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        if (janus.isPresent()) {
            claims.add(PortClaim.media(JANUS_PORT, "janus"));
            claims.add(PortClaim.media(JANUS_WEBSOCKET_PORT, "janus websocket"));
            claims.add(PortClaim.media(JANUS_ADMIN_PORT, "janus admin"));
        }
        if (turnserver.isPresent()) {
            claims.add(PortClaim.media(TURN_PORT, "coturn"));
        }
        return claims;
    }

    /**
     * One line per server that is not installed: what a meeting goes without, and how to
     * install it.
     */
    public List<String> missing() {
        List<String> lines = new ArrayList<>();
        if (janus.isEmpty()) {
            lines.add("janus is not installed: meetings stay peer-to-peer (no SFU) and cannot be recorded; "
                    + "install it with `sudo apt-get install -y janus`");
        }
        if (turnserver.isEmpty()) {
            lines.add("turnserver is not installed: no TURN relay for networks that block direct UDP; install it "
                    + "with `sudo apt-get install -y coturn`");
        }
        return lines;
    }

}
