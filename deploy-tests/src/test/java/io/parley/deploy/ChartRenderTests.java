package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What must hold for the chart's defaults and for every ci/*-values.yaml variant. */
class ChartRenderTests {

    /** The six services: Deployment/Service name and HTTP port. */
    static final Map<String, Integer> SERVICES = Map.of("parley-gateway", 8080, "parley-signaling-service", 8081,
            "parley-meeting-service", 8082, "parley-stream-limit-service", 8083, "parley-metrics-collector", 8084,
            "parley-people-service", 8085);

    static Stream<Arguments> variants() {
        List<Arguments> variants = new ArrayList<>();
        variants.add(Arguments.of(Named.of("no values file", null)));
        for (Path file : Chart.ciValuesFiles()) {
            variants.add(Arguments.of(Named.of(file.getFileName().toString(), file)));
        }
        return variants.stream();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void rendersEveryService(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        SERVICES.forEach((name, port) -> {
            Map<String, Object> deployment = rendered.get("Deployment", name);
            Map<String, Object> service = rendered.get("Service", name);
            assertThat(Yamls.list(service, "spec.ports")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("port", port).containsEntry("targetPort", "http"));
            assertThat(Yamls.list(rendered.container(name), "ports"))
                .extracting(p -> p.get("name"), p -> p.get("containerPort"))
                .containsExactly(tuple("http", port), tuple("management", 9080));
            // the Service selects exactly this Deployment's pods
            Map<String, Object> podLabels = Yamls.map(deployment, "spec.template.metadata.labels");
            assertThat(podLabels).containsAllEntriesOf(Yamls.map(service, "spec.selector"));
            assertThat(Yamls.map(deployment, "spec.selector.matchLabels"))
                .isEqualTo(Yamls.map(service, "spec.selector"));
        });
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyDeploymentIsProbedLimitedAndLockedDown(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        assertThat(rendered.ofKind("Deployment")).isNotEmpty().allSatisfy(deployment -> {
            String name = (String) Yamls.at(deployment, "metadata.name");
            Map<String, Object> pod = Yamls.map(deployment, "spec.template.spec");
            assertThat(Yamls.map(deployment, "spec.template.metadata.annotations"))
                .as("%s rolls when its configuration changes", name)
                .hasEntrySatisfying("checksum/config", v -> assertThat(v.toString()).matches("[0-9a-f]{64}"));
            assertThat(Yamls.at(pod, "securityContext.runAsNonRoot")).as("%s pod runAsNonRoot", name).isEqualTo(true);
            assertThat(Yamls.at(pod, "automountServiceAccountToken")).as("%s mounts no API token", name)
                .isEqualTo(false);
            assertThat(Yamls.list(pod, "containers")).isNotEmpty().allSatisfy(container -> {
                assertThat(Yamls.at(container, "securityContext.runAsNonRoot")).as("%s runAsNonRoot", name)
                    .isEqualTo(true);
                assertThat(Yamls.at(container, "securityContext.readOnlyRootFilesystem")).as("%s read-only root", name)
                    .isEqualTo(true);
                assertThat(Yamls.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(Yamls.at(container, "securityContext.capabilities.drop")).as("%s drops ALL", name)
                    .isEqualTo(List.of("ALL"));
                assertThat(Yamls.map(container, "resources.requests")).as("%s requests", name)
                    .containsKeys("cpu", "memory");
                assertThat(Yamls.map(container, "resources.limits")).as("%s limits", name)
                    .containsKeys("cpu", "memory");
                assertThat(Yamls.map(container, "livenessProbe")).as("%s liveness probe", name).isNotEmpty();
                assertThat(Yamls.map(container, "readinessProbe")).as("%s readiness probe", name).isNotEmpty();
                assertThat(container.get("image").toString()).as("%s image has a tag", name).matches(".+:[^/]+$");
                List<String> mounts = Yamls.list(container, "volumeMounts")
                    .stream()
                    .map(m -> m.get("mountPath").toString())
                    .toList();
                assertThat(mounts).as("%s has a writable /tmp on a read-only root", name).contains("/tmp");
            });
        });
    }

    @ParameterizedTest
    @MethodSource("variants")
    void theServicesProbeTheirActuatorHealthGroups(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        SERVICES.keySet().forEach(name -> {
            Map<String, Object> container = rendered.container(name);
            assertThat(Yamls.at(container, "livenessProbe.httpGet.path")).as(name)
                .isEqualTo("/actuator/health/liveness");
            assertThat(Yamls.at(container, "readinessProbe.httpGet.path")).as(name)
                .isEqualTo("/actuator/health/readiness");
            assertThat(Yamls.at(container, "startupProbe.httpGet.path")).as(name)
                .isEqualTo("/actuator/health/liveness");
            assertThat(Yamls.at(container, "lifecycle.preStop.exec.command")).as("%s preStop", name).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyObjectIsLabelledAndValidlyNamed(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        assertThat(rendered.objects()).allSatisfy(object -> {
            assertThat(object).containsKeys("apiVersion", "kind", "metadata");
            String name = (String) Yamls.at(object, "metadata.name");
            assertThat(name).as("name of %s", object.get("kind"))
                .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")
                .hasSizeLessThanOrEqualTo(63);
            assertThat(Yamls.map(object, "metadata.labels")).as("labels of %s/%s", object.get("kind"), name)
                .containsEntry("app.kubernetes.io/part-of", "parley")
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                .containsEntry("app.kubernetes.io/managed-by", "Helm")
                .containsKey("helm.sh/chart");
        });
        // kinds the chart may produce, and nothing else
        assertThat(rendered.objects()).extracting(o -> o.get("kind"))
            .allSatisfy(kind -> assertThat(Set.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "HTTPRoute",
                    "Ingress", "NetworkPolicy", "PersistentVolumeClaim", "PodDisruptionBudget", "PrometheusRule",
                    "Secret", "Service", "ServiceAccount", "ServiceMonitor", "StatefulSet"))
                .contains(kind.toString()));
    }

    /**
     * Tokens are verified against the JWKS of their issuer, fetched from its Service
     * (never a pod's loopback).
     */
    @ParameterizedTest
    @MethodSource("variants")
    void everyServiceFetchesBothTokenKeySetsFromTheirServices(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        SERVICES.keySet()
            .forEach(name -> assertThat(rendered.environment(name)).as(name)
                .containsEntry("PARLEY_TOKENS_JWKS_URI", "http://parley-meeting-service:8082/.well-known/jwks.json")
                .containsEntry("PARLEY_ACCESS_TOKENS_JWKS_URI",
                        "http://parley-people-service:8085/.well-known/jwks.json"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void theGatewayReachesEveryBackendByItsServiceName(Path values) {
        Map<String, String> env = Chart.render(values).environment("parley-gateway");

        assertThat(env).containsEntry("PARLEY_GATEWAY_PORT", "8080")
            .containsEntry("PARLEY_MEETING_URIS", "http://parley-meeting-service:8082")
            .containsEntry("PARLEY_SIGNALING_URIS", "http://parley-signaling-service:8081")
            .containsEntry("PARLEY_STREAM_LIMIT_URIS", "http://parley-stream-limit-service:8083")
            .containsEntry("PARLEY_METRICS_COLLECTOR_URIS", "http://parley-metrics-collector:8084")
            .containsEntry("PARLEY_PEOPLE_URIS", "http://parley-people-service:8085")
            .containsKeys("PARLEY_REDIS_HOST", "PARLEY_REDIS_PORT", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
    }

    /**
     * Service-to-service calls go to the callee's Service: a default of 127.0.0.1 reaches
     * nothing in a pod.
     */
    @ParameterizedTest
    @MethodSource("variants")
    void signalingAndPeopleCallTheServicesTheyNeedByTheirServiceNames(Path values) {
        Chart.Rendered rendered = Chart.render(values);

        assertThat(rendered.environment("parley-signaling-service"))
            .containsEntry("PARLEY_SIGNALING_MEETINGSERVICEURI", "http://parley-meeting-service:8082")
            .containsEntry("PARLEY_SIGNALING_LEASES_STREAMLIMITURI", "http://parley-stream-limit-service:8083")
            .containsEntry("PARLEY_SIGNALING_USERS_PEOPLESERVICEURI", "http://parley-people-service:8085");
        assertThat(rendered.environment("parley-people-service")).containsEntry("PARLEY_PEOPLE_CALLS_MEETINGSERVICEURI",
                "http://parley-meeting-service:8082");
    }

}
