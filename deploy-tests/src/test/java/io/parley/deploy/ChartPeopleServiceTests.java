package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * people-service in the chart: its external PostgreSQL, its access-token keys, who
 * reaches it and whom it reaches.
 */
class ChartPeopleServiceTests {

    private static final String PEOPLE = "parley-people-service";

    @Test
    void readsItsDatabaseCredentialsFromTheSecretNeverFromALiteral() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.environment(PEOPLE)).containsEntry("PARLEY_POSTGRES_HOST", "parley-people-rw")
            .containsEntry("PARLEY_POSTGRES_PORT", "5432")
            .containsEntry("PARLEY_POSTGRES_DB", "people");
        List<Map<String, Object>> env = Yamls.list(rendered.container(PEOPLE), "env");
        assertThat(env).filteredOn(e -> e.get("name").toString().startsWith("PARLEY_POSTGRES_"))
            .extracting(e -> e.get("name"))
            .containsExactlyInAnyOrder("PARLEY_POSTGRES_USER", "PARLEY_POSTGRES_PASSWORD");
        assertThat(env).filteredOn(e -> e.get("name").toString().startsWith("PARLEY_POSTGRES_")).allSatisfy(e -> {
            assertThat(e).doesNotContainKey("value");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-people-app");
        });
        assertThat(env).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "PARLEY_POSTGRES_PASSWORD");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("key", "password");
        });
        // the chart makes no Secret of its own for the database, and no ConfigMap carries
        // a password
        assertThat(rendered.ofKind("Secret")).extracting(s -> Yamls.at(s, "metadata.name"))
            .containsExactlyInAnyOrder("parley-token-keys", "parley-people-keys");
        assertThat(rendered.ofKind("ConfigMap")).allSatisfy(c -> assertThat(Yamls.map(c, "data"))
            .doesNotContainKeys("PARLEY_POSTGRES_PASSWORD", "PARLEY_POSTGRES_USER"));
        // the other services know nothing of the database
        assertThat(rendered.environment("parley-meeting-service")).doesNotContainKeys("PARLEY_POSTGRES_HOST",
                "PARLEY_POSTGRES_PASSWORD");
    }

    @Test
    void aManagedDatabaseIsNamedByValues() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("external-redis-kafka-tls"));

        assertThat(rendered.environment(PEOPLE)).containsEntry("PARLEY_POSTGRES_HOST", "people-db.example.internal")
            .containsEntry("PARLEY_POSTGRES_PORT", "5433")
            .containsEntry("PARLEY_POSTGRES_DB", "parley_people");
        assertThat(Yamls.list(rendered.container(PEOPLE), "env")).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "PARLEY_POSTGRES_USER");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-people-db")
                .containsEntry("key", "user");
        }).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "PARLEY_POSTGRES_PASSWORD");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-people-db")
                .containsEntry("key", "secret");
        });
        // only people-service may reach it, at the configured address and port
        List<Map<String, Object>> egress = Yamls.list(rendered.get("NetworkPolicy", PEOPLE), "spec.egress");
        assertThat(egress).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(5433);
            assertThat(Yamls.list(rule, "to")).extracting(p -> Yamls.at(p, "ipBlock.cidr"))
                .containsExactly("10.40.0.0/16");
        });
    }

    @Test
    void isProbedOnItsReadinessAndScrapedLikeTheOthers() {
        Chart.Rendered rendered = Chart.render(null);
        Map<String, Object> container = rendered.container(PEOPLE);

        assertThat(Yamls.at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(Yamls.at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
        assertThat(Yamls.at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.list(container, "ports")).extracting(p -> p.get("containerPort")).containsExactly(8085, 9080);
        assertThat(rendered.environment(PEOPLE)).containsEntry("PARLEY_PEOPLE_SERVICE_PORT", "8085")
            .containsEntry("PARLEY_PEOPLE_SIGN_UP", "open")
            .containsKeys("PARLEY_REDIS_HOST", "PARLEY_KAFKA_BOOTSTRAP");
        assertThat(Yamls.map(rendered.get("Deployment", PEOPLE), "spec.template.metadata.annotations"))
            .containsEntry("prometheus.io/scrape", "true")
            .containsEntry("prometheus.io/port", "9080")
            .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(rendered.has("PodDisruptionBudget", PEOPLE)).isTrue();
        assertThat(Yamls.at(rendered.get("Deployment", PEOPLE), "spec.replicas")).isEqualTo(2);
    }

    @Test
    void theAccessTokenSigningKeyIsGeneratedOnFirstInstallAndMounted() {
        Chart.Rendered rendered = Chart.render(null);

        Map<String, Object> secret = rendered.get("Secret", "parley-people-keys");
        assertThat(Yamls.map(secret, "metadata.annotations")).containsEntry("helm.sh/resource-policy", "keep");
        String pem = new String(Base64.getDecoder().decode(Yamls.map(secret, "data").get("signing-key.pem").toString()),
                StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        // not the join-token key: the two kinds of token have keys of their own
        assertThat(Yamls.map(secret, "data").get("signing-key.pem"))
            .isNotEqualTo(Yamls.map(rendered.get("Secret", "parley-token-keys"), "data").get("signing-key.pem"));

        assertThat(rendered.environment(PEOPLE)).containsEntry("PARLEY_PEOPLE_KEYS_DIR", "/etc/parley/people-keys");
        assertThat(Yamls.list(rendered.get("Deployment", PEOPLE), "spec.template.spec.volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "secret.secretName")).isEqualTo("parley-people-keys"));
        assertThat(Yamls.list(rendered.container(PEOPLE), "volumeMounts"))
            .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/etc/parley/people-keys")
                .containsEntry("readOnly", true));
        // only people-service holds it
        assertThat(Yamls.list(rendered.get("Deployment", "parley-meeting-service"), "spec.template.spec.volumes"))
            .noneSatisfy(v -> assertThat(Yamls.at(v, "secret.secretName")).isEqualTo("parley-people-keys"));
    }

    @Test
    void anExistingAccessTokenKeySecretReplacesTheGeneratedOne() {
        Chart.Rendered rendered = Chart.render(null,
                c -> c.set("peopleService.tokenKeys.existingSecret", "my-people-keys"));

        assertThat(rendered.has("Secret", "parley-people-keys")).isFalse();
        assertThat(Yamls.list(rendered.get("Deployment", PEOPLE), "spec.template.spec.volumes"))
            .anySatisfy(v -> assertThat(Yamls.at(v, "secret.secretName")).isEqualTo("my-people-keys"));
    }

    @Test
    void theKeySetAddressesFollowTheReleasesNames() {
        Map<String, String> env = Chart.render(null, c -> c.set("fullnameOverride", "talk"))
            .environment("talk-gateway");

        assertThat(env).containsEntry("PARLEY_PEOPLE_URIS", "http://talk-people-service:8085")
            .containsEntry("PARLEY_ACCESS_TOKENS_JWKS_URI", "http://talk-people-service:8085/.well-known/jwks.json")
            .containsEntry("PARLEY_TOKENS_JWKS_URI", "http://talk-meeting-service:8082/.well-known/jwks.json");
    }

    @Test
    void networkPoliciesLetTheGatewayAndEveryParleyPodReachItAndOnlyItReachPostgres() {
        Chart.Rendered rendered = Chart.render(null);

        List<Map<String, Object>> ingress = Yamls.list(rendered.get("NetworkPolicy", PEOPLE), "spec.ingress");
        assertThat(Yamls.list(ingress.get(0), "from")).extracting(peer -> Yamls.map(peer, "podSelector.matchLabels"))
            .anySatisfy(labels -> assertThat(labels).containsEntry("app.kubernetes.io/name", "gateway"))
            .anySatisfy(labels -> assertThat(labels).containsEntry("app.kubernetes.io/part-of", "parley")
                .containsEntry("app.kubernetes.io/instance", "parley"));
        for (String name : List.of("parley-gateway", "parley-signaling-service", "parley-meeting-service",
                "parley-stream-limit-service", "parley-metrics-collector")) {
            List<Map<String, Object>> egress = Yamls.list(rendered.get("NetworkPolicy", name), "spec.egress");
            assertThat(egress).as("%s reaches people-service's keys", name).anySatisfy(rule -> {
                assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(8085);
                assertThat(Yamls.list(rule, "to")).singleElement()
                    .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                        .containsEntry("app.kubernetes.io/name", "people-service"));
            });
            // metrics-collector reaches a database of its own
            // (ChartMetricsCollectorTests), never people-service's
            assertThat(egress).as("%s has no way to people-service's PostgreSQL", name)
                .noneSatisfy(rule -> assertThat(Yamls.list(rule, "to"))
                    .extracting(peer -> Yamls.map(peer, "podSelector.matchLabels"))
                    .anySatisfy(labels -> assertThat(labels).containsEntry("cnpg.io/cluster", "parley-people")));
            if (!name.equals("parley-metrics-collector")) {
                assertThat(egress).as("%s has no way to PostgreSQL", name)
                    .noneSatisfy(rule -> assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port"))
                        .contains(5432));
            }
        }
        assertThat(Yamls.list(rendered.get("NetworkPolicy", PEOPLE), "spec.egress")).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(5432);
            assertThat(Yamls.list(rule, "to")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("cnpg.io/cluster", "parley-people"));
        });
    }

    @Test
    void theSignUpSwitchBecomesItsEnvironment() {
        assertThat(Chart.render(null, c -> c.set("peopleService.signUp", "invite-only")).environment(PEOPLE))
            .containsEntry("PARLEY_PEOPLE_SIGN_UP", "invite-only");
        assertThatThrownBy(() -> Chart.renderWithValues("peopleService:\n  signUp: everyone\n"))
            .hasMessageContaining("signUp");
    }

    @Test
    void thePublicAddressReachesJoinLinksAndTheProviderCallback() {
        Chart.Rendered fromIngress = Chart.render(null,
                c -> c.set("ingress.host", "meet.example.org")
                    .set("ingress.tls.enabled", "true")
                    .set("ingress.tls.secretName", "meet-tls"));
        assertThat(fromIngress.environment(PEOPLE)).containsEntry("PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI",
                "https://meet.example.org");
        assertThat(fromIngress.environment("parley-meeting-service")).containsEntry("PARLEY_MEETINGS_PUBLIC_URL",
                "https://meet.example.org");
        assertThat(Chart.render(null, c -> c.set("publicUrl", "http://parley.internal/")).environment(PEOPLE))
            .containsEntry("PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI", "http://parley.internal");
        assertThat(Chart.render(null).environment(PEOPLE)).doesNotContainKey("PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI");
    }

    @Test
    void aDatabaseWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> Chart.renderWithValues("peopleService:\n  database:\n    existingSecret: \"\"\n"))
            .hasMessageContaining("existingSecret");
        assertThatThrownBy(() -> Chart.renderWithValues("peopleService:\n  database:\n    password: hunter2\n"))
            .hasMessageContaining("password");
    }

}
