package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/** Retention and the host's deletion remove the row and every file of a recording. */
class RetentionAndDeletionIT {

    private static final String DATABASE = "recordings_retention";

    @TempDir
    static Path dir;

    private static RunningRecordingService service;

    private static CatalogDatabase db;

    @BeforeAll
    static void start() {
        db = new CatalogDatabase(DATABASE);
        service = RunningRecordingService.start(DATABASE, dir, "--parley.recordings.retention=1h",
                "--parley.recordings.sweep-interval=500ms");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void recordingsPastRetentionAreDeletedWithTheirFilesAndYoungerOnesKept() throws IOException {
        String old = ready(Captures.meetingId(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        String young = ready(Captures.meetingId(), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(50));
        Path oldCapture = Files.createDirectories(service.captureDir().resolve(old));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.row(old).isEmpty());

        assertThat(service.storageDir().resolve(old)).doesNotExist();
        assertThat(oldCapture).doesNotExist();
        assertThat(db.row(young)).containsEntry("state", "ready");
        assertThat(service.storageDir().resolve(young).resolve(young + ".webm")).exists();
        assertThat(service.scrape())
            .contains("parley_recordings_deleted_total{application=\"recording-service\"," + "by=\"retention\"}");
    }

    @Test
    void theHostDeletesARecordingWithItsFiles() throws IOException {
        String meetingId = Captures.meetingId();
        String recordingId = ready(meetingId, OffsetDateTime.now(ZoneOffset.UTC));
        String token = TestTokens.host(meetingId, "p-host");

        service.client()
            .delete()
            .uri("/api/recordings/{id}", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isNoContent();

        assertThat(db.row(recordingId)).isEmpty();
        assertThat(service.storageDir().resolve(recordingId)).doesNotExist();
        service.client()
            .get()
            .uri("/api/recordings/{id}", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    private static String ready(String meetingId, OffsetDateTime startedAt) throws IOException {
        String recordingId = Captures.recordingId();
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, "
                        + "duration_seconds) values (?, ?, 'ready', ?, ?, 10)",
                recordingId, meetingId, startedAt, startedAt.plusSeconds(10));
        Path folder = Files.createDirectories(service.storageDir().resolve(recordingId));
        Files.write(folder.resolve(recordingId + ".webm"), new byte[1000]);
        Files.write(folder.resolve("phost-1-video-1.webm"), new byte[100]);
        return recordingId;
    }

}
