package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/operations.md stays in step with values.yaml and with the alerts the chart ships.
 */
class OperationsGuideTests {

    static final Path GUIDE = Chart.ROOT.resolve("docs/operations.md");

    @Test
    void everyTopAndSecondLevelValueIsDocumented() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, Object> top : Chart.defaultValues().entrySet()) {
            if (!guide.contains("`" + top.getKey())) {
                undocumented.add(top.getKey());
            }
            if (top.getValue() instanceof Map<?, ?> second) {
                for (Object key : second.keySet()) {
                    String path = top.getKey() + "." + key;
                    if (!guide.contains("`" + path + "`") && !guide.contains("`" + path + ".")) {
                        undocumented.add(path);
                    }
                }
            }
        }
        assertThat(undocumented).as("values.yaml keys missing from docs/operations.md (write them as `a.b`)").isEmpty();
    }

    @Test
    void everyDocumentedValueExists() throws IOException {
        // the configuration reference's table rows: | `path` | ...
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf("## Configuration reference");
        String reference = guide.substring(start, guide.indexOf("\n## ", start + 1));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*)` \\|")
            .matcher(reference);
        List<String> unknown = new ArrayList<>();
        int rows = 0;
        while (row.find()) {
            rows++;
            Object current = Chart.defaultValues();
            for (String step : row.group(1).split("\\.")) {
                current = current instanceof Map<?, ?> map ? map.get(step) : null;
            }
            if (current == null && !hasKey(row.group(1))) {
                unknown.add(row.group(1));
            }
        }
        assertThat(rows).as("configuration reference rows").isGreaterThan(50);
        assertThat(unknown).as("documented values that values.yaml does not have").isEmpty();
    }

    @Test
    void everyAlertHasARunbookEntryAndEveryRunbookAnAlert() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> runbooks = new ArrayList<>();
        Matcher heading = Pattern.compile("(?m)^### (Parley[A-Za-z]+)\\s*$").matcher(guide);
        while (heading.find()) {
            runbooks.add(heading.group(1));
        }
        assertThat(runbooks).containsExactlyInAnyOrderElementsOf(ChartFiles.alertNames());
    }

    @Test
    void benchmarkFiguresAreOnlyWhatWasMeasured() throws IOException {
        String guide = Files.readString(GUIDE);

        assertThat(guide).contains("## Scaling and sizing", "### Benchmark figures");
    }

    private static boolean hasKey(String dottedPath) {
        Object current = Chart.defaultValues();
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return false;
            }
            current = map.get(step);
        }
        return true;
    }

}
