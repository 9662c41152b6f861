package io.parley.devstack.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.parley.devstack.DevstackException;
import io.parley.harness.ChildProcess;
import io.parley.harness.TempDirs;

/**
 * Runs each service from an unpacked copy of its jar under {@code apps/} in the data
 * directory, with a class-data-sharing (AppCDS) archive of the classes its previous run
 * loaded. On the 2-core machine this was measured on, a service needed about 9
 * CPU-seconds to become ready from the Spring Boot fat jar, about 8 unpacked, and about 5
 * unpacked with the archive (docs/devstack.md); with five services starting together that
 * is most of the wait. The copy has a second use: rebuilding the jars while the stack
 * runs cannot pull classes out from under the running services (a replaced fat jar makes
 * their next lazy class load fail).
 * <p>
 * JDK 17 cannot create an archive on the fly at startup, so the first run after a jar
 * changed records one when the service exits ({@code -XX:ArchiveClassesAtExit}, written
 * as {@code .jsa.new}); only after a clean stop is it renamed into place, so a crash
 * never leaves a half-written archive behind. Everything is keyed by a fingerprint of the
 * jar's contents (entry names and CRCs), not its timestamp, so rebuilding without changes
 * keeps the cache.
 */
public final class AppCache {

    private static final String SOURCE_FILE = ".source";

    private final Path dir;

    private final List<String> jvmOptions;

    public AppCache(Path dir, List<String> jvmOptions) {
        this.dir = dir;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Unpacks the jar unless the unpacked copy is of the same contents; falls back to the
     * fat jar on failure.
     */
    public PreparedApp prepare(String module, Path fatJar) {
        String fingerprint = fingerprint(fatJar);
        Path unpacked = dir.resolve(module);
        Path jar = unpacked.resolve(fatJar.getFileName());
        try {
            if (!fingerprint.equals(read(unpacked.resolve(SOURCE_FILE))) || !Files.isRegularFile(jar)) {
                // a fresh copy has new file times, which the old archive no longer
                // matches
                Files.deleteIfExists(dir.resolve(module + ".jsa"));
                Files.deleteIfExists(dir.resolve(module + ".jsa.key"));
                unpack(fatJar, unpacked);
                Files.writeString(unpacked.resolve(SOURCE_FILE), fingerprint, StandardCharsets.UTF_8);
            }
        }
        catch (IOException | DevstackException ex) {
            System.out
                .println("[devstack] running " + module + " from its fat jar; unpacking it failed: " + ex.getMessage());
            return new PreparedApp(fatJar, null, null, null);
        }
        // the archive is only valid for these exact jars, this JVM build and these flags
        String archiveKey = fingerprint + "\n" + System.getProperty("java.vm.version") + "\n"
                + System.getProperty("java.home") + "\n" + String.join(" ", jvmOptions);
        return new PreparedApp(jar, dir.resolve(module + ".jsa"), dir.resolve(module + ".jsa.key"), archiveKey);
    }

    private static void unpack(Path fatJar, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        TempDirs.deleteQuietly(partial);
        TempDirs.deleteQuietly(target);
        // Spring Boot's own tool writes the layout it supports: the application jar plus
        // lib/, linked by Class-Path
        Process extract = new ProcessBuilder(ChildProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", fatJar.toString(), "extract", "--destination",
                partial.toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new DevstackException(
                        "`java -Djarmode=tools -jar " + fatJar + " extract` failed: " + output.strip());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while unpacking " + fatJar, ex);
        }
        Files.move(partial, target);
    }

    /**
     * A digest of the jar's central directory: cheap to read, and it changes exactly when
     * a class or lib does.
     */
    static String fingerprint(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                digest.update((entry.getName() + ' ' + entry.getCrc() + ' ' + entry.getSize() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException ex) {
            throw new DevstackException("cannot read " + jar + " (" + ex.getMessage() + "); rebuild it", ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            return "";
        }
    }

    /**
     * The jar to run and the archive that belongs to it. {@code archive} is null when
     * unpacking failed and the service runs from its fat jar, where an archive cannot
     * help (classes from nested jars are not archived).
     */
    public record PreparedApp(Path jar, Path archive, Path archiveKeyFile, String archiveKey) {

        /**
         * Use the archive when it matches; otherwise let the first instance record one at
         * exit. Further instances of the same module (signaling-service-2, ...) must not
         * write the same file at the same time.
         */
        public List<String> cdsOptions(boolean recordIfMissing) {
            if (archive == null) {
                return List.of();
            }
            // CDS explains every class it cannot archive at warning level; that is noise
            // in a service's log
            String quiet = "-Xlog:cds*=off";
            if (Files.isRegularFile(archive) && archiveKey.equals(read(archiveKeyFile))) {
                return List.of("-XX:SharedArchiveFile=" + archive, quiet);
            }
            return recordIfMissing ? List.of("-XX:ArchiveClassesAtExit=" + pendingArchive(), quiet) : List.of();
        }

        /**
         * After a clean exit: the archive recorded on the way out becomes the one the
         * next start uses.
         */
        public void keepRecordedArchive() {
            Path pending = pendingArchive();
            if (pending == null || !Files.isRegularFile(pending)) {
                return;
            }
            try {
                Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(archiveKeyFile, archiveKey, StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                System.out
                    .println("[devstack] could not keep the class-data archive " + archive + ": " + ex.getMessage());
            }
        }

        /**
         * A recorded archive that was not kept (the service crashed, or was killed) must
         * not be trusted.
         */
        public void discardRecordedArchive() {
            Path pending = pendingArchive();
            if (pending != null) {
                try {
                    Files.deleteIfExists(pending);
                }
                catch (IOException ignored) {
                    // overwritten by the next recording anyway
                }
            }
        }

        private Path pendingArchive() {
            return archive == null ? null : archive.resolveSibling(archive.getFileName() + ".new");
        }
    }

}
