package io.parley.quality.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.parley.quality.support.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards in observability/dashboards are importable (the model Grafana
 * expects, on a datasource chosen at import: Prometheus, or PostgreSQL for the quality
 * history), show what operators need, and query with valid PromQL (the history's SQL runs
 * on a real PostgreSQL in TrendIT).
 */
class DashboardsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROMETHEUS = "prometheus";

    private static final String POSTGRESQL = "grafana-postgresql-datasource";

    @TempDir
    Path temp;

    private static Map<String, JsonNode> dashboards() throws IOException {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(RepositoryFiles.dashboards())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    private static List<JsonNode> queryPanels(JsonNode dashboard) {
        return dashboard.path("panels")
            .valueStream()
            .filter(panel -> !"row".equals(panel.path("type").asString()))
            .toList();
    }

    private static List<String> expressions(JsonNode dashboard) {
        return queries(dashboard, "expr");
    }

    private static List<String> queries(JsonNode dashboard, String field) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : queryPanels(dashboard)) {
            panel.path("targets").forEach(target -> queries.add(target.path(field).asString()));
        }
        return queries;
    }

    private static String datasourceType(JsonNode dashboard) {
        return dashboard.path("templating")
            .path("list")
            .valueStream()
            .filter(v -> "datasource".equals(v.path("name").asString())
                    && "datasource".equals(v.path("type").asString()))
            .map(v -> v.path("query").asString())
            .findFirst()
            .orElse("");
    }

    private static boolean isPrometheus(JsonNode dashboard) {
        return PROMETHEUS.equals(datasourceType(dashboard));
    }

    @Test
    void thereIsAPlatformHealthACallQualityAndAQualityHistoryDashboard() throws IOException {
        assertThat(dashboards()).containsOnlyKeys("platform-health.json", "call-quality.json",
                "call-quality-history.json");
        assertThat(dashboards().values()).extracting(d -> d.path("uid").asString())
            .containsExactlyInAnyOrder("parley-platform-health", "parley-call-quality", "parley-quality-history");
        assertThat(datasourceType(dashboards().get("call-quality-history.json"))).isEqualTo(POSTGRESQL);
    }

    @Test
    void everyDashboardHasTheStructureGrafanaImports() throws IOException {
        for (Map.Entry<String, JsonNode> entry : dashboards().entrySet()) {
            String file = entry.getKey();
            JsonNode dashboard = entry.getValue();
            assertThat(dashboard.path("title").asString()).as(file).isNotBlank();
            assertThat(dashboard.path("uid").asString()).as(file).matches("[a-z0-9-]{1,40}");
            assertThat(dashboard.path("schemaVersion").isInt()).as(file).isTrue();
            assertThat(dashboard.path("time").path("from").asString()).as(file).isNotBlank();
            assertThat(datasourceType(dashboard)).as(file + " lets the importer pick its datasource")
                .isIn(PROMETHEUS, POSTGRESQL);
            String query = isPrometheus(dashboard) ? "expr" : "rawSql";

            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                String title = file + ": " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt())).as(title + " has a unique id").isTrue();
                assertThat(panel.path("title").asString()).as(file).isNotBlank();
                assertThat(panel.path("type").asString()).as(title).isIn("row", "timeseries", "heatmap", "stat");
                JsonNode grid = panel.path("gridPos");
                for (String field : List.of("h", "w", "x", "y")) {
                    assertThat(grid.path(field).isInt()).as(title + " gridPos." + field).isTrue();
                }
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title + " fits 24 columns")
                    .isLessThanOrEqualTo(24);
            }
            for (JsonNode panel : queryPanels(dashboard)) {
                String title = file + ": " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
                assertThat(panel.path("description").asString()).as(title).isNotBlank();
                assertThat(panel.path("targets").size()).as(title + " has queries").isPositive();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path(query).asString()).as(title).isNotBlank();
                    assertThat(refIds.add(target.path("refId").asString())).as(title + " refIds unique").isTrue();
                }
            }
        }
    }

    @Test
    void platformHealthShowsRequestsErrorsLatenciesSessionsLeasesAndKafkaLag() throws IOException {
        String queries = String.join("\n", expressions(dashboards().get("platform-health.json")));

        assertThat(queries).contains("http_server_requests_seconds_count", "status=~\"5..\"",
                "http_server_requests_seconds_bucket", "spring_cloud_gateway_requests_seconds_count",
                "parley_gateway_backend_unavailable_total", "parley_gateway_ratelimit_rejected_total",
                "parley_gateway_request_too_large_total", "resilience4j_circuitbreaker_state",
                "parley_signaling_sessions", "parley_streams_leases_active",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void callQualityShowsBeaconsAndTheQualityHistograms() throws IOException {
        String queries = String.join("\n", expressions(dashboards().get("call-quality.json")));

        assertThat(queries).contains("parley_quality_beacons_accepted_total", "parley_quality_beacons_rejected_total",
                "parley_quality_beacons_unavailable_total", "parley_quality_beacon_publish_seconds_bucket",
                "parley_quality_rtt_seconds_bucket", "parley_quality_jitter_seconds_bucket",
                "parley_quality_packet_loss_ratio_bucket", "parley_quality_bitrate_bits_per_second_bucket",
                "parley_quality_samples_consumed_total", "parley_quality_pipeline_delay_seconds_bucket");
    }

    /**
     * Every query of the history dashboard reads a time range of the partitioned table by
     * its partition key, so PostgreSQL scans only the days shown, and one organization's
     * meetings.
     */
    @Test
    void theHistoryDashboardShowsAnOrganizationsDaysWithinTheChosenTimeRange() throws IOException {
        List<String> queries = queries(dashboards().get("call-quality-history.json"), "rawSql");

        assertThat(queries.stream().filter(sql -> sql.contains("quality_sample s"))).hasSize(4)
            .allSatisfy(sql -> assertThat(sql).contains("$__timeFilter(s.measured_at)", "m.org_id = '${org}'",
                    "date_trunc('day', s.measured_at, 'UTC') as time"));
        assertThat(String.join("\n", queries)).contains("s.rtt_ms", "s.recv_loss_pct", "s.recv_bitrate_bps",
                "participant-minutes", "pg_total_relation_size");
    }

    /**
     * promtool has no query checker, but it parses every expression of a rule file: each
     * dashboard query becomes a recording rule, with Grafana's interval variable replaced
     * by a duration.
     */
    @Test
    void everyDashboardQueryIsValidPromQL() throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (JsonNode dashboard : dashboards().values().stream().filter(DashboardsTests::isPrometheus).toList()) {
            for (String expr : expressions(dashboard)) {
                String promql = expr.replace("$__rate_interval", "5m").replace("\n", " ");
                rules.append("      - record: dashboard:query_")
                    .append(n++)
                    .append('\n')
                    .append("        expr: '")
                    .append(promql.replace("'", "''"))
                    .append("'\n");
            }
        }
        Path file = temp.resolve("dashboard-queries.yaml");
        Files.writeString(file, rules);

        Promtool.Result result = Promtool.run("check", "rules", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
    }

}
