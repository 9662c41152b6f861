package io.parley.quality.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files kept at the repository root that the collector's tests check: dashboards and
 * alert rules.
 */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /**
     * The {@code observability/} directory, found upwards from the working directory (the
     * module when built).
     */
    public static Path observability() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("observability");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No observability/ directory above " + Path.of("").toAbsolutePath());
    }

    public static Path dashboards() {
        return observability().resolve("dashboards");
    }

    public static Path alertRules() {
        return observability().resolve("alerts").resolve("parley-alerts.yaml");
    }

    public static Path alertTests() {
        return observability().resolve("alerts").resolve("tests");
    }

}
