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
import java.util.stream.Stream;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templates (NOTES.txt and the helm test pod included) only use values that exist.
 */
class ChartTemplatesTests {

    private static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    @Test
    void everyValueATemplateReadsExistsInValuesYaml() throws IOException {
        Map<String, Object> values = Chart.defaultValues();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Chart.DIR.resolve("templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = VALUES_REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    String path = matcher.group(1).substring(1);
                    if (!exists(values, path)) {
                        missing.add(Chart.DIR.relativize(file) + ": .Values." + path);
                    }
                }
            }
        }
        assertThat(missing).as("references to values that values.yaml does not define").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.parley.deploy.ChartRenderTests#variants")
    void notesRenderForEveryVariant(Path values) {
        // a client-side dry-run install renders NOTES.txt (template does not); it never
        // contacts a cluster
        InstallCommand install = new Helm(Chart.DIR).install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .dryRun()
            .withDryRunOption(DryRun.CLIENT)
            .clientOnly();
        if (values != null) {
            install = install.withValuesFile(values);
        }
        String output = install.call().getOutput();

        String notes = output.substring(output.indexOf("NOTES:"));
        assertThat(notes).contains("Parley", "helm test parley --namespace parley", "http://parley-gateway:8080")
            .doesNotContain("<no value>", "%!");
    }

    @Test
    void theHelmTestPodChecksReadinessAndTheApiThroughTheGatewayService() throws IOException {
        // helm-java's template leaves hooks out, so this one is read as text (lint
        // renders it)
        String pod = Files.readString(Chart.DIR.resolve("templates/tests/test-gateway.yaml"));

        assertThat(pod).contains("helm.sh/hook: test", "/actuator/health/readiness", "}}/api",
                "include \"parley.serviceUrl\" (dict \"root\" $ \"key\" \"gateway\")", "--fail",
                "app.kubernetes.io/component: helm-test", "runAsNonRoot: true", "readOnlyRootFilesystem: true");
        // the gateway's NetworkPolicy admits that pod
        assertThat(Chart.render(null).get("NetworkPolicy", "parley-gateway").toString())
            .contains("component=helm-test");
    }

    @Test
    void everyCiValuesFileIsNamedForItsVariant() {
        assertThat(Chart.ciValuesFiles()).extracting(f -> f.getFileName().toString())
            .containsExactlyInAnyOrder("default-values.yaml", "external-redis-kafka-tls-values.yaml",
                    "coturn-values.yaml", "gateway-api-values.yaml", "janus-values.yaml",
                    "two-signaling-replicas-values.yaml", "monitoring-values.yaml");
    }

    private static boolean exists(Map<String, Object> values, String dottedPath) {
        Object current = values;
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return false;
            }
            current = map.get(step);
        }
        return true;
    }

}
