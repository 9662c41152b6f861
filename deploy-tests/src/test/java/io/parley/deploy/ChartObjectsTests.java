package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The objects of particular settings: what appears when enabled, disappears when
 * disabled, and how it is wired.
 */
class ChartObjectsTests {

    private static final List<String> SERVICES = List.of("parley-gateway", "parley-signaling-service",
            "parley-meeting-service", "parley-stream-limit-service", "parley-metrics-collector",
            "parley-people-service");

    @Test
    void signalingPausesBeforeSigtermAndHasTimeToDrainItsSockets() {
        Map<String, Object> deployment = Chart.render(null).get("Deployment", "parley-signaling-service");
        Map<String, Object> container = Chart.render(null).container("parley-signaling-service");

        Object grace = Yamls.at(deployment, "spec.template.spec.terminationGracePeriodSeconds");
        assertThat(grace).isInstanceOf(Integer.class);
        assertThat((Integer) grace).isGreaterThanOrEqualTo(60);
        @SuppressWarnings("unchecked")
        List<String> preStop = (List<String>) Yamls.at(container, "lifecycle.preStop.exec.command");
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        int pause = Integer.parseInt(preStop.get(1));
        assertThat(pause).isPositive();
        // the pause plus two graceful-shutdown phases of 20 s each still fit in the grace
        // period
        assertThat((Integer) grace).isGreaterThanOrEqualTo(pause + 40);
    }

