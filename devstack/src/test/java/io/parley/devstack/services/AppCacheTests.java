package io.parley.devstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCacheTests {

    @TempDir
    Path dir;

    @Test
    void fingerprintFollowsTheContentsNotTheTimestamps() throws IOException {
        Path jar = dir.resolve("app.jar");
        writeJar(jar, "class bytes", Instant.parse("2026-01-01T00:00:00Z"));
        String first = AppCache.fingerprint(jar);

        writeJar(jar, "class bytes", Instant.parse("2026-06-01T00:00:00Z"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-06-02T00:00:00Z")));
        assertThat(AppCache.fingerprint(jar)).as("rebuilt, same contents").isEqualTo(first);

        writeJar(jar, "changed class bytes", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(AppCache.fingerprint(jar)).as("changed contents").isNotEqualTo(first);
    }

    @Test
    void anArchiveIsRecordedOnceThenUsedUntilItsKeyChanges() throws IOException {
        Path archive = dir.resolve("svc.jsa");
        Path key = dir.resolve("svc.jsa.key");
        AppCache.PreparedApp app = new AppCache.PreparedApp(dir.resolve("svc.jar"), archive, key, "v1");

        assertThat(app.cdsOptions(true)).first().isEqualTo("-XX:ArchiveClassesAtExit=" + archive + ".new");
        assertThat(app.cdsOptions(false)).as("a second instance does not record").isEmpty();

        Files.writeString(dir.resolve("svc.jsa.new"), "archive");
        app.keepRecordedArchive();
        assertThat(app.cdsOptions(false)).first().isEqualTo("-XX:SharedArchiveFile=" + archive);

        AppCache.PreparedApp rebuilt = new AppCache.PreparedApp(dir.resolve("svc.jar"), archive, key, "v2");
        assertThat(rebuilt.cdsOptions(true)).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void anArchiveRecordedByAProcessThatDidNotStopCleanlyIsDropped() throws IOException {
        Path archive = dir.resolve("svc.jsa");
        AppCache.PreparedApp app = new AppCache.PreparedApp(dir.resolve("svc.jar"), archive, dir.resolve("svc.jsa.key"),
                "v1");
        Files.writeString(dir.resolve("svc.jsa.new"), "maybe truncated");

        app.discardRecordedArchive();

        assertThat(dir.resolve("svc.jsa.new")).doesNotExist();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aFatJarRunHasNoArchive() {
        AppCache.PreparedApp fat = new AppCache.PreparedApp(dir.resolve("svc.jar"), null, null, null);

        assertThat(fat.cdsOptions(true)).isEmpty();
        fat.keepRecordedArchive();
        fat.discardRecordedArchive();
    }

    private static void writeJar(Path jar, String content, Instant entryTime) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            ZipEntry entry = new ZipEntry("io/parley/App.class");
            entry.setLastModifiedTime(FileTime.from(entryTime));
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

}
