package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay docs/operations.md gives for recording workers on the node's network
 * ("Recording workers on the node's network") applies to k8s/: Redis's policy and both
 * Kafka listeners admit the nodes' addresses beside Parley's pods.
 */
class KustomizeNodePeersTests {

    private static final String OVERLAY = "k8s/overlays/mine/";

    private static final Map<String, Object> PARLEY_PODS = Map.of("podSelector",
            Map.of("matchLabels", Map.of("app.kubernetes.io/part-of", "parley")));

    private static final Map<String, Object> NODES = Map.of("ipBlock", Map.of("cidr", "10.0.0.0/16"));

    @Test
    void theGuidesOverlayAdmitsTheNodesToRedisAndKafka(@TempDir Path dir) throws IOException {
        Map<String, String> files = overlayFiles();
        assertThat(files).containsOnlyKeys("kustomization.yaml", "redis-node-peers.yaml", "kafka-node-peers.yaml");
        // the guide's overlay sits beside prod; this one is elsewhere
        String prod = dir.relativize(Chart.ROOT.resolve("k8s/overlays/prod")).toString();
        assertThat(files.get("kustomization.yaml")).contains("\n  - ../prod\n");
        files.put("kustomization.yaml",
                files.get("kustomization.yaml").replace("\n  - ../prod\n", "\n  - " + prod + "\n"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }

        Tools.Result result = Tools.run(Tools.kubectl(), List.of("kustomize", dir.toString()), Chart.ROOT);
        assertThat(result.exitCode()).as("kubectl kustomize:%n%s", result.output()).isZero();
        List<Map<String, Object>> objects = Yamls.loadAll(result.stdout());

        Map<String, Object> redis = one(objects, "NetworkPolicy", "parley-redis");
        assertThat(Yamls.list(redis, "spec.ingress")).singleElement()
            .satisfies(rule -> assertThat(Yamls.at(rule, "from")).asList().containsExactly(PARLEY_PODS, NODES));
        Map<String, Object> kafka = one(objects, "Kafka", "parley");
        assertThat(Yamls.list(kafka, "spec.kafka.listeners")).extracting(l -> l.get("port"))
            .containsExactly(9092, 9093);
        assertThat(Yamls.list(kafka, "spec.kafka.listeners"))
            .allSatisfy(listener -> assertThat(Yamls.at(listener, "networkPolicyPeers")).as("%s", listener.get("name"))
                .asList()
                .containsExactly(PARLEY_PODS, NODES));
        // the rest of prod is untouched
        assertThat(Yamls.at(one(objects, "KafkaNodePool", "parley-dual-role"), "spec.replicas")).isEqualTo(3);
    }

    /** The guide's YAML blocks that start with a comment naming a file of the overlay. */
    private static Map<String, String> overlayFiles() throws IOException {
        String guide = Files.readString(OperationsGuideTests.GUIDE);
        Matcher block = Pattern.compile("(?s)```yaml\n# " + Pattern.quote(OVERLAY) + "([a-z.-]+)[^\n]*\n(.*?)```")
            .matcher(guide);
        Map<String, String> files = new LinkedHashMap<>();
        while (block.find()) {
            files.put(block.group(1), block.group(2));
        }
        return files;
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> matching = objects.stream()
            .filter(o -> kind.equals(o.get("kind")) && name.equals(Yamls.at(o, "metadata.name")))
            .toList();
        assertThat(matching).as("%s %s", kind, name).hasSize(1);
        return matching.get(0);
    }

}
