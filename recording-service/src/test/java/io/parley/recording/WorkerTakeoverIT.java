package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.Probe;
import io.parley.recording.support.RunningRecordingService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that dies mid-job: its lease runs out and the job is taken again and finished
 * exactly once; a lease that is still running is left alone.
 */
class WorkerTakeoverIT {

    private static final String DATABASE = "recordings_takeover";

    @TempDir
    static Path dir;

    private static CatalogDatabase db;

    @BeforeAll
    static void capture() {
        Captures.meeting();
        db = new CatalogDatabase(DATABASE);
    }

    @Test
    void aJobWhoseLeaseRanOutIsTakenAgainAndFinishedOnceWhileALiveLeaseIsLeftAlone() {
        String dead = Captures.recordingId();
        String alive = Captures.recordingId();
        try (RunningRecordingService service = RunningRecordingService.start(DATABASE, dir.resolve("a"))) {
            claimed(dead, "worker-that-died", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            claimed(alive, "worker-still-busy", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
            Captures.copyMeeting(service.captureDir(), dead);
            Captures.copyMeeting(service.captureDir(), alive);

            await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(db.value(dead, "state")));

            assertThat(db.row(dead)).containsEntry("attempts", 2).containsEntry("claim_id", null);
            assertThat(service.storageDir().resolve(dead).resolve(dead + ".webm")).isNotEmptyFile();
            assertThat(service.scrape())
                .contains("parley_recordings_processed_total{application=\"recording-service\"} 1.0");
            assertThat(db.row(alive)).containsEntry("state", "processing")
                .containsEntry("claim_id", "worker-still-busy")
                .containsEntry("attempts", 1);
        }
    }

    @Test
    void aWorkerStoppedDuringProcessingLeavesTheJobToTheNextWhichFinishesItOnce() throws IOException {
        String recordingId = Captures.recordingId();
        Path folder = dir.resolve("b");
        Path hangingFfmpeg = Files.createDirectories(folder).resolve("ffmpeg-that-hangs");
        Files.writeString(hangingFfmpeg, "#!/bin/sh\nexec sleep 600\n");
        Files.setPosixFilePermissions(hangingFfmpeg, PosixFilePermissions.fromString("rwx------"));
        RunningRecordingService first = RunningRecordingService.start(DATABASE, folder,
                "--parley.recordings.ffmpeg=" + hangingFfmpeg, "--parley.recordings.lease=3s");
        db.execute("insert into recording (recording_id, meeting_id, state, started_at, stopped_at) "
                + "values (?, 'abcd-efgh-ijkl', 'processing', now(), now())", recordingId);
        Captures.copyMeeting(first.captureDir(), recordingId);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.value(recordingId, "claim_id") != null);
        first.close();
        assertThat(db.row(recordingId)).containsEntry("state", "processing").containsEntry("attempts", 1);

        try (RunningRecordingService second = RunningRecordingService.start(DATABASE, folder,
                "--parley.recordings.lease=3s")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(db.value(recordingId, "state")));
            assertThat(db.row(recordingId)).containsEntry("attempts", 2);
            assertThat(second.scrape())
                .contains("parley_recordings_processed_total{application=\"recording-service\"} 1.0");
            Path file = second.storageDir().resolve(recordingId).resolve(recordingId + ".webm");
            assertThat(Probe.of(file).streams()).containsExactlyInAnyOrder("video/vp8", "audio/opus");
        }
    }

    private static void claimed(String recordingId, String claimId, OffsetDateTime leaseUntil) {
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, claim_id, "
                        + "lease_until, attempts) values (?, 'abcd-efgh-ijkl', 'processing', ?, ?, ?, ?, 1)",
                recordingId, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), OffsetDateTime.now(ZoneOffset.UTC),
                claimId, leaseUntil);
    }

}
