package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * k8s/media: Janus and coturn as the chart runs them, for operators who keep them apart
 * from the release. Same names as the chart's (release "parley"), the same Janus
 * configuration, secrets only from Secrets.
 */
class KustomizeMediaTests {

    @Test
    void janusRunsOnTheNodesNetworkProbedWithInfoAndItsSecretsFromTheSecret() {
        List<Map<String, Object>> objects = render();
        assertThat(objects).allSatisfy(o -> assertThat(Yamls.at(o, "metadata.namespace")).isEqualTo("parley"));

        Map<String, Object> statefulSet = one(objects, "StatefulSet", "parley-janus");
        Map<String, Object> pod = Yamls.map(statefulSet, "spec.template.spec");
        assertThat(Yamls.at(statefulSet, "spec.serviceName")).isEqualTo("parley-janus");
        assertThat(pod).containsEntry("hostNetwork", true).containsEntry("dnsPolicy", "ClusterFirstWithHostNet");
        Map<String, Object> janus = Yamls.list(pod, "containers").get(0);
        assertThat(Yamls.map(janus, "readinessProbe.httpGet")).containsEntry("path", "/janus/info")
            .containsEntry("port", "api");
        assertThat(Yamls.map(janus, "livenessProbe.httpGet")).containsEntry("path", "/janus/info");
        // the kustomization's images entry names the image, since no official one exists
        assertThat(janus.get("image")).isEqualTo("registry.example.com/parley/janus:1.1.2");
        List<Map<String, Object>> env = Yamls.list(Yamls.list(pod, "initContainers").get(0), "env");
        assertThat(env).filteredOn(e -> e.get("name").toString().contains("SECRET"))
            .hasSize(2)
            .allSatisfy(e -> assertThat(Yamls.at(e, "valueFrom.secretKeyRef.name")).isEqualTo("parley-janus"));
        assertThat(env).allSatisfy(e -> assertThat(e).doesNotContainKey("value"));
        assertThat(Yamls.at(one(objects, "Service", "parley-janus"), "spec.clusterIP")).isEqualTo("None");
        assertThat(Yamls.list(one(objects, "NetworkPolicy", "parley-janus"), "spec.ingress")).first()
            .satisfies(rule -> assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("app.kubernetes.io/name", "signaling-service")));
    }

    /** k8s/media/janus/configmap.yaml is the chart's configuration with its defaults. */
    @Test
    void janusIsConfiguredExactlyAsTheChartConfiguresIt() {
        Map<String, Object> chart = Chart.render(null,
                c -> c.set("janus.enabled", "true").set("janus.image.repository", "janus").set("janus.image.tag", "v1"))
            .get("ConfigMap", "parley-janus-config");

        assertThat(Yamls.map(one(render(), "ConfigMap", "parley-janus-config"), "data"))
            .isEqualTo(Yamls.map(chart, "data"));
    }

    @Test
    void coturnRunsOnTheNodesNetworkWithTheSharedSecretAndItsPorts() {
        Map<String, Object> coturn = one(render(), "Deployment", "parley-coturn");

        assertThat(Yamls.at(coturn, "spec.template.spec.hostNetwork")).isEqualTo(true);
        Map<String, Object> container = Yamls.list(coturn, "spec.template.spec.containers").get(0);
        assertThat(Yamls.at(container, "args")).asList()
            .contains("--use-auth-secret", "--static-auth-secret=$(TURN_SECRET)", "--listening-port=3478",
                    "--min-port=49160", "--max-port=49200");
        assertThat(Yamls.list(container, "env")).singleElement()
            .satisfies(e -> assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-turn")
                .containsEntry("key", "static-auth-secret"));
        assertThat(Yamls.list(container, "ports")).extracting(p -> p.get("containerPort"), p -> p.get("protocol"))
            .containsExactlyInAnyOrder(tuple(3478, "UDP"), tuple(3478, "TCP"));
    }

    @Test
    void theOverlaysLeaveTheMediaServersOut() {
        for (String overlay : List.of("dev", "prod")) {
            assertThat(KustomizeTests.render(overlay)).as(overlay)
                .noneMatch(o -> Yamls.at(o, "metadata.name").toString().matches("parley-(janus|coturn).*"));
        }
    }

    private static List<Map<String, Object>> render() {
        Tools.Result result = Tools.run(Tools.kubectl(), List.of("kustomize", "k8s/media"), Chart.ROOT);
        assertThat(result.exitCode()).as("kubectl kustomize k8s/media:%n%s", result.output()).isZero();
        return Yamls.loadAll(result.stdout());
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> matching = objects.stream()
            .filter(o -> kind.equals(o.get("kind")) && name.equals(Yamls.at(o, "metadata.name")))
            .toList();
        assertThat(matching).as("%s %s", kind, name).hasSize(1);
        return matching.get(0);
    }

}
