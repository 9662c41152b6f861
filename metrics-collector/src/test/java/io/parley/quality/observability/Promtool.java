package io.parley.quality.observability;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's {@code promtool}. A machine without it fails the tests with
 * instructions instead of skipping them: unchecked alert rules would ship silently.
 */
final class Promtool {

    static final String INSTALL_HINT = "promtool was not found on PATH. Install it (Debian/Ubuntu: "
            + "'sudo apt-get install -y prometheus', which provides /usr/bin/promtool; macOS: 'brew install prometheus') "
            + "or set PARLEY_PROMTOOL to its path.";

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("promtool did not finish within 60 s: %s", command);
            }
            return new Result(process.exitValue(), output);
        }
        catch (IOException ex) {
            return fail("Cannot run %s: %s", command, ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while running %s", command);
        }
    }

    static Path executable() {
        return find().orElseGet(() -> fail(INSTALL_HINT));
    }

    private static Optional<Path> find() {
        String configured = System.getenv("PARLEY_PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

}
