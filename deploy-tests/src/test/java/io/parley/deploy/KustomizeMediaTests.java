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

    /**
     * The recording worker beside Janus as the chart runs it: the same settings, the
     * capture folder shared with Janus, the Service the chart's gateway calls.
     */
    @Test
    void theRecordingWorkerRunsBesideJanusAsTheChartRunsIt() {
        List<Map<String, Object>> objects = render();
        Chart.Rendered chart = Chart.render(null,
                c -> c.set("janus.enabled", "true")
                    .set("janus.image.repository", "janus")
                    .set("janus.image.tag", "v1"));

        assertThat(Yamls.map(one(objects, "ConfigMap", "parley-recording-service-env"), "data"))
            .isEqualTo(Yamls.map(chart.get("ConfigMap", "parley-recording-service-env"), "data"));
        Map<String, Object> pod = Yamls.map(one(objects, "StatefulSet", "parley-janus"), "spec.template.spec");
        List<Map<String, Object>> containers = Yamls.list(pod, "containers");
        assertThat(containers).extracting(c -> c.get("name")).containsExactly("janus", "recording-worker");
        for (Map<String, Object> container : containers) {
            assertThat(Yamls.list(container, "volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", "captures")
                    .containsEntry("mountPath", "/var/lib/parley/captures"));
        }
        Map<String, Object> worker = containers.get(1);
        assertThat(worker.get("image"))
            .isEqualTo("registry.example.com/parley/parley-recording-service:0.1.0-SNAPSHOT");
        assertThat(Yamls.list(worker, "envFrom")).extracting(e -> Yamls.at(e, "configMapRef.name"))
            .containsExactly("parley-env", "parley-recording-service-env");
        assertThat(Yamls.list(worker, "env")).allSatisfy(e -> assertThat(e).doesNotContainKey("value"));
        assertThat(Yamls.list(pod, "volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "persistentVolumeClaim.claimName")).isEqualTo("parley-recordings"));
        Map<String, Object> service = one(objects, "Service", "parley-recording-service");
        assertThat(chart.environment("parley-gateway")).containsEntry("PARLEY_RECORDING_URIS",
                "http://parley-recording-service:8079");
        assertThat(Yamls.list(service, "spec.ports")).singleElement()
            .satisfies(p -> assertThat(p).containsEntry("port", 8079).containsEntry("targetPort", "recording"));
        assertThat(Yamls.map(service, "spec.selector")).containsEntry("app.kubernetes.io/name", "parley-janus");
        assertThat(Yamls.at(one(objects, "PersistentVolumeClaim", "parley-recordings"), "spec.accessModes"))
            .isEqualTo(List.of("ReadWriteMany"));
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