    @Test
    void networkPoliciesLetOnlyTheGatewayReachTheServices() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.ofKind("NetworkPolicy")).extracting(p -> Yamls.at(p, "metadata.name"))
            .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> policy = rendered.get("NetworkPolicy", name);
            assertThat(Yamls.at(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
            assertThat(Yamls.map(policy, "spec.podSelector.matchLabels"))
                .isEqualTo(Yamls.map(rendered.get("Deployment", name), "spec.selector.matchLabels"));
        }
        // the gateway: from the ingress controller's namespace
        assertThat(Yamls.list(rendered.get("NetworkPolicy", "parley-gateway"), "spec.ingress"))
            .anySatisfy(rule -> assertThat(Yamls.list(rule, "from"))
                .anySatisfy(peer -> assertThat(Yamls.map(peer, "namespaceSelector.matchLabels"))
                    .containsEntry("kubernetes.io/metadata.name", "ingress-nginx")));
        // a backend: from the gateway's pods (and, for some, named Parley callers), never
        // from a namespace at large
        List<Map<String, Object>> signalingIngress = Yamls
            .list(rendered.get("NetworkPolicy", "parley-signaling-service"), "spec.ingress");
        assertThat(signalingIngress.get(0)).satisfies(rule -> assertThat(Yamls.list(rule, "from")).singleElement()
            .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                .containsEntry("app.kubernetes.io/name", "gateway")));
        // every backend may reach Redis and Kafka; the gateway only Redis
        for (String name : SERVICES) {
            List<Object> egressPorts = Yamls.list(rendered.get("NetworkPolicy", name), "spec.egress")
                .stream()
                .flatMap(rule -> Yamls.list(rule, "ports").stream())
                .map(p -> p.get("port"))
                .toList();
            assertThat(egressPorts).as(name).contains(6379, 53);
            if (name.equals("parley-gateway")) {
                assertThat(egressPorts).doesNotContain(9092);
            }
            else {
                assertThat(egressPorts).as(name).contains(9092);
            }
        }
    }

    @Test
    void networkPoliciesCanBeSwitchedOff() {
        Chart.Rendered rendered = Chart.render(null, c -> c.set("networkPolicy.enabled", "false"));

        assertThat(rendered.ofKind("NetworkPolicy")).isEmpty();
    }

    @Test
    void everyServiceHasADisruptionBudgetAndOnlyGatewayAndSignalingAutoscale() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.ofKind("PodDisruptionBudget")).extracting(p -> Yamls.at(p, "metadata.name"))
            .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).extracting(h -> Yamls.at(h, "spec.scaleTargetRef.name"))
            .containsExactlyInAnyOrder("parley-gateway", "parley-signaling-service");
        // while autoscaled, the Deployment leaves the replica count to the HPA
        assertThat(Yamls.at(rendered.get("Deployment", "parley-gateway"), "spec.replicas")).isNull();
        assertThat(Yamls.at(rendered.get("Deployment", "parley-meeting-service"), "spec.replicas")).isEqualTo(2);
    }

    @Test
    void withoutAutoscalingSignalingRunsTheConfiguredReplicas() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("two-signaling-replicas"));

        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(Yamls.at(rendered.get("Deployment", "parley-signaling-service"), "spec.replicas")).isEqualTo(2);
        assertThat(Yamls.at(rendered.get("Deployment", "parley-signaling-service"),
                "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
            .isNotNull();
    }

    @Test
    void disruptionBudgetsCanBeSwitchedOff() {
        Chart.Rendered rendered = Chart.render(null,
                c -> c.set("metricsCollector.podDisruptionBudget.enabled", "false"));

        assertThat(rendered.has("PodDisruptionBudget", "parley-metrics-collector")).isFalse();
        assertThat(rendered.has("PodDisruptionBudget", "parley-gateway")).isTrue();
    }

    @Test
    void monitoringObjectsAreAbsentByDefault() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.ofKind("ServiceMonitor")).isEmpty();
        assertThat(rendered.ofKind("PrometheusRule")).isEmpty();
        assertThat(rendered.ofKind("ConfigMap"))
            .noneMatch(c -> Yamls.map(c, "metadata.labels").containsKey("grafana_dashboard"));
        // annotation-based scraping is on instead
        assertThat(Yamls.map(rendered.get("Deployment", "parley-gateway"), "spec.template.metadata.annotations"))
            .containsEntry("prometheus.io/scrape", "true")
            .containsEntry("prometheus.io/path", "/actuator/prometheus")
            .containsEntry("prometheus.io/port", "9080");
    }

    /**
     * /actuator is never reachable through the public entry: only on the management port,
     * which Prometheus alone reaches.
     */
    @Test
    void servesActuatorOnTheManagementPortOnly() {
        Chart.Rendered rendered = Chart.render(null, c -> c.set("gateway.service.type", "LoadBalancer"));

        for (String name : SERVICES) {
            Map<String, Object> container = rendered.container(name);
            assertThat(rendered.environment(name)).as(name).containsEntry("MANAGEMENT_SERVER_PORT", "9080");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Yamls.at(container, probe + ".httpGet.port")).as("%s %s", name, probe)
                    .isEqualTo("management");
            }
            Map<String, Object> management = rendered.get("Service", name + "-management");
            assertThat(Yamls.at(management, "spec.type")).as(name).isEqualTo("ClusterIP");
            assertThat(Yamls.list(management, "spec.ports")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "management")
                    .containsEntry("port", 9080)
                    .containsEntry("targetPort", "management"));
            assertThat(Yamls.list(rendered.get("Service", name), "spec.ports")).extracting(p -> p.get("name"))
                .as("the %s Service the Ingress and the HTTPRoute use", name)
                .containsExactly("http");
            for (Map<String, Object> rule : Yamls.list(rendered.get("NetworkPolicy", name), "spec.ingress")) {
                List<Object> ports = Yamls.list(rule, "ports").stream().map(p -> p.get("port")).toList();
                boolean fromPrometheus = Yamls.list(rule, "from")
                    .stream()
                    .anyMatch(peer -> "monitoring"
                        .equals(Yamls.map(peer, "namespaceSelector.matchLabels").get("kubernetes.io/metadata.name")));
                boolean fromHelmTest = Yamls.list(rule, "from")
                    .stream()
                    .anyMatch(peer -> "helm-test"
                        .equals(Yamls.map(peer, "podSelector.matchLabels").get("app.kubernetes.io/component")));
                if (ports.contains("management")) {
                    assertThat(fromPrometheus || fromHelmTest).as("%s: who reaches the management port", name).isTrue();
                }
                if (fromPrometheus) {
                    assertThat(ports).as("%s: where Prometheus may go", name).containsExactly("management");
                }
            }
        }
        Map<String, Object> backend = Yamls.map(
                Yamls.list(Yamls.list(rendered.get("Ingress", "parley"), "spec.rules").get(0), "http.paths").get(0),
                "backend.service");
        assertThat(backend).containsEntry("name", "parley-gateway");
        assertThat(Yamls.map(backend, "port")).containsEntry("name", "http");
    }

    @Test
    void letsThePublicUrlsPagesOpenTheWebSockets() {
        Chart.Rendered rendered = Chart.render(null, c -> c.set("publicUrl", "https://meet.example.com/")
            .set("gateway.websocketAllowedOrigins[0]", "https://app.example.com"));

        assertThat(rendered.environment("parley-gateway")).containsEntry("PARLEY_GATEWAY_WEBSOCKET_ALLOWEDORIGINS",
                "https://app.example.com,https://meet.example.com");
    }

    @Test
    void monitoringShipsServiceMonitorRulesAndDashboardsWhenEnabled() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("monitoring"));

        Map<String, Object> monitor = rendered.get("ServiceMonitor", "parley");
        assertThat(Yamls.map(monitor, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
        assertThat(Yamls.list(monitor, "spec.endpoints")).singleElement()
            .satisfies(e -> assertThat(e).containsEntry("path", "/actuator/prometheus")
                .containsEntry("port", "management"));

        List<String> alerts = Yamls.list(rendered.get("PrometheusRule", "parley"), "spec.groups")
            .stream()
            .flatMap(g -> Yamls.list(g, "rules").stream())
            .map(r -> (String) r.get("alert"))
            .toList();
        assertThat(alerts).containsExactlyInAnyOrderElementsOf(ChartFiles.alertNames());

        List<Map<String, Object>> dashboards = rendered.ofKind("ConfigMap")
            .stream()
            .filter(c -> "1".equals(Yamls.map(c, "metadata.labels").get("grafana_dashboard")))
            .toList();
        assertThat(dashboards).hasSameSizeAs(ChartFiles.dashboards());
        assertThat(dashboards).allSatisfy(c -> {
            assertThat(Yamls.at(c, "metadata.namespace")).isEqualTo("monitoring");
            assertThat(Yamls.map(c, "metadata.annotations")).containsEntry("grafana_folder", "Parley");
            assertThat(Yamls.map(c, "data")).hasSize(1).allSatisfy((file, json) -> assertThat(file).endsWith(".json"));
        });
        assertThat(Yamls.map(rendered.get("Deployment", "parley-gateway"), "spec.template.metadata.annotations"))
            .doesNotContainKey("prometheus.io/scrape");
    }

    @Test
    void theTokenSigningKeyIsGeneratedOnFirstInstall() {
        Chart.Rendered rendered = Chart.render(null);

        Map<String, Object> secret = rendered.get("Secret", "parley-token-keys");
        assertThat(Yamls.map(secret, "metadata.annotations")).containsEntry("helm.sh/resource-policy", "keep");
        Map<String, Object> data = Yamls.map(secret, "data");
        assertThat(data).containsOnlyKeys("signing-key.pem");
        String pem = new String(Base64.getDecoder().decode(data.get("signing-key.pem").toString()),
                StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----END RSA PRIVATE KEY-----");

        assertThat(rendered.environment("parley-meeting-service")).containsEntry("PARLEY_TOKEN_KEYS_DIR",
                "/etc/parley/token-keys");
        Map<String, Object> pod = Yamls.map(rendered.get("Deployment", "parley-meeting-service"), "spec.template.spec");
        assertThat(Yamls.list(pod, "volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "secret.secretName")).isEqualTo("parley-token-keys"));
        assertThat(Yamls.list(rendered.container("parley-meeting-service"), "volumeMounts"))
            .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/etc/parley/token-keys")
                .containsEntry("readOnly", true));
    }

    @Test
    void anUpgradeKeepsBothTokenSigningKeysAndTheTurnSecret() {
        FakeApiServer.ensureStarted();
        FakeApiServer.putSecret(Chart.NAMESPACE, "parley-token-keys",
                Map.of("signing-key.pem", "the key of the first install"));
        FakeApiServer.putSecret(Chart.NAMESPACE, "parley-turn", Map.of("static-auth-secret", "the first secret"));
        FakeApiServer.putSecret(Chart.NAMESPACE, "parley-people-keys",
                Map.of("signing-key.pem", "the people key of the first install"));
        try {
            Chart.Rendered rendered = Chart.render(Chart.ciValues("coturn"), c -> {
            });

            assertThat(decoded(rendered.get("Secret", "parley-token-keys"), "signing-key.pem"))
                .isEqualTo("the key of the first install");
            assertThat(decoded(rendered.get("Secret", "parley-turn"), "static-auth-secret"))
                .isEqualTo("the first secret");
            assertThat(decoded(rendered.get("Secret", "parley-people-keys"), "signing-key.pem"))
                .isEqualTo("the people key of the first install");
        }
        finally {
            FakeApiServer.removeSecret(Chart.NAMESPACE, "parley-token-keys");
            FakeApiServer.removeSecret(Chart.NAMESPACE, "parley-turn");
            FakeApiServer.removeSecret(Chart.NAMESPACE, "parley-people-keys");
        }
    }

    @Test
    void anExistingKeySecretReplacesTheGeneratedOne() {
        Chart.Rendered rendered = Chart.render(null, c -> c.set("meetingService.tokenKeys.existingSecret", "my-keys"));

        assertThat(rendered.has("Secret", "parley-token-keys")).isFalse();
        Map<String, Object> pod = Yamls.map(rendered.get("Deployment", "parley-meeting-service"), "spec.template.spec");
        assertThat(Yamls.list(pod, "volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "secret.secretName")).isEqualTo("my-keys"));
    }

    @Test
    void theSeedCompatibleStreamApiIsOffUnlessEnabled() {
        assertThat(Chart.render(null).environment("parley-stream-limit-service"))
            .containsEntry("PARLEY_STREAMS_SEED_API_ENABLED", "false");
        for (var file : Chart.ciValuesFiles()) {
            boolean enabled = file.getFileName().toString().startsWith("two-signaling-replicas");
            assertThat(Chart.render(file).environment("parley-stream-limit-service")).as(file.getFileName().toString())
                .containsEntry("PARLEY_STREAMS_SEED_API_ENABLED", String.valueOf(enabled));
        }
    }

    @Test
    void theIngressKeepsWebSocketsOpenForAWholeCall() {
        Map<String, Object> ingress = Chart.render(null).get("Ingress", "parley");

        Map<String, Object> annotations = Yamls.map(ingress, "metadata.annotations");
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout").toString()))
            .isGreaterThanOrEqualTo(3600);
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout").toString()))
            .isGreaterThanOrEqualTo(3600);
        assertThat(Yamls.list(ingress, "spec.rules")).singleElement()
            .satisfies(rule -> assertThat(Yamls.list(rule, "http.paths")).singleElement().satisfies(path -> {
                assertThat(path).containsEntry("path", "/").containsEntry("pathType", "Prefix");
                assertThat(Yamls.at(path, "backend.service.name")).isEqualTo("parley-gateway");
            }));
    }

    @Test
    void theIngressCarriesTlsAndTheConfiguredHost() {
        Map<String, Object> ingress = Chart.render(Chart.ciValues("external-redis-kafka-tls")).get("Ingress", "parley");

        assertThat(Yamls.at(ingress, "spec.ingressClassName")).isEqualTo("nginx");
        assertThat(Yamls.list(ingress, "spec.tls")).singleElement()
            .satisfies(tls -> assertThat(tls).containsEntry("secretName", "parley-tls")
                .containsEntry("hosts", List.of("meet.example.com")));
        assertThat(Yamls.map(ingress, "metadata.annotations")).containsEntry("cert-manager.io/cluster-issuer",
                "letsencrypt");
    }

    @Test
    void gatewayApiRoutesEverythingToTheGatewayWithoutATimeout() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("gateway-api"));

        assertThat(rendered.ofKind("Ingress")).isEmpty();
        Map<String, Object> route = rendered.get("HTTPRoute", "parley");
        assertThat(route).containsEntry("apiVersion", "gateway.networking.k8s.io/v1");
        assertThat(Yamls.list(route, "spec.parentRefs")).singleElement()
            .satisfies(ref -> assertThat(ref).containsEntry("name", "public")
                .containsEntry("namespace", "gateway-system"));
        assertThat(Yamls.list(route, "spec.rules")).singleElement().satisfies(rule -> {
            assertThat(Yamls.at(rule, "timeouts.request")).isEqualTo("0s");
            assertThat(Yamls.list(rule, "backendRefs")).singleElement()
                .satisfies(ref -> assertThat(ref).containsEntry("name", "parley-gateway").containsEntry("port", 8080));
        });
        assertThat(Chart.render(null).ofKind("HTTPRoute")).isEmpty();
    }

    @Test
    void gatewayApiWithoutAParentGatewayIsRefused() {
        assertThatThrownBy(() -> Chart.render(null, c -> c.set("gatewayApi.enabled", "true")))
            .hasMessageContaining("gatewayApi.parentRefs");
    }

    @Test
    void externalRedisAndKafkaUseSecretsTlsAndSasl() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("external-redis-kafka-tls"));

        for (String name : SERVICES) {
            Map<String, String> env = rendered.environment(name);
            assertThat(env).containsEntry("PARLEY_REDIS_HOST", "redis.example.internal")
                .containsEntry("PARLEY_REDIS_PORT", "6380")
                .containsEntry("SPRING_DATA_REDIS_USERNAME", "parley")
                .containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "true")
                .containsEntry("SPRING_DATA_REDIS_SSL_BUNDLE", "redis")
                .containsEntry("SPRING_SSL_BUNDLE_PEM_REDIS_TRUSTSTORE_CERTIFICATE", "file:/etc/parley/redis-ca/ca.crt")
                .containsEntry("PARLEY_KAFKA_BOOTSTRAP", "kafka-0.example.internal:9094,kafka-1.example.internal:9094")
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/parley/kafka-ca/ca.crt")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"parley\" "
                                + "password=\"$(PARLEY_KAFKA_SASL_PASSWORD)\";");
            List<Map<String, Object>> envList = Yamls.list(rendered.container(name), "env");
            List<String> order = envList.stream().map(e -> e.get("name").toString()).toList();
            // $(VAR) only expands variables defined earlier in the list
            assertThat(order.indexOf("PARLEY_KAFKA_SASL_PASSWORD")).isNotNegative()
                .isLessThan(order.indexOf("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
            assertThat(envList).anySatisfy(e -> {
                assertThat(e).containsEntry("name", "SPRING_DATA_REDIS_PASSWORD");
                assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-redis-auth")
                    .containsEntry("key", "redis-password");
            });
            assertThat(Yamls.list(rendered.container(name), "volumeMounts")).extracting(m -> m.get("mountPath"))
                .contains("/etc/parley/redis-ca", "/etc/parley/kafka-ca");
            assertThat(rendered.container(name).get("image").toString()).startsWith("registry.example.com/parley/")
                .endsWith(":1.2.3");
        }
        // the NetworkPolicies follow the external addresses and ports
        List<Map<String, Object>> egress = Yamls.list(rendered.get("NetworkPolicy", "parley-meeting-service"),
                "spec.egress");
        assertThat(egress).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(6380);
            assertThat(Yamls.list(rule, "to")).extracting(p -> Yamls.at(p, "ipBlock.cidr"))
                .containsExactly("10.20.0.0/16");
        });
        assertThat(egress).anySatisfy(
                rule -> assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(9094));
    }

    @Test
    void byDefaultRedisAndKafkaNeedNoSecrets() {
        Map<String, String> env = Chart.render(null).environment("parley-meeting-service");

        assertThat(env).containsEntry("PARLEY_REDIS_HOST", "parley-redis")
            .containsEntry("PARLEY_KAFKA_BOOTSTRAP", "parley-kafka-bootstrap:9092")
            .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
            .doesNotContainKeys("SPRING_DATA_REDIS_PASSWORD", "SPRING_DATA_REDIS_SSL_ENABLED",
                    "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
    }

    @Test
    void coturnSharesItsSecretWithSignaling() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("coturn"));

        Map<String, Object> coturn = rendered.get("Deployment", "parley-coturn");
        List<String> args = Yamls.list(coturn, "spec.template.spec.containers")
            .get(0)
            .get("args") instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
        assertThat(args).contains("--use-auth-secret", "--static-auth-secret=$(TURN_SECRET)", "--realm=example.com",
                "--external-ip=203.0.113.10");
        assertThat(Yamls.at(coturn, "spec.template.spec.hostNetwork")).isEqualTo(true);
        assertThat(rendered.get("Secret", "parley-turn"))
            .satisfies(s -> assertThat(Yamls.map(s, "data")).containsKey("static-auth-secret"));
        assertThat(rendered.get("Service", "parley-coturn"))
            .satisfies(s -> assertThat(Yamls.list(s, "spec.ports")).extracting(p -> p.get("protocol"))
                .containsExactlyInAnyOrder("UDP", "TCP"));

        Map<String, String> signaling = rendered.environment("parley-signaling-service");
        assertThat(signaling.get("PARLEY_TURN_URIS")).contains("turn:turn.example.com:3478?transport=udp");
        assertThat(Yamls.list(rendered.container("parley-signaling-service"), "env")).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "PARLEY_TURN_SECRET");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-turn")
                .containsEntry("key", "static-auth-secret");
        });
        // without coturn nothing of it appears
        Chart.Rendered plain = Chart.render(null);
        assertThat(plain.has("Deployment", "parley-coturn")).isFalse();
        assertThat(plain.environment("parley-signaling-service")).doesNotContainKeys("PARLEY_TURN_URIS",
                "PARLEY_TURN_SECRET");
    }

    @Test
    void coturnNeedsItsPublicHost() {
        assertThatThrownBy(() -> Chart.render(null, c -> c.set("coturn.enabled", "true")))
            .hasMessageContaining("coturn.publicHost");
    }

    @Test
    void aChangedSettingRollsOnlyThePodsThatReadIt() {
        Chart.Rendered before = Chart.render(null);
        Chart.Rendered after = Chart.render(null, c -> c.set("gateway.rateLimit.burstCapacity", "500"));
        Chart.Rendered again = Chart.render(null, c -> {
        });

        assertThat(checksum(after, "parley-gateway")).isNotEqualTo(checksum(before, "parley-gateway"));
        assertThat(checksum(after, "parley-meeting-service")).isEqualTo(checksum(before, "parley-meeting-service"));
        assertThat(checksum(again, "parley-gateway")).isEqualTo(checksum(before, "parley-gateway"));
        assertThat(after.environment("parley-gateway")).containsEntry("PARLEY_GATEWAY_RATELIMIT_BURSTCAPACITY", "500");

        Chart.Rendered shared = Chart.render(null, c -> c.set("logging.level", "DEBUG"));
        for (String name : SERVICES) {
            assertThat(checksum(shared, name)).as(name).isNotEqualTo(checksum(before, name));
        }
    }

    @Test
    void gatewaySettingsBecomeItsEnvironment() {
        Map<String, String> env = Chart
            .render(null,
                    c -> c.set("gateway.timeout", "3s")
                        .set("gateway.maxRequestSize", "2MB")
                        .set("gateway.rateLimit.enabled", "false")
                        .set("gateway.corsAllowedOrigins[0]", "https://app.example.com")
                        .set("gateway.corsAllowedOrigins[1]", "https://admin.example.com"))
            .environment("parley-gateway");

        assertThat(env).containsEntry("PARLEY_GATEWAY_RESILIENCE_TIMEOUT", "3s")
            .containsEntry("PARLEY_GATEWAY_MAXREQUESTSIZE", "2MB")
            .containsEntry("PARLEY_GATEWAY_RATELIMIT_ENABLED", "false")
            .containsEntry("PARLEY_GATEWAY_CORS_ALLOWEDORIGINS", "https://app.example.com,https://admin.example.com");
    }

    @Test
    void behindTheChartsIngressTheGatewayTrustsOneForwardedAddress() {
        assertThat(Chart.render(null).environment("parley-gateway"))
            .containsEntry("PARLEY_GATEWAY_RATELIMIT_TRUSTEDPROXIES", "1");
        assertThat(
                Chart.render(null, c -> c.set("gateway.rateLimit.trustedProxies", "0")).environment("parley-gateway"))
            .containsEntry("PARLEY_GATEWAY_RATELIMIT_TRUSTEDPROXIES", "0");
    }

    private static String checksum(Chart.Rendered rendered, String deployment) {
        return Yamls.map(rendered.get("Deployment", deployment), "spec.template.metadata.annotations")
            .get("checksum/config")
            .toString();
    }

    private static String decoded(Map<String, Object> secret, String key) {
        return new String(Base64.getDecoder().decode(Yamls.map(secret, "data").get(key).toString()),
                StandardCharsets.UTF_8);
    }

}
