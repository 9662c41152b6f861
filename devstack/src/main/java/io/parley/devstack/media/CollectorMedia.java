package io.parley.devstack.media;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parley.harness.JanusEventHandler;

/**
 * What metrics-collector is told about Janus: the credentials Janus's sample event
 * handler posts its handle and media events with, as the variables its
 * {@code parley.quality.sfu-events.*} settings read.
 */
public final class CollectorMedia {

    /** Where the collector takes Janus's events (JanusEventsController). */
    public static final String EVENTS_PATH = "/internal/janus-events";

    private CollectorMedia() {
    }

    public static Map<String, String> janusEvents(JanusEventHandler handler) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARLEY_QUALITY_SFU_EVENTS_USERNAME", handler.user());
        env.put("PARLEY_QUALITY_SFU_EVENTS_PASSWORD", handler.password());
        return env;
    }

}
