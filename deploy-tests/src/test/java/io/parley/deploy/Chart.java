package io.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders helm/parley through helm-java (a bundled helm 3, no binary needed) and parses
 * what comes out.
 */
final class Chart {

    /**
     * The repository root: set by the build (parley.root), or found upwards from the
     * working directory.
     */
    static final Path ROOT = findRoot();
    static final Path DIR = ROOT.resolve("helm/parley");
    static final Path CI_VALUES = DIR.resolve("ci");
    static final String RELEASE = "parley";
    static final String NAMESPACE = "parley";

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Chart() {
    }

    /**
     * Renders with the chart's defaults plus an optional values file (a path under ci/,
     * or null).
     */
    static Rendered render(Path valuesFile) {
        String cacheKey = valuesFile == null ? "<default>" : valuesFile.toString();
        return CACHE.computeIfAbsent(cacheKey, k -> render(valuesFile, command -> {
        }));
    }

    /**
     * Renders with extra --set style values applied on top of an optional values file.
     */
    static Rendered render(Path valuesFile, Consumer<TemplateCommand> customizer) {
        FakeApiServer.ensureStarted();
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        customizer.accept(command);
        return Rendered.parse(command.call());
    }

    /**
     * Renders with a values file written from YAML text (for the schema and edge-case
     * tests).
     */
    static Rendered renderWithValues(String valuesYaml) {
        try {
            Path file = Files.createTempFile("parley-values-", ".yaml");
            try {
                Files.writeString(file, valuesYaml);
                return render(file, command -> {
                });
            }
            finally {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(CI_VALUES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path ciValues(String name) {
        Path file = CI_VALUES.resolve(name + "-values.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }

    static Map<String, Object> defaultValues() {
        return Yamls.loadMap(DIR.resolve("values.yaml"));
    }

    private static Path findRoot() {
        String configured = System.getProperty("parley.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("helm/parley/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no helm/parley/Chart.yaml above " + start.toAbsolutePath());
    }

    /** The objects of one rendering. */
    record Rendered(String yaml, List<Map<String, Object>> objects) {

        static Rendered parse(String yaml) {
            Yaml parser = Yamls.parser();
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : parser.loadAll(yaml)) {
                if (document instanceof Map<?, ?> map && !map.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) map;
                    objects.add(object);
                }
            }
            return new Rendered(yaml, List.copyOf(objects));
        }

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> get(String kind, String name) {
            return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(Yamls.at(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + "; rendered: " + names()));
        }

        boolean has(String kind, String name) {
            return objects.stream()
                .anyMatch(o -> kind.equals(o.get("kind")) && name.equals(Yamls.at(o, "metadata.name")));
        }

        List<String> names() {
            return objects.stream().map(o -> o.get("kind") + "/" + Yamls.at(o, "metadata.name")).toList();
        }

        /** The first container of a Deployment. */
        Map<String, Object> container(String deployment) {
            List<Map<String, Object>> containers = Yamls.list(get("Deployment", deployment),
                    "spec.template.spec.containers");
            return Objects.requireNonNull(containers.get(0));
        }

        /**
         * The environment a Deployment's container sees: env entries with a value, plus
         * its ConfigMaps' data.
         */
        Map<String, String> environment(String deployment) {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            Map<String, Object> container = container(deployment);
            for (Map<String, Object> from : Yamls.list(container, "envFrom")) {
                Object configMap = Yamls.at(from, "configMapRef.name");
                if (configMap != null) {
                    Map<String, Object> data = Yamls.map(get("ConfigMap", configMap.toString()), "data");
                    data.forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
            }
            for (Map<String, Object> entry : Yamls.list(container, "env")) {
                Object value = entry.containsKey("value") ? entry.get("value")
                        : "<from " + entry.get("valueFrom") + ">";
                env.put(entry.get("name").toString(), String.valueOf(value));
            }
            return env;
        }
    }

}
