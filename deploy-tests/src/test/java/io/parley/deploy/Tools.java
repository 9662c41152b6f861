package io.parley.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * External tools the deploy tests need. A missing tool fails the test with how to install
 * it; nothing is skipped.
 */
final class Tools {

    /**
     * output is standard output followed by standard error; stdout alone is what a YAML
     * consumer parses.
     */
    record Result(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
        }
    }

    private Tools() {
    }

    static Path kubectl() {
        return require("kubectl", """
                kubectl is needed to render the kustomize overlays under k8s/ (`kubectl kustomize`). Install it:
                  Debian/Ubuntu: apt-get install kubernetes-client   (or Google's/Kubernetes' kubectl package)
                  macOS:         brew install kubectl
                .ci/run installs it when it is missing.""");
    }

    static Path promtool() {
        return require("promtool", """
                promtool is needed to check the chart's Prometheus rules. Install it:
                  Debian/Ubuntu: apt-get install prometheus
                  macOS:         brew install prometheus
                .ci/run installs it when it is missing.""");
    }

    static Path janus() {
        return require("janus", """
                janus (Janus WebRTC Server 1.1) is needed to start Janus from the chart's configuration. Install it:
                  Debian/Ubuntu: apt-get install janus   (then: systemctl disable --now janus)
                .ci/run installs it when it is missing.""");
    }

    static Result run(Path tool, List<String> arguments, Path workingDirectory) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(arguments);
        try {
            Path stderr = Files.createTempFile("parley-tool-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectError(stderr.toFile())
                    .start();
                process.getOutputStream().close();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8),
                        Files.readString(stderr));
            }
            finally {
                Files.deleteIfExists(stderr);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Path require(String name, String howToInstall) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(File.pathSeparator)));
        dirs.add("/usr/bin");
        dirs.add("/usr/local/bin");
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " was not found on the PATH.\n" + howToInstall);
    }

}
