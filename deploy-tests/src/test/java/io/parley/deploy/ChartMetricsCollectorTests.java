package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * metrics-collector in the chart: the PostgreSQL database of its quality history, and its
 * retention.
 */
class ChartMetricsCollectorTests {

    private static final String COLLECTOR = "parley-metrics-collector";

    @Test
    void readsItsOwnDatabaseWithCredentialsFromTheSecretNeverFromALiteral() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(rendered.environment(COLLECTOR)).containsEntry("PARLEY_POSTGRES_HOST", "parley-quality-rw")
            .containsEntry("PARLEY_POSTGRES_PORT", "5432")
            .containsEntry("PARLEY_POSTGRES_DB", "quality")
            .containsEntry("PARLEY_QUALITY_RETENTION", "30d");
        List<Map<String, Object>> env = Yamls.list(rendered.container(COLLECTOR), "env");
        assertThat(env).filteredOn(e -> e.get("name").toString().startsWith("PARLEY_POSTGRES_"))
            .extracting(e -> e.get("name"))
            .containsExactlyInAnyOrder("PARLEY_POSTGRES_USER", "PARLEY_POSTGRES_PASSWORD");
        assertThat(env).filteredOn(e -> e.get("name").toString().startsWith("PARLEY_POSTGRES_")).allSatisfy(e -> {
            assertThat(e).doesNotContainKey("value");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-quality-app");
        });
    }

    @Test
    void aManagedDatabaseAndTheRetentionAreNamedByValues() {
        Chart.Rendered rendered = Chart.render(Chart.ciValues("external-redis-kafka-tls"));

        assertThat(rendered.environment(COLLECTOR)).containsEntry("PARLEY_POSTGRES_DB", "parley_quality")
            .containsEntry("PARLEY_POSTGRES_PORT", "5433")
            .containsEntry("PARLEY_QUALITY_RETENTION", "90d");
        assertThat(Yamls.list(rendered.container(COLLECTOR), "env")).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "PARLEY_POSTGRES_PASSWORD");
            assertThat(Yamls.map(e, "valueFrom.secretKeyRef")).containsEntry("name", "parley-quality-db")
                .containsEntry("key", "secret");
        });
        assertThat(Yamls.list(rendered.get("NetworkPolicy", COLLECTOR), "spec.egress")).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(5433);
            assertThat(Yamls.list(rule, "to")).extracting(p -> Yamls.at(p, "ipBlock.cidr"))
                .containsExactly("10.40.0.0/16");
        });
    }

    @Test
    void onlyItReachesTheQualityDatabase() {
        Chart.Rendered rendered = Chart.render(null);

        assertThat(Yamls.list(rendered.get("NetworkPolicy", COLLECTOR), "spec.egress")).anySatisfy(rule -> {
            assertThat(Yamls.list(rule, "ports")).extracting(p -> p.get("port")).containsExactly(5432);
            assertThat(Yamls.list(rule, "to")).singleElement()
                .satisfies(peer -> assertThat(Yamls.map(peer, "podSelector.matchLabels"))
                    .containsEntry("cnpg.io/cluster", "parley-quality"));
        });
        for (String name : List.of("parley-gateway", "parley-signaling-service", "parley-meeting-service",
                "parley-stream-limit-service", "parley-people-service")) {
            assertThat(Yamls.list(rendered.get("NetworkPolicy", name), "spec.egress")).as(name)
                .noneSatisfy(rule -> assertThat(Yamls.list(rule, "to"))
                    .extracting(peer -> Yamls.map(peer, "podSelector.matchLabels"))
                    .anySatisfy(labels -> assertThat(labels).containsEntry("cnpg.io/cluster", "parley-quality")));
            assertThat(rendered.environment(name)).as(name).doesNotContainKey("PARLEY_QUALITY_RETENTION");
        }
    }

    @Test
    void aDatabaseWithoutCredentialsOrARetentionThatIsNoDurationIsRefused() {
        assertThatThrownBy(() -> Chart.renderWithValues("metricsCollector:\n  database:\n    existingSecret: \"\"\n"))
            .hasMessageContaining("existingSecret");
        assertThatThrownBy(() -> Chart.renderWithValues("metricsCollector:\n  database:\n    password: hunter2\n"))
            .hasMessageContaining("password");
        assertThatThrownBy(() -> Chart.renderWithValues("metricsCollector:\n  retention: a month\n"))
            .hasMessageContaining("retention");
    }

}
