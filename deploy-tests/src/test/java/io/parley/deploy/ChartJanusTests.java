package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;

import org.junit.jupiter.api.Test;

/**
 * Janus as signaling's SFU (janus.*): a StatefulSet on the node's network, probed with
 * Janus's own info request, its secrets only ever from the Secret, and signaling pointed
 * at every instance by name.
 */
class ChartJanusTests {

    private static final String JANUS = "parley-janus";

    @Test
    void nothingOfJanusIsRenderedByDefault() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.names()).noneMatch(name -> name.contains("janus"));
        assertThat(rendered.ofKind("StatefulSet")).isEmpty();
        assertThat(rendered.environment("parley-signaling-service").keySet())
            .noneMatch(key -> key.startsWith("PARLEY_SIGNALING_SFU_"));
    }

    @Test
    void enabledRunsAStatefulSetOnTheNodesNetworkReadyWhenJanusAnswersInfo() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        Map<String, Object> statefulSet = rendered.get("StatefulSet", JANUS);
        Map<String, Object> pod = Yamls.map(statefulSet, "spec.template.spec");
        assertThat(Yamls.at(statefulSet, "spec.serviceName")).isEqualTo(JANUS);
        assertThat(Yamls.at(statefulSet, "spec.replicas")).isEqualTo(2);
        assertThat(pod).containsEntry("hostNetwork", true)
            .containsEntry("dnsPolicy", "ClusterFirstWithHostNet")
            .containsEntry("automountServiceAccountToken", false);
        // one instance per node: the node's ports are the pod's
        assertThat(Yamls.list(pod, "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
            .singleElement()
            .satisfies(term -> assertThat(term).containsEntry("topologyKey", "kubernetes.io/hostname"));
        Map<String, Object> janus = Yamls.list(pod, "containers").get(0);
        assertThat(janus.get("image")).isEqualTo("registry.example.com/parley/janus:1.1.2");
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertThat(Yamls.map(janus, probe + ".httpGet")).as(probe)
                .containsEntry("path", "/janus/info")
                .containsEntry("port", "api");
        }
        assertThat(Yamls.list(janus, "ports")).extracting(p -> p.get("name"), p -> p.get("containerPort"))
            .containsExactly(tuple("api", 8088), tuple("admin", 7088), tuple("websocket", 8188));
        assertThat(Yamls.at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        for (Map<String, Object> container : containers(pod)) {
            assertThat(Yamls.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(Yamls.at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
            assertThat(Yamls.map(container, "resources.limits")).containsKeys("cpu", "memory");
        }
        // the filled-in configuration holds the secrets, so it lives in memory
        assertThat(Yamls.list(pod, "volumes")).anySatisfy(volume -> assertThat(volume).containsEntry("name", "run")
            .satisfies(v -> assertThat(Yamls.at(v, "emptyDir.medium")).isEqualTo("Memory")));
        assertThat(rendered.get("PodDisruptionBudget", JANUS)).isNotNull();
    }

    @Test
    void secretsReachJanusAndSignalingOnlyThroughSecretReferences() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        Map<String, Object> secret = rendered.get("Secret", JANUS);
        String apiSecret = decoded(secret, "api-secret");
        String adminSecret = decoded(secret, "admin-secret");
        String eventsPassword = decoded(secret, "events-password");
        assertThat(apiSecret).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(adminSecret);
        assertThat(eventsPassword).hasSizeGreaterThanOrEqualTo(32).isNotIn(apiSecret, adminSecret);
        Map<String, Object> config = rendered.get("ConfigMap", JANUS + "-config");
        assertThat(Yamls.map(config, "data")).containsOnlyKeys("prepare.sh", "janus.jcfg", "janus.transport.http.jcfg",
                "janus.transport.websockets.jcfg", "janus.plugin.videoroom.jcfg", "janus.eventhandler.sampleevh.jcfg");
        assertThat(Yamls.map(config, "data").get("janus.jcfg").toString()).contains("api_secret = \"@API_SECRET@\"",
                "admin_secret = \"@ADMIN_SECRET@\"");
        assertThat(Yamls.map(config, "data").get("janus.eventhandler.sampleevh.jcfg").toString())
            .contains("backend_pwd = \"@EVENTS_PASSWORD@\"");
        // no secret value anywhere but in the Secret itself
        rendered.objects()
            .stream()
            .filter(o -> !"Secret".equals(o.get("kind")))
            .forEach(o -> assertThat(o.toString()).as("%s", Yamls.at(o, "metadata.name"))
                .doesNotContain(apiSecret, adminSecret, eventsPassword));

        Map<String, Object> pod = Yamls.map(rendered.get("StatefulSet", JANUS), "spec.template.spec");
        List<Map<String, Object>> initEnv = Yamls.list(Yamls.list(pod, "initContainers").get(0), "env");
        assertThat(initEnv).filteredOn(e -> e.get("name").toString().matches(".*(SECRET|PASSWORD).*"))
            .extracting(e -> Yamls.at(e, "valueFrom.secretKeyRef.name"), e -> Yamls.at(e, "valueFrom.secretKeyRef.key"))
            .containsExactlyInAnyOrder(tuple(JANUS, "api-secret"), tuple(JANUS, "admin-secret"),
                    tuple(JANUS, "events-password"));
        assertThat(containers(pod)).allSatisfy(container -> assertThat(Yamls.list(container, "env"))
            .allSatisfy(e -> assertThat(e).doesNotContainKey("value")));
        assertThat(Yamls.list(rendered.container("parley-signaling-service"), "env"))
            .filteredOn(e -> e.get("name").toString().startsWith("PARLEY_SIGNALING_SFU_"))
            .extracting(e -> e.get("name"), e -> Yamls.at(e, "valueFrom.secretKeyRef.key"))
            .containsExactlyInAnyOrder(tuple("PARLEY_SIGNALING_SFU_API_SECRET", "api-secret"),
                    tuple("PARLEY_SIGNALING_SFU_ADMIN_SECRET", "admin-secret"));
    }

    @Test
    void janusPostsItsHandleAndMediaEventsToMetricsCollectorWithThePasswordBothReadFromTheSecret() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"),
                c -> c.set("networkPolicy.nodePeers[0].ipBlock.cidr", "10.0.0.0/16"));

        Map<String, Object> data = Yamls.map(rendered.get("ConfigMap", JANUS + "-config"), "data");
        assertThat(data.get("janus.jcfg").toString()).contains("broadcast = true", "combine_media_stats = true",
                "stats_period = 5");
        assertThat(data.get("janus.eventhandler.sampleevh.jcfg").toString()).contains("enabled = true",
                "events = \"handles,media\"", "grouping = true",
                "backend = \"http://parley-metrics-collector:8084/internal/janus-events\"", "backend_user = \"janus\"");
        assertThat(data.get("prepare.sh").toString()).contains("libjanus_sampleevh.so", "@EVENTS_PASSWORD@");
        assertThat(Yamls.list(rendered.container("parley-metrics-collector"), "env"))
            .filteredOn(e -> e.get("name").equals("PARLEY_QUALITY_SFU_EVENTS_PASSWORD"))
            .singleElement()
            .satisfies(e -> assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", JANUS)
                .containsEntry("key", "events-password")
                .containsEntry("optional", true));
        // on the node's network Janus calls from its node's address
        assertThat(Yamls.list(rendered.get("NetworkPolicy", "parley-metrics-collector"), "spec.ingress"))
            .anySatisfy(rule -> assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.at(peer, "ipBlock.cidr")).isEqualTo("10.0.0.0/16")));
        assertThat(Yamls.list(Chart.render(Chart.ciValues("janus"), c -> c.set("janus.hostNetwork", "false"))
            .get("NetworkPolicy", "parley-metrics-collector"), "spec.ingress"))
            .anySatisfy(rule -> assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("app.kubernetes.io/name", "janus")));
    }

    @Test
    void withoutEventsJanusBroadcastsNothingAndTheCollectorGetsNoPassword() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"), c -> c.set("janus.events.enabled", "false"));

        Map<String, Object> data = Yamls.map(rendered.get("ConfigMap", JANUS + "-config"), "data");
        assertThat(data).doesNotContainKey("janus.eventhandler.sampleevh.jcfg");
        assertThat(data.get("janus.jcfg").toString()).contains("broadcast = false");
        assertThat(data.get("prepare.sh").toString()).doesNotContain("libjanus_sampleevh.so");
        assertThat(Yamls.list(rendered.container("parley-metrics-collector"), "env"))
            .noneMatch(e -> e.get("name").equals("PARLEY_QUALITY_SFU_EVENTS_PASSWORD"));
    }

    @Test
    void signalingReachesEveryInstanceByNameThroughTheHeadlessService() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"), c -> c.set("janus.replicaCount", "3"));

        Map<String, Object> service = rendered.get("Service", JANUS);
        assertThat(Yamls.at(service, "spec.clusterIP")).isEqualTo("None");
        assertThat(Yamls.list(service, "spec.ports")).extracting(p -> p.get("port"), p -> p.get("protocol"))
            .containsExactly(tuple(8088, "TCP"), tuple(7088, "TCP"), tuple(8188, "TCP"));
        assertThat(Yamls.map(rendered.get("StatefulSet", JANUS), "spec.template.metadata.labels"))
            .containsAllEntriesOf(Yamls.map(service, "spec.selector"));
        Map<String, String> env = rendered.environment("parley-signaling-service");
        for (int n = 0; n < 3; n++) {
            String host = "parley-janus-" + n + ".parley-janus";
            assertThat(env)
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_" + n + "_API", "http://" + host + ":8088/janus")
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_" + n + "_ADMIN", "http://" + host + ":7088/admin")
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_" + n + "_WEBSOCKET", "ws://" + host + ":8188");
        }
        assertThat(env).doesNotContainKey("PARLEY_SIGNALING_SFU_INSTANCES_3_API");
    }

    @Test
    void onlySignalingReachesTheJanusPortsAndMediaIsOpenToAll() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        List<Map<String, Object>> ingress = Yamls.list(rendered.get("NetworkPolicy", JANUS), "spec.ingress");
        // then the recording worker's ports: its API from the gateway and from
        // people-service, its actuator from Prometheus (ChartRecordingTests)
        assertThat(ingress).hasSize(5);
        assertThat(Yamls.list(ingress.get(0), "from")).singleElement()
            .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                .containsEntry("app.kubernetes.io/name", "signaling-service"));
        assertThat(Yamls.list(ingress.get(0), "ports")).extracting(p -> p.get("port"))
            .containsExactly("api", "admin", "websocket");
        assertThat(ingress.get(1)).doesNotContainKey("from");
        assertThat(Yamls.list(ingress.get(1), "ports")).singleElement()
            .satisfies(p -> assertThat(p).containsEntry("port", 20000)
                .containsEntry("endPort", 29999)
                .containsEntry("protocol", "UDP"));
        // signaling may open connections to the three ports: to any address on the node's
        // network (a node's address matches no podSelector), to Janus's pods otherwise
        assertThat(janusEgress(rendered)).doesNotContainKey("to");
        assertThat(janusEgress(Chart.render(Chart.ciValues("janus"), c -> c.set("janus.hostNetwork", "false"))))
            .satisfies(rule -> assertThat(Yamls.list(rule, "to")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("app.kubernetes.io/name", "janus")));
    }

    @Test
    void natSettingsBecomeJanusSettings() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"),
                c -> c.set("janus.nat.oneToOneMapping", "203.0.113.7").set("janus.rtpPortRange", "30000-30999"));

        String jcfg = Yamls.map(rendered.get("ConfigMap", JANUS + "-config"), "data").get("janus.jcfg").toString();
        assertThat(jcfg).contains("stun_server = \"stun.example.com\"", "stun_port = 3478",
                "nat_1_1_mapping = \"203.0.113.7\"", "keep_private_host = false", "rtp_port_range = \"30000-30999\"",
                "ice_enforce_list = \"@POD_IP@\"");
        assertThat(Yamls.map(Chart.render(null,
                c -> c.set("janus.enabled", "true").set("janus.image.repository", "janus").set("janus.image.tag", "v1"))
            .get("ConfigMap", JANUS + "-config"), "data").get("janus.jcfg").toString())
            .doesNotContain("stun_server", "nat_1_1_mapping");
    }

    @Test
    void janusNeedsAnImage() {
        assertThatThrownBy(() -> Chart.render(null, c -> c.set("janus.enabled", "true")))
            .hasMessageContaining("janus.image.repository and janus.image.tag are required");
    }

    @Test
    void externalInstancesGetSignalingsSettingsAndNoJanusObjects() {
        Chart.Rendered rendered = Chart.render(null,
                c -> c.set("janus.enabled", "true")
                    .set("janus.external", "true")
                    .set("janus.existingSecret", "parley-janus-external"));

        assertThat(rendered.names()).noneMatch(name -> name.contains("janus"));
        assertThat(rendered.environment("parley-signaling-service"))
            .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_1_API", "http://parley-janus-1.parley-janus:8088/janus");
        assertThat(Yamls.list(rendered.container("parley-signaling-service"), "env"))
            .filteredOn(e -> e.get("name").toString().startsWith("PARLEY_SIGNALING_SFU_"))
            .allSatisfy(e -> assertThat(Yamls.at(e, "valueFrom.secretKeyRef.name")).isEqualTo("parley-janus-external"));
        assertThat(janusEgress(rendered)).isNotEmpty();
        assertThatThrownBy(() -> Chart.render(null, c -> c.set("janus.enabled", "true").set("janus.external", "true")))
            .hasMessageContaining("janus.existingSecret is required");
    }

    @Test
    void theNotesSayWhereMediaMustBeReachableAndWhichInstancesSignalingUses() {
        assertThat(notes(Chart.ciValues("janus"), Map.of())).contains("Janus (SFU): 2 instance(s) parley-janus-<n>",
                "UDP 20000-29999", "keep TCP 8088, 7088, 8188, 8079 and 9079 closed");
        assertThat(notes(null,
                Map.of("janus.enabled", "true", "janus.external", "true", "janus.existingSecret", "parley-janus")))
            .contains("external instances parley-janus-0 … 1 with Secret parley-janus");
    }

    private static String notes(Path values, Map<String, String> set) {
        InstallCommand install = new Helm(Chart.DIR).install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .dryRun()
            .withDryRunOption(DryRun.CLIENT)
            .clientOnly();
        if (values != null) {
            install = install.withValuesFile(values);
        }
        for (Map.Entry<String, String> entry : set.entrySet()) {
            install = install.set(entry.getKey(), entry.getValue());
        }
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:")).replaceAll("\\s+", " ");
    }

    private static Map<String, Object> janusEgress(Chart.Rendered rendered) {
        return Yamls.list(rendered.get("NetworkPolicy", "parley-signaling-service"), "spec.egress")
            .stream()
            .filter(rule -> Yamls.list(rule, "ports")
                .stream()
                .anyMatch(p -> Integer.valueOf(7088).equals(p.get("port"))))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no egress rule for Janus's admin port"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return Stream.concat(Yamls.list(pod, "initContainers").stream(), Yamls.list(pod, "containers").stream())
            .toList();
    }

    private static String decoded(Map<String, Object> secret, String key) {
        return new String(Base64.getDecoder().decode(Yamls.map(secret, "data").get(key).toString()),
                StandardCharsets.UTF_8);
    }

}
