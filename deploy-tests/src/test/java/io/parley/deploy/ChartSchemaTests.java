package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * values.schema.json refuses what the chart would otherwise silently ignore or misrender.
 */
class ChartSchemaTests {

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertRefused("gatway:\n  replicaCount: 3\n").hasMessageContaining("gatway");
    }

    @Test
    void anUnknownNestedKeyIsRefused() {
        assertRefused("gateway:\n  replicas: 3\n").hasMessageContaining("replicas");
        assertRefused("gateway:\n  rateLimit:\n    burst: 3\n").hasMessageContaining("burst");
        assertRefused("""
                networkPolicy:
                  redisPeers:
                    - podSelektor:
                        matchLabels:
                          app: redis
                """).hasMessageContaining("podSelektor");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertRefused("gateway:\n  replicaCount: two\n").hasMessageContaining("replicaCount");
        assertRefused("streamLimitService:\n  seedApi:\n    enabled: \"yes\"\n").hasMessageContaining("enabled");
        assertRefused("redis:\n  port: \"6379\"\n").hasMessageContaining("port");
    }

    @Test
    void aValueOutsideItsRangeOrChoicesIsRefused() {
        assertRefused("kafka:\n  securityProtocol: TLS\n").hasMessageContaining("securityProtocol");
        assertRefused("securityContext:\n  runAsUser: 0\n").hasMessageContaining("runAsUser");
        assertRefused("gateway:\n  timeout: five seconds\n").hasMessageContaining("timeout");
    }

    /** Rendering fails, and it is values.schema.json that refuses the values. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String values) {
        return assertThatThrownBy(() -> Chart.renderWithValues(values))
            .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void validOverridesAreAccepted() {
        Chart.Rendered rendered = Chart.renderWithValues("""
                gateway:
                  replicaCount: 3
                  autoscaling:
                    enabled: false
                  extraEnv:
                    - name: PARLEY_EXTRA
                      value: "1"
                    - name: PARLEY_FROM_SECRET
                      valueFrom:
                        secretKeyRef:
                          name: s
                          key: k
                  tolerations:
                    - key: dedicated
                      operator: Equal
                      value: parley
                      effect: NoSchedule
                """);

        assertThat(Yamls.at(rendered.get("Deployment", "parley-gateway"), "spec.replicas")).isEqualTo(3);
        assertThat(rendered.environment("parley-gateway")).containsEntry("PARLEY_EXTRA", "1");
    }

    /**
     * Every object in the schema closes its key set, so a typo anywhere fails the install
     * instead of being ignored.
     */
    @Test
    void everyObjectInTheSchemaRefusesUnknownKeys() throws IOException {
        JsonNode schema = JsonMapper.builder()
            .build()
            .readTree(Files.readString(Chart.DIR.resolve("values.schema.json")));
        List<String> open = new ArrayList<>();
        walk(schema, "$", open);

        assertThat(open).as("schema objects without additionalProperties: false (or a typed map)").isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> open) {
        if (node.isObject()) {
            boolean isObjectSchema = node.has("properties") || (node.has("type") && node.get("type").isString()
                    && node.get("type").asString().equals("object"));
            if (isObjectSchema) {
                JsonNode additional = node.get("additionalProperties");
                boolean closed = additional != null && (additional.isBoolean() && !additional.asBoolean()
                        || additional.isObject() && additional.has("type"));
                if (!closed) {
                    open.add(path);
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + "." + field.getKey(), open);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", open);
            }
        }
    }

}
