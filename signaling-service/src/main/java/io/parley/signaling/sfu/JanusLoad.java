package io.parley.signaling.sfu;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one Janus instance carries, read from its admin API: its rooms (VideoRoom's
 * {@code list} through {@code message_plugin}) and its publisher and subscriber handles
 * ({@code handle_info} of every handle of every session). One request per handle: fine
 * for the hundreds of handles of an instance this size, and where an instance outgrows
 * it, Janus's event handlers are the way (docs/media.md).
 */
final class JanusLoad {

    /** Handles read at once. */
    private static final int CONCURRENCY = 8;

    private final JanusClient janus;

    JanusLoad(JanusClient janus) {
        this.janus = janus;
    }

    /** The instance's load now, or {@link Reading#DOWN} when it does not answer. */
    Mono<Reading> read() {
        return janus.admin("", "info")
            .then(Mono.zip(rooms(), handleTypes().collectList()))
            .map((counts) -> new Reading(true, counts.getT1(),
                    counts.getT2().stream().filter("publisher"::equals).count(),
                    counts.getT2().stream().filter("subscriber"::equals).count()))
            .onErrorReturn(Reading.DOWN);
    }

    private Mono<Double> rooms() {
        ObjectNode request = JsonNodeFactory.instance.objectNode()
            .put("janus", "message_plugin")
            .put("plugin", JanusClient.VIDEOROOM);
        request.putObject("request").put("request", "list");
        return janus.admin("", request).map((reply) -> (double) reply.path("response").path("list").size());
    }

    /**
     * The VideoRoom role of every handle ({@code publisher}, {@code subscriber}, ...).
     */
    private Flux<String> handleTypes() {
        return ids(janus.admin("", "list_sessions"), "sessions")
            .flatMap((session) -> ids(janus.admin("/" + session, "list_handles"), "handles")
                .flatMap((handle) -> janus.admin("/" + session + "/" + handle, "handle_info")
                    .map((reply) -> reply.path("info").path("plugin_specific").path("type").asString(""))
                    // a handle that went away between the listing and this request
                    .onErrorResume(JanusException.class, (ex) -> Mono.empty()), CONCURRENCY)
                .onErrorResume(JanusException.class, (ex) -> Mono.empty()), CONCURRENCY);
    }

    private static Flux<Long> ids(Mono<JsonNode> reply, String field) {
        return reply.flatMapMany((node) -> Flux.fromIterable(node.path(field)).map((id) -> id.asLong(0)));
    }

    /**
     * One reading; the counts are NaN when the instance did not answer.
     *
     * @param up whether the instance answered
     * @param rooms VideoRoom rooms
     * @param publishers publisher handles
     * @param subscribers subscriber handles
     */
    record Reading(boolean up, double rooms, double publishers, double subscribers) {

        static final Reading DOWN = new Reading(false, Double.NaN, Double.NaN, Double.NaN);

    }

}
