package io.parley.devstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;

/**
 * The Spring Boot jars the services run from:
 * {@code <module>/target/<module>-<version>.jar} in the checkout. The version is the
 * devstack's own (filtered into devstack.properties at build time), since the reactor
 * builds every module at one version.
 */
public record ServiceJars(Path root, String version) {

    public static ServiceJars in(Path root) {
        Properties build = new Properties();
        try (InputStream in = ServiceJars.class.getResourceAsStream("/io/parley/devstack/devstack.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        catch (IOException ex) {
            throw new DevstackException("cannot read the devstack's build information", ex);
        }
        return new ServiceJars(root, build.getProperty("parley.version", "0.1.0-SNAPSHOT"));
    }

    public Path jarOf(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    /**
     * Fails listing every missing jar, with the build command, before any process is
     * started.
     */
    public void requireAll(StackPlan plan) {
        List<Path> missing = plan.services()
            .stream()
            .map(ServiceInstance::module)
            .distinct()
            .map(this::jarOf)
            .filter(jar -> !Files.isRegularFile(jar))
            .toList();
        if (!missing.isEmpty()) {
            throw new DevstackException("the service jars are not built:\n"
                    + missing.stream().map(jar -> "  " + root.relativize(jar)).collect(Collectors.joining("\n"))
                    + "\nbuild them with `./mvnw -DskipTests install` (./parley up does that unless given --no-build)");
        }
    }
}
