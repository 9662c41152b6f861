package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule files and dashboards the chart ships: valid for promtool and Grafana, and
 * identical to the sources under observability/ when those exist (the chart cannot reach
 * outside its directory, so it keeps copies).
 */
class ChartAlertRulesTests {

    /** Where the observability work keeps dashboards and rule files, if anywhere yet. */
    static final List<Path> OBSERVABILITY_SOURCES = List.of(Chart.ROOT.resolve("observability"),
            Chart.ROOT.resolve("metrics-collector/src/main/resources/observability"));

    @Test
    void theChartShipsRulesAndDashboards() {
        assertThat(ChartFiles.alertFiles()).isNotEmpty();
        assertThat(ChartFiles.alertNames()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(ChartFiles.dashboards()).isNotEmpty();
    }

    @Test
    void everyRuleFilePassesPromtoolCheck() {
        for (Path file : ChartFiles.alertFiles()) {
            Tools.Result result = Tools.run(Tools.promtool(), List.of("check", "rules", file.toString()), Chart.ROOT);
            assertThat(result.exitCode()).as("promtool check rules %s:%n%s", file, result.output()).isZero();
        }
    }

    @Test
    void thePlatformRulesPassTheirPromtoolUnitTests() throws IOException {
        Path dir = Chart.ROOT.resolve("deploy-tests/src/test/promtool");
        List<Path> tests;
        try (Stream<Path> files = Files.list(dir)) {
            tests = files.filter(f -> f.getFileName().toString().endsWith(".test.yaml")).sorted().toList();
        }
        assertThat(tests).isNotEmpty();
        for (Path test : tests) {
            Tools.Result result = Tools.run(Tools.promtool(), List.of("test", "rules", test.getFileName().toString()),
                    dir);
            assertThat(result.exitCode()).as("promtool test rules %s:%n%s", test, result.output()).isZero();
        }
    }

    @Test
    void everyAlertHasASeverityAndASummary() {
        for (Path file : ChartFiles.alertFiles()) {
            for (Map<String, Object> rule : rules(file)) {
                String alert = rule.get("alert").toString();
                assertThat(Yamls.map(rule, "labels")).as(alert).containsKey("severity");
                assertThat(Yamls.map(rule, "annotations")).as(alert).containsKeys("summary", "description");
            }
        }
    }

    /**
     * The chart's own rule files (not copies from observability/) link each alert to its
     * runbook.
     */
    @Test
    void theChartsOwnAlertsLinkTheirRunbooks() {
        for (Path file : ChartFiles.alertFiles()) {
            if (sourceOf(file) != null) {
                continue;
            }
            for (Map<String, Object> rule : rules(file)) {
                String alert = rule.get("alert").toString();
                assertThat(Yamls.map(rule, "annotations")).as(alert)
                    .containsEntry("runbook", "docs/operations.md#" + alert.toLowerCase());
            }
        }
    }

    /**
     * All files end up in one PrometheusRule, where a repeated group name is rejected.
     */
    @Test
    void ruleGroupNamesAreUniqueAcrossFiles() {
        List<String> groups = ChartFiles.alertFiles()
            .stream()
            .flatMap(file -> Yamls.list(Yamls.loadMap(file), "groups").stream())
            .map(group -> group.get("name").toString())
            .toList();

        assertThat(groups).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void everyDashboardIsAGrafanaDashboardWithAUniqueUid() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> uids = new ArrayList<>();
        for (Path file : ChartFiles.dashboards()) {
            JsonNode dashboard = json.readTree(Files.readString(file));
            assertThat(dashboard.path("title").asString()).as(file.toString()).isNotBlank();
            assertThat(dashboard.path("panels").isArray()).as(file.toString()).isTrue();
            assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
            uids.add(dashboard.path("uid").asString());
        }
        assertThat(uids).doesNotContain("").doesNotHaveDuplicates();
    }

    private static List<Map<String, Object>> rules(Path file) {
        return Yamls.list(Yamls.loadMap(file), "groups")
            .stream()
            .flatMap(group -> Yamls.list(group, "rules").stream())
            .filter(rule -> rule.containsKey("alert"))
            .toList();
    }

    /**
     * The observability/ file a chart file is a copy of, or null for the chart's own
     * files.
     */
    static Path sourceOf(Path chartFile) {
        for (Path source : OBSERVABILITY_SOURCES) {
            for (String dir : List.of("alerts", "dashboards", "")) {
                Path candidate = source.resolve(dir).resolve(chartFile.getFileName().toString());
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * Dashboards and rule files kept under observability/ are the source; the chart's
     * files/ hold byte-identical copies (Helm's .Files cannot read outside the chart).
     * Copy them over when this fails.
     */
    @Test
    void theChartsCopiesOfObservabilityFilesHaveNotDrifted() throws IOException {
        List<String> drift = new ArrayList<>();
        for (Path source : OBSERVABILITY_SOURCES) {
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    String text = Files.readString(file);
                    Path copy = null;
                    if (name.endsWith(".json") && text.contains("\"panels\"")) {
                        copy = ChartFiles.DASHBOARDS.resolve(name);
                    }
                    else if ((name.endsWith(".yaml") || name.endsWith(".yml")) && text.contains("groups:")
                            && !text.contains("rule_files:")) {
                        copy = ChartFiles.ALERTS.resolve(name.replaceAll("\\.yml$", ".yaml"));
                    }
                    if (copy != null && (!Files.isRegularFile(copy) || !Files.readString(copy).equals(text))) {
                        drift.add(Chart.ROOT.relativize(file) + " -> " + Chart.ROOT.relativize(copy));
                    }
                }
            }
        }
        assertThat(drift).as("copy these into the chart (cp SOURCE COPY)").isEmpty();
    }

}
