package io.parley.quality.support;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The Prometheus text format, read just enough to sum samples by name and labels. */
public final class PrometheusScrape {

    private final String text;

    PrometheusScrape(String text) {
        this.text = text;
    }

    /**
     * The sum of every sample of {@code name} whose labels include all of {@code labels};
     * 0 when there is none.
     */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean matches = labels.entrySet()
                .stream()
                .allMatch(label -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    /** Every metric name that has at least one sample. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(end > 0 ? line.substring(0, end) : line.substring(0, line.indexOf(' ')));
            }
        }
        return names;
    }

}
