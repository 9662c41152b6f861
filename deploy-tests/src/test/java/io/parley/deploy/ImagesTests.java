package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * One Dockerfile for every service (docker/Dockerfile: layered jar, Java 25 JRE, AOT
 * cache from a training run, non-root; the service named by build arguments, and for
 * recording-service a runtime with Debian's media tools and Janus's user), and Jib
 * configured but never bound to a phase.
 */
class ImagesTests {

    private static final Map<String, Integer> MODULES = Map.of("gateway", 8080, "signaling-service", 8081,
            "meeting-service", 8082, "stream-limit-service", 8083, "metrics-collector", 8084, "people-service", 8085,
            "recording-service", 8079);

    private static final Path DOCKERFILE = Chart.ROOT.resolve("docker/Dockerfile");

    private static final Path GUIDE = Chart.ROOT.resolve("docs/operations.md");

    @Test
    void oneLayeredNonRootDockerfileBuildsEveryService() throws IOException {
        Map<String, Object> securityContext = Yamls.map(Chart.defaultValues(), "securityContext");
        String text = Files.readString(DOCKERFILE);

        assertThat(text).contains("FROM eclipse-temurin:25-jre AS layers", "\nFROM eclipse-temurin:25-jre AS jre\n")
            .contains("\nARG RUNTIME=jre\n\nFROM eclipse-temurin:25-jre AS layers", "\nFROM ${RUNTIME}\n")
            .contains("ARG MODULE\n", "ARG PORT\n", "ARG JAR_FILE=${MODULE}/target/${MODULE}-*.jar\n",
                    "COPY ${JAR_FILE} app.jar\n", "EXPOSE ${PORT}\n")
            .contains("-Djarmode=tools -jar app.jar extract --layers --destination extracted")
            .contains("--uid " + securityContext.get("runAsUser") + " ", "--gid " + securityContext.get("runAsGroup"))
            .contains("ARG USER_ID=" + securityContext.get("runAsUser") + "\n", "USER ${USER_ID}:${USER_ID}\n")
            .contains("java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar")
            .contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"app.jar\"]");
        assertThat(text.indexOf("AOTCacheOutput")).as("the AOT cache is trained on the application as it ships")
            .isGreaterThan(text.lastIndexOf("COPY --from=layers"));
        assertThat(text.indexOf("USER ")).as("the user is switched before the entrypoint")
            .isLessThan(text.indexOf("ENTRYPOINT"));
        // a missing build argument stops the build with a message instead of copying
        // nothing or exposing nothing
        assertThat(text.indexOf("test -n \"$MODULE\"")).isBetween(text.indexOf("ARG MODULE"), text.indexOf("COPY "));
        assertThat(text.indexOf("test -n \"$PORT\"")).isBetween(text.indexOf("ARG PORT"), text.indexOf("EXPOSE"));
    }

    @Test
    void everyServiceIsBuiltFromTheSharedDockerfileWithTheChartsPort() throws IOException {
        String ignore = Files.readString(Chart.ROOT.resolve("docker/Dockerfile.dockerignore"));
        String guide = Files.readString(GUIDE);

        assertThat(ignore.lines().filter(line -> !line.startsWith("#")).findFirst()).as("everything else is left out")
            .contains("*");
        MODULES.forEach((module, port) -> {
            assertThat(Chart.ROOT.resolve(module).resolve("Dockerfile")).as("%s has no Dockerfile of its own", module)
                .doesNotExist();
            assertThat(ignore).as("the build context lets %s's jar in", module)
                .contains("\n!" + module + "/target/*.jar\n");
            assertThat(guide).as("docs/operations.md gives %s's build arguments", module)
                .contains("| `" + module + "` | `" + port + "` |");
            // the chart's default image and port for this module agree
            String key = switch (module) {
                case "gateway" -> "gateway";
                case "signaling-service" -> "signalingService";
                case "meeting-service" -> "meetingService";
                case "stream-limit-service" -> "streamLimitService";
                case "people-service" -> "peopleService";
                case "recording-service" -> "recordings";
                default -> "metricsCollector";
            };
            assertThat(Yamls.at(Chart.defaultValues(), key + ".image.repository")).isEqualTo("parley-" + module);
            assertThat(Yamls.at(Chart.defaultValues(), key + ".port")).isEqualTo(port);
        });
    }

    /**
     * recording-service runs janus-pp-rec, ffmpeg and ffprobe beside Janus, as Janus's
     * user: its runtime is Debian's, of the Janus image's release, with the six services'
     * JRE.
     */
    @Test
    void recordingServiceRunsOnDebianWithTheMediaToolsAsJanussUser() throws IOException {
        String text = Files.readString(DOCKERFILE);
        String guide = Files.readString(GUIDE);
        String media = text.substring(text.indexOf("\nFROM debian:"), text.indexOf("\nFROM ${RUNTIME}\n"));
        String janusImage = guide.substring(guide.indexOf("```dockerfile\nFROM ") + "```dockerfile\n".length());
        int janusUser = (Integer) Yamls.at(Chart.render(Chart.ciValues("janus")).get("StatefulSet", "parley-janus"),
                "spec.template.spec.securityContext.runAsUser");
        String arguments = "--build-arg RUNTIME=jre-media --build-arg USER_ID=" + janusUser;

        // janus-pp-rec reads what the Janus of that release writes
        assertThat(media).startsWith("\n" + janusImage.substring(0, janusImage.indexOf('\n')) + " AS jre-media\n")
            .contains("COPY --from=eclipse-temurin:25-jre /opt/java/openjdk /opt/java/openjdk\n",
                    "ENV JAVA_HOME=/opt/java/openjdk\n", "ENV PATH=\"${JAVA_HOME}/bin:${PATH}\"")
            .contains("apt-get install -y --no-install-recommends janus-tools ffmpeg", "rm -rf /var/lib/apt/lists/*")
            .doesNotContain("USER ");
        assertThat(guide).contains("| `recording-service` | `8079` | `" + arguments + "` |");
        // a build without them stops, rather than making a worker that fails every job
        assertThat(text).contains("[ \"$USER_ID\" = " + janusUser + " ] && command -v janus-pp-rec",
                "command -v ffmpeg", "command -v ffprobe", "echo \"recording-service needs " + arguments + "\"");
        assertThat(text.indexOf("echo \"recording-service needs")).isLessThan(text.indexOf("COPY --from=layers"));
        // every step runs as root: the image's files are readable by that user, not
        // writable
        assertThat(text.split("\nUSER ", -1)).hasSize(2);
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
        assertThat(Chart.defaultValues().get("securityContext").toString()).contains("runAsUser=10001",
                "runAsGroup=10001");
    }

}
