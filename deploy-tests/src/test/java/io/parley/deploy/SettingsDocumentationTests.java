package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code parley.*} setting a module binds is in README.md or docs/*.md. The
 * settings come from the module's configuration metadata, which
 * spring-boot-configuration-processor writes when the module compiles: the reactor builds
 * these modules before deploy-tests, and {@code -pl deploy-tests} alone needs them built
 * first.
 */
class SettingsDocumentationTests {

    static final List<String> MODULES = List.of("libs/join-tokens", "gateway", "meeting-service", "metrics-collector",
            "people-service", "recording-service", "signaling-service", "stream-limit-service");

    static final String METADATA = "target/classes/META-INF/spring-configuration-metadata.json";

    @Test
    void everySettingOfEveryModuleIsDocumented() throws IOException {
        Set<String> documented = SettingsDocs.documentedNames(docs());
        Map<String, List<String>> undocumented = new TreeMap<>();
        for (String module : MODULES) {
            List<String> missing = settings(module).stream().filter(name -> !documented.contains(name)).toList();
            if (!missing.isEmpty()) {
                undocumented.put(module, missing);
            }
        }
        assertThat(undocumented)
            .as("settings that neither README.md nor docs/*.md names: write the full name in backticks, or a name "
                    + "relative to the `parley.<prefix>.*` of a settings table in its first column")
            .isEmpty();
    }

    @Test
    void aRelativeNameCountsOnlyInATableOfItsSection() {
        String markdown = """
                ## Limits
                | setting (`parley.signaling.*`) | default |
                |---|---|
                | `chat.burst` | 5 |
                `max-frame-size` is mentioned in prose.

                ## Drain
                | `leases.timeout` | 2s |
                """;

        assertThat(SettingsDocs.documentedNames(markdown)).containsExactly("parley.signaling.chat.burst");
    }

    @Test
    void aSiblingAfterANameSharesItsParent() {
        String markdown = """
                | `parley.people.sessions.lifetime` / `.refresh-grace` / `.keep-ended` | `30d` / `10s` / `7d` |
                """;

        assertThat(SettingsDocs.documentedNames(markdown)).containsExactly("parley.people.sessions.keep-ended",
                "parley.people.sessions.lifetime", "parley.people.sessions.refresh-grace");
    }

    @Test
    void aMapOrAListWrittenWithItsKeyDocumentsTheSetting() {
        String markdown = """
                Presets are `parley.meetings.timer-presets.<id>`, keys `parley.meetings.api-keys[n].name`.
                """;

        assertThat(SettingsDocs.documentedNames(markdown)).containsExactly("parley.meetings.api-keys",
                "parley.meetings.timer-presets");
    }

    private static String docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Chart.ROOT.resolve("README.md")));
        try (Stream<Path> guides = Files.list(Chart.ROOT.resolve("docs"))) {
            guides.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(Files.readString(file)).append('\n');
        }
        return text.toString();
    }

    private static List<String> settings(String module) {
        Path metadata = Chart.ROOT.resolve(module).resolve(METADATA);
        assertThat(metadata)
            .as("%s's configuration metadata: build %s first (./mvnw -pl %s compile)", module, module, module)
            .isRegularFile();
        JsonNode properties = JsonMapper.builder().build().readTree(metadata.toFile()).path("properties");
        List<String> names = properties.valueStream()
            .map(property -> property.path("name").asString())
            .filter(name -> name.startsWith("parley."))
            .toList();
        assertThat(names).as("parley.* settings in %s", metadata).isNotEmpty();
        return names;
    }

}
