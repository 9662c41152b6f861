package io.parley.quality.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hand-written OpenAPI document, read as the contract tests of meeting-service and
 * people-service read theirs: the responses it documents, each as
 * {@code "METHOD path status"} (with the media type appended where a response has more
 * than one), and what an actual answer must look like to match one of them.
 */
public final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> spec;

    private OpenApiDocument(Map<String, Object> spec) {
        this.spec = spec;
    }

    public static OpenApiDocument load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new OpenApiDocument(new Yaml().load(in));
        }
    }

    /** Every documented response, one key per media type where there are several. */
    @SuppressWarnings("unchecked")
    public List<String> documented() {
        List<String> keys = new ArrayList<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, operations) -> operations
            .forEach((method, operation) -> ((Map<Object, Object>) ((Map<String, Object>) operation).get("responses"))
                .forEach((status, response) -> {
                    String key = method.toUpperCase() + " " + path + " " + status;
                    Map<String, Object> content = (Map<String, Object>) resolve(response).get("content");
                    if (content != null && content.size() > 1) {
                        content.keySet().forEach(type -> keys.add(key + " " + type));
                    }
                    else {
                        keys.add(key);
                    }
                })));
        return keys;
    }

    /**
     * The properties of a schema under components, in the order the document has them.
     */
    @SuppressWarnings("unchecked")
    public List<String> propertiesOf(String schema) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components"))
            .get("schemas");
        return List
            .copyOf(((Map<String, Object>) ((Map<String, Object>) schemas.get(schema)).get("properties")).keySet());
    }

    /**
     * What is wrong with the answer to the request the key names: status, required
     * headers, content type, and the body against the documented schema (each line of
     * JSON Lines on its own).
     */
    @SuppressWarnings("unchecked")
    public List<String> check(String key, EntityExchangeResult<byte[]> result) {
        String[] parts = key.split(" ");
        if (result.getStatus().value() != Integer.parseInt(parts[2])) {
            return List.of(key + ": got " + result.getStatus().value() + " " + body(result));
        }
        List<String> failures = new ArrayList<>();
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec
            .get("paths")).get(parts[1])).get(parts[0].toLowerCase());
        Map<String, Object> response = resolve(((Map<String, Object>) operation.get("responses")).get(parts[2]));
        ((Map<String, Object>) response.getOrDefault("headers", Map.of())).forEach((name, header) -> {
            if (Boolean.TRUE.equals(resolve(header).get("required"))
                    && result.getResponseHeaders().getFirst(name) == null) {
                failures.add(key + ": lacks the header " + name);
            }
        });
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        if (content == null) {
            if (result.getResponseBody() != null && result.getResponseBody().length > 0) {
                failures.add(key + ": documented without body but got " + body(result));
            }
            return failures;
        }
        String mediaType = parts.length > 3 ? parts[3] : content.keySet().iterator().next();
        MediaType actual = result.getResponseHeaders().getContentType();
        if (actual == null || !actual.isCompatibleWith(MediaType.parseMediaType(mediaType))) {
            failures.add(key + ": content type " + actual + ", documented " + mediaType);
            return failures;
        }
        Object schema = ((Map<String, Object>) content.get(mediaType)).get("schema");
        SchemaCheck check = new SchemaCheck(this, failures, key);
        if (MediaType.APPLICATION_NDJSON.isCompatibleWith(actual)) {
            List<String> lines = body(result).lines().toList();
            if (lines.isEmpty()) {
                failures.add(key + ": no lines");
            }
            for (int i = 0; i < lines.size(); i++) {
                check.check(schema, JSON.readValue(lines.get(i), Object.class), "line " + (i + 1));
            }
        }
        else if (actual.getSubtype().contains("json")) {
            check.check(schema, JSON.readValue(result.getResponseBody(), Object.class), "$");
        }
        else {
            check.check(schema, body(result), "$");
        }
        return failures;
    }

    public static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    /**
     * The node a {@code $ref} points at, followed to the end; the node itself otherwise.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        Object ref = map.get("$ref");
        if (ref == null) {
            return map;
        }
        Object target = spec;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = ((Map<String, Object>) target).get(part);
        }
        return resolve(target);
    }

}
