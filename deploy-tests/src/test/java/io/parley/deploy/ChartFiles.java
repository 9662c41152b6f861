package io.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the chart ships from helm/parley/files/: Prometheus rule files and Grafana
 * dashboards.
 */
final class ChartFiles {

    static final Path ALERTS = Chart.DIR.resolve("files/alerts");
    static final Path DASHBOARDS = Chart.DIR.resolve("files/dashboards");

    private ChartFiles() {
    }

    static List<Path> alertFiles() {
        return list(ALERTS, ".yaml");
    }

    static List<Path> dashboards() {
        return list(DASHBOARDS, ".json");
    }

    /** Every alert name in every rule file the chart ships. */
    static List<String> alertNames() {
        return alertFiles().stream()
            .flatMap(file -> Yamls.list(Yamls.loadMap(file), "groups").stream())
            .flatMap(group -> Yamls.list(group, "rules").stream())
            .filter(rule -> rule.containsKey("alert"))
            .map(rule -> rule.get("alert").toString())
            .toList();
    }

    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
