package io.parley.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Small helpers to walk parsed YAML (maps and lists) by dotted paths. */
final class Yamls {

    private Yamls() {
    }

    /**
     * A safe parser that refuses duplicate keys (a duplicated label is a template bug).
     */
    static Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> loadMap(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = parser().load(reader);
            return loaded == null ? Map.of() : (Map<String, Object>) loaded;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Map<String, Object>> loadAll(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(yaml)) {
            if (document instanceof Map<?, ?> map && !map.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                documents.add(object);
            }
        }
        return documents;
    }

    /**
     * The value at a dotted path ("spec.template.metadata"), or null when any step is
     * missing.
     */
    static Object at(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object value = at(root, path);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

}
