package io.parley.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility engine, run inside the page as it is on screen (the rules
 * of WCAG 2.x A and AA plus axe's best practices). Its script comes from the class path
 * (Deque's axe-core jar carries {@code axe.min.js}) and is injected through WebDriver,
 * which the page's CSP does not govern.
 */
final class Accessibility {

    /** What a person relying on assistive technology cannot get past. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final String AXE = load("axe.min.js");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then((result) => done(JSON.stringify(result.violations.map((violation) => ({
                id: violation.id, impact: violation.impact, help: violation.help,
                nodes: violation.nodes.map((node) => node.target.join(' ')) })))))
              .catch((error) => done(JSON.stringify({ error: String(error) })));
            """;

    private Accessibility() {
    }

    /** One rule the page breaks, with the elements (CSS selectors) that break it. */
    record Violation(String id, String impact, String help, List<String> nodes) {

        boolean blocking() {
            return BLOCKING.contains(this.impact);
        }

        @Override
        public String toString() {
            return this.impact + " " + this.id + " (" + this.help + ") at " + this.nodes;
        }

    }

    /** Every violation on the page as it is now. */
    static List<Violation> violations(Browser browser) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.js(AXE);
        JsonNode answer = JSON.readTree((String) browser.asyncJs(RUN));
        if (answer.has("error")) {
            throw new IllegalStateException("axe-core failed: " + answer.path("error").asString());
        }
        return answer.valueStream()
            .map((violation) -> new Violation(violation.path("id").asString(), violation.path("impact").asString(),
                    violation.path("help").asString(),
                    violation.path("nodes").valueStream().map(JsonNode::asString).toList()))
            .toList();
    }

    /** The serious and critical ones. */
    static List<Violation> blocking(Browser browser) {
        return violations(browser).stream().filter(Violation::blocking).toList();
    }

    private static String load(String resource) {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
