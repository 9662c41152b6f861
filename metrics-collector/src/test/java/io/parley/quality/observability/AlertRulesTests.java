package io.parley.quality.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.parley.quality.support.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules in observability/alerts are valid for Prometheus and behave as their
 * unit tests say.
 */
class AlertRulesTests {

    @Test
    void alertRulesPassPromtoolsCheck() {
        Promtool.Result result = Promtool.run("check", "rules", RepositoryFiles.alertRules().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void alertRulesPassTheirPromtoolUnitTests() throws IOException {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(testFiles().stream().map(Path::toString).toList());

        Promtool.Result result = Promtool.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndAUnitTest() throws IOException {
        StringBuilder tests = new StringBuilder();
        for (Path file : testFiles()) {
            tests.append(Files.readString(file));
        }

        List<Map<String, Object>> alerts = alerts();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(labels(alert, "labels")).as(name).containsKey("severity");
            assertThat(labels(alert, "labels").get("severity")).as(name).isIn("page", "warning");
            assertThat(labels(alert, "annotations")).as(name).containsKeys("summary", "description");
            assertThat(tests.toString()).as("a promtool test of " + name).contains("alertname: " + name + "\n");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts() throws IOException {
        try (Reader reader = Files.newBufferedReader(RepositoryFiles.alertRules())) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> alerts = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                alerts.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return alerts;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> alert, String key) {
        Object value = alert.get(key);
        return value == null ? Map.of() : (Map<String, String>) value;
    }

    private static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryFiles.alertTests())) {
            List<Path> tests = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertThat(tests).as("promtool unit tests in " + RepositoryFiles.alertTests()).isNotEmpty();
            return tests;
        }
    }

}
