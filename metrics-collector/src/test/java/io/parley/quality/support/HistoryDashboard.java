package io.parley.quality.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the Grafana dashboard on the quality history
 * (observability/dashboards/call-quality-history.json), with the macros and variables
 * expanded as Grafana's PostgreSQL datasource expands them, so a test can run it.
 */
public final class HistoryDashboard {

    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");

    private HistoryDashboard() {
    }

    /**
     * Every panel's query (by panel title, the variable query as {@code $org}) for the
     * organization and time range.
     */
    public static Map<String, String> queries(String orgId, Instant from, Instant to) {
        JsonNode dashboard;
        try {
            dashboard = JsonMapper.builder()
                .build()
                .readTree(Files.readString(RepositoryFiles.dashboards().resolve("call-quality-history.json")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        dashboard.path("templating")
            .path("list")
            .valueStream()
            .filter(variable -> "query".equals(variable.path("type").asString()))
            .forEach(
                    variable -> queries.put("$" + variable.path("name").asString(), variable.path("query").asString()));
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets")
                .forEach(target -> queries.put(panel.path("title").asString(),
                        expand(target.path("rawSql").asString(), orgId, from, to)));
        }
        return queries;
    }

    private static String expand(String sql, String orgId, Instant from, Instant to) {
        String range = " BETWEEN '" + from + "' AND '" + to + "'";
        return TIME_FILTER.matcher(sql.replace("${org}", orgId))
            .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + range));
    }

}
