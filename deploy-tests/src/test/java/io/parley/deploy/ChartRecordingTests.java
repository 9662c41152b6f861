package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The recording worker (recordings.*): recording-service as a sidecar of every Janus pod,
 * sharing the capture folder with Janus at the path signaling gives each instance, behind
 * a Service the gateway calls, with its own database like people-service's.
 */
class ChartRecordingTests {

    private static final String JANUS = "parley-janus";

    private static final String CAPTURES = "/var/lib/parley/captures";

    @Test
    void withoutJanusNoWorkerRunsAndTheGatewayStillNamesTheService() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.names()).noneMatch(name -> name.contains("recording"));
        // nothing answers there: the gateway's fallback answers recordings with a 503
        // problem
        assertThat(rendered.environment("parley-gateway")).containsEntry("PARLEY_RECORDING_URIS",
                "http://parley-recording-service:8079");
        assertThat(rendered.environment("parley-signaling-service").keySet())
            .noneMatch(key -> key.endsWith("_RECORDINGSDIR"));
    }

    @Test
    void everyJanusPodRunsTheWorkerOnTheSameCaptureFolder() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        Map<String, Object> pod = Yamls.map(rendered.get("StatefulSet", JANUS), "spec.template.spec");
        List<Map<String, Object>> containers = Yamls.list(pod, "containers");
        assertThat(containers).extracting(c -> c.get("name")).containsExactly("janus", "recording-worker");
        for (Map<String, Object> container : containers) {
            assertThat(Yamls.list(container, "volumeMounts")).as("%s", container.get("name"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", "captures").containsEntry("mountPath", CAPTURES));
        }
        assertThat(Yamls.list(pod, "volumes")).filteredOn(v -> "captures".equals(v.get("name")))
            .singleElement()
            .satisfies(v -> assertThat(Yamls.at(v, "emptyDir.sizeLimit")).isEqualTo("20Gi"));
        // Janus's user, so the worker may delete what Janus wrote
        assertThat(Yamls.map(pod, "securityContext")).containsEntry("runAsUser", 65534).containsEntry("fsGroup", 65534);

        Map<String, Object> worker = containers.get(1);
        assertThat(worker.get("image").toString()).matches("parley-recording-service:[^/]+");
        assertThat(Yamls.list(worker, "ports")).extracting(p -> p.get("name"), p -> p.get("containerPort"))
            .containsExactly(tuple("recording", 8079), tuple("management", 9079));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(Yamls.at(worker, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        assertThat(Yamls.list(worker, "volumeMounts")).extracting(m -> m.get("name"), m -> m.get("mountPath"))
            .contains(tuple("recordings", "/var/lib/parley/recordings"), tuple("worker-tmp", "/tmp"));
        assertThat(Yamls.list(pod, "volumes")).anySatisfy(v -> assertThat(v).containsEntry("name", "recordings")
            .satisfies(r -> assertThat(Yamls.at(r, "persistentVolumeClaim.claimName")).isEqualTo("parley-recordings")));
        assertThat(Yamls.list(worker, "envFrom")).extracting(e -> Yamls.at(e, "configMapRef.name"))
            .containsExactly("parley-env", "parley-recording-service-env");
        assertThat(Yamls.map(rendered.get("ConfigMap", "parley-recording-service-env"), "data"))
            .containsEntry("PARLEY_RECORDING_SERVICE_PORT", "8079")
            .containsEntry("MANAGEMENT_SERVER_PORT", "9079")
            .containsEntry("PARLEY_RECORDINGS_CAPTURE_DIR", CAPTURES)
            .containsEntry("PARLEY_RECORDINGS_STORAGE_DIR", "/var/lib/parley/recordings")
            .containsEntry("PARLEY_RECORDINGS_RETENTION", "30d");
    }

    @Test
    void theDatabaseIsConfiguredLikePeopleServicesWithCredentialsFromItsSecret() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"),
                c -> c.set("recordings.database.existingSecret", "recordings-db"));

        assertThat(Yamls.map(rendered.get("ConfigMap", "parley-recording-service-env"), "data"))
            .containsEntry("PARLEY_POSTGRES_HOST", "parley-recordings-rw")
            .containsEntry("PARLEY_POSTGRES_PORT", "5432")
            .containsEntry("PARLEY_POSTGRES_DB", "recordings");
        Map<String, Object> worker = worker(rendered);
        assertThat(Yamls.list(worker, "env")).filteredOn(e -> e.get("name").toString().startsWith("PARLEY_POSTGRES_"))
            .extracting(e -> e.get("name"), e -> Yamls.at(e, "valueFrom.secretKeyRef.name"),
                    e -> Yamls.at(e, "valueFrom.secretKeyRef.key"))
            .containsExactlyInAnyOrder(tuple("PARLEY_POSTGRES_USER", "recordings-db", "username"),
                    tuple("PARLEY_POSTGRES_PASSWORD", "recordings-db", "password"));
        // on the node's network: the pod's address, not every address of the node
        assertThat(Yamls.list(worker, "env")).filteredOn(e -> e.get("name").toString().endsWith("SERVER_ADDRESS"))
            .hasSize(2)
            .allSatisfy(e -> assertThat(Yamls.at(e, "valueFrom.fieldRef.fieldPath")).isEqualTo("status.podIP"));
    }

    @Test
    void signalingTellsEveryInstanceTheCaptureFolderBothContainersMount() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"),
                c -> c.set("janus.replicaCount", "3").set("recordings.capture.path", "/data/captures"));

        Map<String, String> env = rendered.environment("parley-signaling-service");
        for (int n = 0; n < 3; n++) {
            assertThat(env).containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_" + n + "_RECORDINGSDIR", "/data/captures");
        }
        assertThat(env).doesNotContainKey("PARLEY_SIGNALING_SFU_INSTANCES_3_RECORDINGSDIR");
        assertThat(Yamls.list(worker(rendered), "volumeMounts")).anySatisfy(
                m -> assertThat(m).containsEntry("name", "captures").containsEntry("mountPath", "/data/captures"));
    }

    @Test
    void theGatewayReachesTheWorkersThroughAServiceSelectingTheJanusPods() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        Map<String, Object> podLabels = Yamls.map(rendered.get("StatefulSet", JANUS), "spec.template.metadata.labels");
        Map<String, Object> service = rendered.get("Service", "parley-recording-service");
        assertThat(podLabels).containsAllEntriesOf(Yamls.map(service, "spec.selector"));
        assertThat(Yamls.list(service, "spec.ports")).singleElement()
            .satisfies(p -> assertThat(p).containsEntry("port", 8079).containsEntry("targetPort", "recording"));
        Map<String, Object> management = rendered.get("Service", "parley-recording-service-management");
        assertThat(podLabels).containsAllEntriesOf(Yamls.map(management, "spec.selector"));
        assertThat(Yamls.list(management, "spec.ports")).singleElement()
            .satisfies(
                    p -> assertThat(p).containsEntry("name", "management").containsEntry("targetPort", "management"));
        assertThat(rendered.environment("parley-gateway")).containsEntry("PARLEY_RECORDING_URIS",
                "http://parley-recording-service:8079");
    }

    @Test
    void finishedRecordingsGoOnAKeptSharedClaimOrOnesOwn() {
        Map<String, Object> claim = Chart.render(Chart.ciValues("janus"))
            .get("PersistentVolumeClaim", "parley-recordings");
        assertThat(Yamls.map(claim, "metadata.annotations")).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(Yamls.at(claim, "spec.accessModes")).isEqualTo(List.of("ReadWriteMany"));
        assertThat(Yamls.at(claim, "spec.resources.requests.storage")).isEqualTo("100Gi");

        Chart.Rendered own = Chart.render(Chart.ciValues("janus"),
                c -> c.set("recordings.storage.existingClaim", "nfs-recordings"));
        assertThat(own.ofKind("PersistentVolumeClaim")).isEmpty();
        assertThat(Yamls.list(own.get("StatefulSet", JANUS), "spec.template.spec.volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "persistentVolumeClaim.claimName")).isEqualTo("nfs-recordings"));
    }

    @Test
    void capturesCanBeOnAClaimPerJanusPod() {
        Map<String, Object> statefulSet = Chart
            .render(Chart.ciValues("janus"),
                    c -> c.set("recordings.capture.persistence.enabled", "true")
                        .set("recordings.capture.persistence.size", "50Gi"))
            .get("StatefulSet", JANUS);

        assertThat(Yamls.list(statefulSet, "spec.volumeClaimTemplates")).singleElement().satisfies(template -> {
            assertThat(Yamls.at(template, "metadata.name")).isEqualTo("captures");
            // a claim template cannot change: nothing a new chart version changes
            assertThat(Yamls.map(template, "metadata.labels")).doesNotContainKeys("helm.sh/chart",
                    "app.kubernetes.io/version");
            assertThat(Yamls.at(template, "spec.resources.requests.storage")).isEqualTo("50Gi");
        });
        assertThat(Yamls.list(statefulSet, "spec.template.spec.volumes"))
            .noneMatch(v -> "captures".equals(v.get("name")));
        assertThat(Yamls.list(Chart.render(Chart.ciValues("janus")).get("StatefulSet", JANUS),
                "spec.volumeClaimTemplates"))
            .isEmpty();
    }

    @Test
    void onlyTheGatewayReachesTheWorkerAndOnlyPrometheusItsActuator() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"),
                c -> c.set("networkPolicy.nodePeers[0].ipBlock.cidr", "10.0.0.0/16"));

        List<Map<String, Object>> ingress = Yamls.list(rendered.get("NetworkPolicy", JANUS), "spec.ingress");
        assertThat(ingress).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly("recording");
            assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("app.kubernetes.io/name", "gateway"));
        });
        assertThat(ingress).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly("management");
            assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "namespaceSelector.matchLabels"))
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        });
        // on the node's network the worker's address is the node's: no podSelector
        // matches it
        assertThat(Yamls.list(rendered.get("NetworkPolicy", "parley-gateway"), "spec.egress"))
            .anySatisfy(rule -> assertThat(rule).doesNotContainKey("to")
                .satisfies(
                        r -> assertThat(Yamls.list(r, "ports")).extracting(p -> p.get("port")).containsExactly(8079)));
        for (String keys : List.of("parley-meeting-service", "parley-people-service")) {
            assertThat(Yamls.list(Yamls.list(rendered.get("NetworkPolicy", keys), "spec.ingress").get(0), "from"))
                .as("%s gives the worker its token keys", keys)
                .anySatisfy(peer -> assertThat(Yamls.at(peer, "ipBlock.cidr")).isEqualTo("10.0.0.0/16"));
        }
    }

    @Test
    void peopleServiceListsAnAccountsRecordingsForItsExportOnTheWorkersService() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("janus"));

        assertThat(rendered.environment("parley-people-service")).containsEntry("PARLEY_PEOPLE_EXPORT_RECORDINGSURL",
                "http://parley-recording-service:8079");
        assertThat(Yamls.list(rendered.get("NetworkPolicy", JANUS), "spec.ingress")).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly("recording");
            assertThat(Yamls.list(rule, "from")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("app.kubernetes.io/name", "people-service"));
        });
        // on the node's network the worker's address is the node's: no podSelector
        // matches it
        assertThat(Yamls.list(rendered.get("NetworkPolicy", "parley-people-service"), "spec.egress"))
            .anySatisfy(rule -> assertThat(rule).doesNotContainKey("to")
                .satisfies(
                        r -> assertThat(Yamls.list(r, "ports")).extracting(p -> p.get("port")).containsExactly(8079)));
        assertThat(Chart.render(null).environment("parley-people-service"))
            .as("without Janus nothing answers there: exports are 503")
            .containsEntry("PARLEY_PEOPLE_EXPORT_RECORDINGSURL", "http://parley-recording-service:8079");
    }

    @Test
    void prometheusScrapesTheWorkerLikeEveryService() {
        Chart.Rendered annotated = Chart.render(Chart.ciValues("janus"));
        assertThat(Yamls.map(annotated.get("StatefulSet", JANUS), "spec.template.metadata.annotations"))
            .containsEntry("prometheus.io/scrape", "true")
            .containsEntry("prometheus.io/port", "9079")
            .containsEntry("prometheus.io/path", "/actuator/prometheus");

        Chart.Rendered monitored = Chart.render(Chart.ciValues("janus"),
                c -> c.set("monitoring.serviceMonitor.enabled", "true"));
        Map<String, Object> selector = Yamls.map(monitored.get("ServiceMonitor", "parley"),
                "spec.selector.matchLabels");
        assertThat(Yamls.map(monitored.get("Service", "parley-recording-service-management"), "metadata.labels"))
            .containsAllEntriesOf(selector);
    }

    @Test
    void aChangedWorkerSettingRollsTheJanusPodsAndNoOtherSettingDoes() {
        Chart.Rendered before = Chart.render(Chart.ciValues("janus"));
        Chart.Rendered retention = Chart.render(Chart.ciValues("janus"), c -> c.set("recordings.retention", "7d"));
        Chart.Rendered gateway = Chart.render(Chart.ciValues("janus"),
                c -> c.set("gateway.rateLimit.burstCapacity", "500"));

        assertThat(janusChecksum(retention)).isNotEqualTo(janusChecksum(before));
        assertThat(Yamls.map(retention.get("ConfigMap", "parley-recording-service-env"), "data"))
            .containsEntry("PARLEY_RECORDINGS_RETENTION", "7d");
        assertThat(janusChecksum(gateway)).isEqualTo(janusChecksum(before));
    }

    @Test
    void externalJanusLeavesTheWorkerToK8sMedia() {
        Chart.Rendered rendered = Chart.render(null,
                c -> c.set("janus.enabled", "true")
                    .set("janus.external", "true")
                    .set("janus.existingSecret", "parley-janus"));

        assertThat(rendered.names()).noneMatch(name -> name.contains("recording"));
        assertThat(rendered.environment("parley-gateway")).containsEntry("PARLEY_RECORDING_URIS",
                "http://parley-recording-service:8079");
        assertThat(rendered.environment("parley-signaling-service"))
            .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_0_RECORDINGSDIR", CAPTURES);
    }

    private static Object janusChecksum(Chart.Rendered rendered) {
        return Yamls.at(rendered.get("StatefulSet", JANUS), "spec.template.metadata.annotations.checksum/config");
    }

    private static Map<String, Object> worker(Chart.Rendered rendered) {
        return Yamls.list(rendered.get("StatefulSet", JANUS), "spec.template.spec.containers").get(1);
    }

}
