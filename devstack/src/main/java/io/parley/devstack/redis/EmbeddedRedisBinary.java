package io.parley.devstack.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.parley.devstack.DevstackException;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The redis-server binaries inside the embedded-redis jar
 * ({@code /redis-server-6.2.6-v5-linux-amd64} and siblings). The library's own table maps
 * OS and CPU to the resource, so a newer jar with other binaries needs no change here.
 * The binary is copied out once into the data directory (a jar entry cannot be executed)
 * under its versioned name, so upgrading the jar extracts the new one next to the old.
 */
final class EmbeddedRedisBinary {

    private EmbeddedRedisBinary() {
    }

    static Path extractTo(Path binDir) {
        String resource = resourceForThisMachine();
        Path target = binDir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream binary = ExecutableProvider.class.getResourceAsStream(resource)) {
            if (binary == null) {
                throw new DevstackException("the embedded-redis jar has no " + resource + "; install redis-server");
            }
            Files.createDirectories(binDir);
            // copy, then rename: an interrupted copy must not leave a truncated binary
            // that looks usable
            Path partial = Files.createTempFile(binDir, "redis-server", ".partial");
            Files.copy(binary, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true, true)) {
                throw new DevstackException("cannot make " + partial + " executable; install redis-server instead");
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
        catch (IOException ex) {
            throw new DevstackException("cannot extract the bundled redis-server to " + binDir + ": " + ex.getMessage()
                    + "; install redis-server (Debian/Ubuntu: `sudo apt-get install -y redis-server`, "
                    + "macOS: `brew install redis`)", ex);
        }
    }

    private static String resourceForThisMachine() {
        String machine = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        try {
            String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
            if (resource != null) {
                return resource;
            }
        }
        catch (RuntimeException ex) {
            // detection failed (an OS the library does not know): same advice as a
            // missing binary
        }
        throw new DevstackException("embedded-redis bundles no redis-server for " + machine + " and none is installed: "
                + "install redis-server (Debian/Ubuntu: `sudo apt-get install -y redis-server`, macOS: "
                + "`brew install redis`) or set PARLEY_REDIS_SERVER to its path");
    }

}
