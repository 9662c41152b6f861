package io.parley.quality.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of JSON Schema the OpenAPI documents use, as the other services' contract
 * tests check them: $ref, allOf, oneOf, type, required, properties, additionalProperties:
 * false, items, minItems, enum, const, format: uuid. Each mismatch is added to
 * {@code failures}, prefixed with the response's key and where in the body it is.
 */
record SchemaCheck(OpenApiDocument document, List<String> failures, String key) {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @SuppressWarnings("unchecked")
    boolean check(Object schemaNode, Object value, String where) {
        Map<String, Object> schema = document.resolve(schemaNode);
        int before = failures.size();
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                check(part, value, where);
            }
        }
        if (schema.containsKey("oneOf")) {
            long matching = ((List<Object>) schema.get("oneOf")).stream()
                .filter(option -> new SchemaCheck(document, new ArrayList<>(), key).check(option, value, where))
                .count();
            if (matching != 1) {
                failures.add(key + ": " + where + " matches " + matching + " of oneOf");
            }
        }
        if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
            failures.add(key + ": " + where + " is " + value + ", documented type " + schema.get("type"));
            return false;
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            failures.add(key + ": " + where + " = " + value + " not in " + schema.get("enum"));
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            failures.add(key + ": " + where + " = " + value + ", documented " + schema.get("const"));
        }
        if ("uuid".equals(schema.get("format")) && !(value instanceof String text && text.matches(UUID_PATTERN))) {
            failures.add(key + ": " + where + " = " + value + " is not a UUID");
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, object, where);
        }
        if (value instanceof List<?> list) {
            if (list.size() < ((Number) schema.getOrDefault("minItems", 0)).intValue()) {
                failures.add(key + ": " + where + " has fewer than " + schema.get("minItems") + " items");
            }
            if (schema.containsKey("items")) {
                for (int i = 0; i < list.size(); i++) {
                    check(schema.get("items"), list.get(i), where + "[" + i + "]");
                }
            }
        }
        return failures.size() == before;
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Map<?, ?> object, String where) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!object.containsKey(required)) {
                failures.add(key + ": " + where + " lacks required " + required);
            }
        }
        properties.forEach((name, property) -> {
            if (object.containsKey(name)) {
                check(property, object.get(name), where + "." + name);
            }
        });
        if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
            object.keySet()
                .stream()
                .filter(name -> !properties.containsKey(name))
                .forEach(name -> failures.add(key + ": " + where + " has undocumented " + name));
        }
    }

    private static boolean typeMatches(Object type, Object value) {
        List<?> types = (type instanceof List<?> list) ? list : List.of(type);
        return types.stream().anyMatch(t -> switch ((String) t) {
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

}
