package io.parley.signaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.parley.harness.JanusServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a test Janus holds, read through its admin API, and what it wrote to its log.
 */
final class JanusAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JanusServerProcess janus;

    private final Path log;

    JanusAdmin(JanusServerProcess janus, Path log) {
        this.janus = janus;
        this.log = log;
    }

    /** The VideoRoom rooms, as {@code list} reports them (with {@code rec_dir}). */
    List<JsonNode> rooms() {
        JsonNode reply = send("{\"janus\":\"message_plugin\",\"plugin\":\"janus.plugin.videoroom\","
                + "\"request\":{\"request\":\"list\"}}");
        return reply.path("response").path("list").valueStream().toList();
    }

    /**
     * Verbose logging: Janus reports a publisher's recording state nowhere else until its
     * media flows.
     */
    void logVerbosely() {
        send("{\"janus\":\"set_log_level\",\"level\":5}");
    }

    /** Lines of the Janus log that contain all the parts. */
    List<String> logLines(String... parts) {
        try {
            return Files.readAllLines(log, StandardCharsets.ISO_8859_1)
                .stream()
                .filter(line -> List.of(parts).stream().allMatch(line::contains))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private JsonNode send(String request) {
        ObjectNode body = (ObjectNode) JSON.readTree(request);
        body.put("transaction", UUID.randomUUID().toString()).put("admin_secret", janus.adminSecret());
        HttpRequest post = HttpRequest.newBuilder(janus.adminUri())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
        return JSON.readTree(HTTP.sendAsync(post, HttpResponse.BodyHandlers.ofString())
            .orTimeout(10, TimeUnit.SECONDS)
            .join()
            .body());
    }

}
