package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each service has a Dockerfile (layered jar, Java 25 JRE, AOT cache from a training run, non-root) and Jib is configured
 * but never bound to a phase.
 */
class ImagesTests {

    private static final Map<String, Integer> MODULES = Map.of(
        "gateway", 8080, "signaling-service", 8081, "meeting-service", 8082,
        "stream-limit-service", 8083, "metrics-collector", 8084, "people-service", 8085);

    @Test
    void everyServiceHasALayeredNonRootDockerfile() throws IOException {
        Map<String, Object> securityContext = Yamls.map(Chart.defaultValues(), "securityContext");
        MODULES.forEach((module, port) -> {
            Path dockerfile = Chart.ROOT.resolve(module).resolve("Dockerfile");
            assertThat(dockerfile).as(module).isRegularFile();
            String text;
            try {
                text = Files.readString(dockerfile);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(text).as(module)
                .contains("FROM eclipse-temurin:25-jre AS layers", "\nFROM eclipse-temurin:25-jre\n")
                .contains("-Djarmode=tools -jar app.jar extract --layers --destination extracted")
                .contains("ARG JAR_FILE=target/" + module + "-*.jar")
                .contains("USER " + securityContext.get("runAsUser") + ":" + securityContext.get("runAsGroup"))
                .contains("EXPOSE " + port)
                .contains("RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar")
                .contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"app.jar\"]");
            assertThat(text.indexOf("AOTCacheOutput")).as("%s trains its AOT cache on the application as it ships", module)
                .isGreaterThan(text.lastIndexOf("COPY --from=layers"));
            assertThat(text.indexOf("USER ")).as("%s switches user before the entrypoint", module)
                .isLessThan(text.indexOf("ENTRYPOINT"));
            // the chart's default image and port for this module agree
            String key = switch (module) {
                case "gateway" -> "gateway";
                case "signaling-service" -> "signalingService";
                case "meeting-service" -> "meetingService";
                case "stream-limit-service" -> "streamLimitService";
                case "people-service" -> "peopleService";
                default -> "metricsCollector";
            };
            assertThat(Yamls.at(Chart.defaultValues(), key + ".image.repository")).isEqualTo("parley-" + module);
            assertThat(Yamls.at(Chart.defaultValues(), key + ".port")).isEqualTo(port);
        });
    }

    @Test
    void jibIsManagedButNotPartOfTheBuild() throws IOException {
        String pom = Files.readString(Chart.ROOT.resolve("pom.xml"));
        String management = pom.substring(pom.indexOf("<pluginManagement>"), pom.indexOf("</pluginManagement>"));
        String afterManagement = pom.substring(pom.indexOf("</pluginManagement>"));

        assertThat(management).contains("<artifactId>jib-maven-plugin</artifactId>", "<image>${jib.base-image}</image>",
            "<user>10001:10001</user>");
        assertThat(pom).contains("<jib.base-image>eclipse-temurin:25-jre</jib.base-image>");
        // bound to no phase: `verify` never tries to build or push an image
        assertThat(afterManagement).doesNotContain("jib-maven-plugin");
        String jib = management.substring(management.indexOf("jib-maven-plugin"));
        assertThat(jib.substring(0, jib.indexOf("</plugin>"))).doesNotContain("<executions>");
        assertThat(Chart.defaultValues().get("securityContext").toString()).contains("runAsUser=10001", "runAsGroup=10001");
    }
}
