package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Janus instance over its HTTP transport: the Janus API (sessions, handles, plugin
 * messages, keep-alives) and the admin API. Janus answers every request with HTTP 200; an
 * error is {@code "janus": "error"} in the body, or an {@code error_code} in a plugin's
 * answer, and becomes a {@link JanusException}. An instance that does not answer becomes
 * a {@link JanusUnavailableException}.
 */
public final class JanusClient {

    static final String VIDEOROOM = "janus.plugin.videoroom";

    private final String name;

    private final WebClient api;

    private final WebClient admin;

    private final String apiSecret;

    private final String adminSecret;

    private final Duration timeout;

    public JanusClient(WebClient.Builder builder, SfuProperties.Instance instance, SfuProperties settings) {
        this.name = instance.name();
        this.api = builder.clone().baseUrl(instance.api().toString()).build();
        this.admin = builder.clone().baseUrl(instance.admin().toString()).build();
        this.apiSecret = settings.apiSecret();
        this.adminSecret = settings.adminSecret();
        this.timeout = settings.requestTimeout();
    }

    public String name() {
        return name;
    }

    /** A new Janus session; its id. */
    public Mono<Long> createSession() {
        return send(api, "", request("create")).map((reply) -> reply.path("data").path("id").asLong());
    }

    /** A handle on the plugin in the session; its id. */
    public Mono<Long> attach(long session, String plugin) {
        ObjectNode attach = request("attach").put("plugin", plugin);
        return send(api, "/" + session, attach).map((reply) -> reply.path("data").path("id").asLong());
    }

    /**
     * A message to the plugin behind a handle. A synchronous request (VideoRoom's
     * {@code create}, {@code list}) answers with the plugin's data; an asynchronous one
     * ({@code join}) with an empty node once Janus acknowledged it, its outcome coming as
     * an event.
     */
    public Mono<JsonNode> message(long session, long handle, ObjectNode body) {
        ObjectNode message = request("message");
        message.set("body", body);
        return send(api, "/" + session + "/" + handle, message).map((reply) -> {
            JsonNode data = reply.path("plugindata").path("data");
            if (data.has("error_code")) {
                throw new JanusException(name, data.path("error_code").asInt(0), data.path("error").asString(""));
            }
            return data;
        });
    }

    public Mono<Void> keepalive(long session) {
        return send(api, "/" + session, request("keepalive")).then();
    }

    public Mono<Void> destroySession(long session) {
        return send(api, "/" + session, request("destroy")).then();
    }

    /**
     * An admin API request, e.g. {@code info}, {@code list_sessions} (path empty),
     * {@code list_handles} (path {@code /<session>}), {@code handle_info} (path
     * {@code /<session>/<handle>}); the whole answer.
     */
    public Mono<JsonNode> admin(String path, ObjectNode request) {
        request.put("transaction", transaction()).put("admin_secret", adminSecret);
        return send(admin, path, request);
    }

    public Mono<JsonNode> admin(String path, String janus) {
        return admin(path, JsonNodeFactory.instance.objectNode().put("janus", janus));
    }

    private ObjectNode request(String janus) {
        ObjectNode request = JsonNodeFactory.instance.objectNode()
            .put("janus", janus)
            .put("transaction", transaction());
        if (!apiSecret.isEmpty()) {
            request.put("apisecret", apiSecret);
        }
        return request;
    }

    private Mono<JsonNode> send(WebClient client, String path, ObjectNode request) {
        return client.post()
            .uri(path)
            .bodyValue(request)
            .retrieve()
            .bodyToMono(JsonNode.class)
            .timeout(timeout)
            .onErrorMap((ex) -> ex instanceof WebClientRequestException || ex instanceof TimeoutException,
                    (ex) -> new JanusUnavailableException(name, ex))
            .map((reply) -> {
                if ("error".equals(reply.path("janus").asString(""))) {
                    JsonNode error = reply.path("error");
                    throw new JanusException(name, error.path("code").asInt(0), error.path("reason").asString(""));
                }
                return reply;
            });
    }

    private static String transaction() {
        return UUID.randomUUID().toString();
    }

}
