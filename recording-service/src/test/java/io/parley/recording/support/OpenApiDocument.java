package io.parley.recording.support;

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
 * A hand-written OpenAPI 3.1 document, read as plain YAML, and what an answer must look
 * like to match it: the documented status, content type and, for JSON, the body's shape.
 * Only the parts of JSON Schema the document uses are understood: $ref, allOf, type,
 * required, properties, items, enum, const, pattern.
 */
public final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> spec;

    private OpenApiDocument(Map<String, Object> spec) {
        this.spec = spec;
    }

    public static OpenApiDocument load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new OpenApiDocument(new Yaml().load(in));
        }
    }

    /** "METHOD path status" for every documented response. */
    public List<String> responses() {
        List<String> keys = new ArrayList<>();
        map(spec.get("paths")).forEach((path, operations) -> map(operations)
            .forEach((method, operation) -> map(map(operation).get("responses")).keySet()
                .forEach(status -> keys.add(method.toUpperCase() + " " + path + " " + status))));
        return keys;
    }

    /** What differs between the answer and the response documented as {@code key}. */
    public List<String> check(String key, EntityExchangeResult<byte[]> result) {
        String[] parts = key.split(" ");
        byte[] body = (result.getResponseBody() != null) ? result.getResponseBody() : new byte[0];
        if (result.getStatus().value() != Integer.parseInt(parts[2])) {
            return List
                .of(key + ": got " + result.getStatus().value() + " " + new String(body, StandardCharsets.UTF_8));
        }
        Map<String, Object> operation = map(map(map(spec.get("paths")).get(parts[1])).get(parts[0].toLowerCase()));
        Map<String, Object> content = map(resolve(map(operation.get("responses")).get(parts[2])).get("content"));
        if (content == null) {
            return (body.length == 0) ? List.of() : List.of(key + ": documented without a body, got " + body.length);
        }
        String mediaType = content.keySet().iterator().next();
        MediaType actual = result.getResponseHeaders().getContentType();
        if (actual == null || !actual.isCompatibleWith(MediaType.parseMediaType(mediaType))) {
            return List.of(key + ": content type " + actual + ", documented " + mediaType);
        }
        List<String> failures = new ArrayList<>();
        if (mediaType.endsWith("json")) {
            check(map(content.get(mediaType)).get("schema"), JSON.readValue(body, Object.class), key + " $", failures);
        }
        else if (body.length == 0) {
            failures.add(key + ": empty " + mediaType);
        }
        return failures;
    }

    private void check(Object schemaNode, Object value, String where, List<String> failures) {
        Map<String, Object> schema = resolve(schemaNode);
        for (Object part : list(schema.get("allOf"))) {
            check(part, value, where, failures);
        }
        if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
            failures.add(where + " is " + value + ", documented type " + schema.get("type"));
            return;
        }
        if (schema.containsKey("enum") && !list(schema.get("enum")).contains(value)) {
            failures.add(where + " = " + value + " not in " + schema.get("enum"));
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            failures.add(where + " = " + value + ", documented " + schema.get("const"));
        }
        if (value instanceof String text && schema.containsKey("pattern")
                && !text.matches((String) schema.get("pattern"))) {
            failures.add(where + " = " + text + " does not match " + schema.get("pattern"));
        }
        if (value instanceof Map<?, ?> object) {
            for (Object required : list(schema.get("required"))) {
                if (!object.containsKey(required)) {
                    failures.add(where + " lacks required " + required);
                }
            }
            Map<String, Object> properties = map(schema.get("properties"));
            if (properties != null) {
                properties.forEach((name, property) -> {
                    if (object.containsKey(name)) {
                        check(property, object.get(name), where + "." + name, failures);
                    }
                });
            }
        }
        if (value instanceof List<?> items && schema.containsKey("items")) {
            for (int i = 0; i < items.size(); i++) {
                check(schema.get("items"), items.get(i), where + "[" + i + "]", failures);
            }
        }
    }

    private Map<String, Object> resolve(Object node) {
        Map<String, Object> map = map(node);
        Object ref = map.get("$ref");
        if (ref == null) {
            return map;
        }
        Object target = spec;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = map(target).get(part);
        }
        return resolve(target);
    }

    private static boolean typeMatches(Object type, Object value) {
        return list((type instanceof List) ? type : List.of(type)).stream().anyMatch(t -> switch ((String) t) {
            case "null" -> value == null;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            default -> false;
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return (node != null) ? (List<Object>) node : List.of();
    }

}
