package io.parley.harness;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a harness Janus posts its handler events: Janus's sample event handler
 * ({@code libjanus_sampleevh.so}) sends handle events (attach and detach, with the
 * handle's {@code opaque_id}) and media statistics, one event per handle and statistics
 * period ({@code combine_media_stats}), as JSON arrays ({@code grouping}) to
 * {@code backend} over HTTP with basic authentication.
 *
 * @param backend the URL Janus posts to
 * @param user the basic-auth user
 * @param password the basic-auth password, generated per run by {@link #to(URI)}
 * @param statsPeriod how often Janus reports each handle's media statistics (whole
 * seconds, at least one)
 */
public record JanusEventHandler(URI backend, String user, String password, Duration statsPeriod) {

    /** The user {@link #to(URI)} gives. */
    public static final String USER = "janus";

    static final String LIBRARY = "libjanus_sampleevh.so";

    public JanusEventHandler {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (statsPeriod.toSeconds() < 1) {
            throw new IllegalArgumentException("statsPeriod must be at least a second");
        }
    }

    /** Posts to the backend with a password generated now, statistics every 5 s. */
    public static JanusEventHandler to(URI backend) {
        return new JanusEventHandler(backend, USER, JanusServerProcess.secret(), Duration.ofSeconds(5));
    }

    /** The same backend and credentials, statistics every given period. */
    public JanusEventHandler withStatsPeriod(Duration period) {
        return new JanusEventHandler(backend, user, password, period);
    }

    /**
     * {@code janus.eventhandler.sampleevh.jcfg}: handle and media events only, compact
     * JSON, grouped.
     */
    String sampleEventHandler() {
        return """
                general: {
                    enabled = true
                    events = "handles,media"
                    grouping = true
                    json = "compact"
                    backend = "%s"
                    backend_user = "%s"
                    backend_pwd = "%s"
                    max_retransmissions = 3
                    retransmissions_backoff = 100
                }
                """.formatted(backend, user, password);
    }

}
