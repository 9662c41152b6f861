package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.Probe;
import io.parley.recording.support.RecordingEvents;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/**
 * A real capture (ffmpeg's RTP in .mjr files, a host and a guest who joins two seconds
 * late) through the events, the worker, janus-pp-rec and ffmpeg, into one WebM that
 * ffprobe reads, served with range requests.
 */
class ProcessingIT {

    private static final String DATABASE = "recordings_processing";

    @TempDir
    static Path dir;

    private static RunningRecordingService service;

    private static RecordingEvents events;

    private static CatalogDatabase db;

    @BeforeAll
    static void start() {
        Captures.meeting();
        db = new CatalogDatabase(DATABASE);
        service = RunningRecordingService.start(DATABASE, dir, "--parley.recordings.max-attempts=2");
        events = new RecordingEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
    }

    @Test
    void aStoppedRecordingBecomesOneWebmWithEveryoneInItAndTheirOwnFiles() throws IOException {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now();
        events.started(meetingId, recordingId, startedAt, "acct-host", null);
        Path capture = Captures.copyMeeting(service.captureDir(), recordingId);
        events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(6));

        await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(db.value(recordingId, "state")));

        Path folder = service.storageDir().resolve(recordingId);
        Probe probe = Probe.of(folder.resolve(recordingId + ".webm"));
        assertThat(probe.streams()).containsExactlyInAnyOrder("video/vp8", "audio/opus");
        // the host stopped it six seconds in; Janus may close the files up to a second
        // later
        assertThat(probe.durationSeconds()).isCloseTo(Captures.MEETING_LENGTH.toSeconds(), within(1.5));
        // the guest joined two seconds in: their tile (the right one) is black before,
        // the test pattern after
        Path composed = folder.resolve(recordingId + ".webm");
        assertThat(Probe.rightHalfBrightness(composed, 1.0)).isLessThan(30);
        assertThat(Probe.rightHalfBrightness(composed, 4.0)).isGreaterThan(60);
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertThat(names).filteredOn(name -> name.startsWith("phost-") || name.startsWith("pguest-"))
                .hasSize(4)
                .anyMatch(name -> name.startsWith("pguest-") && name.endsWith("-video-1.webm"))
                .anyMatch(name -> name.startsWith("pguest-") && name.endsWith("-audio-0.opus"));
            assertThat(names).noneMatch(name -> name.startsWith(".work-"));
        }
        assertThat(capture).doesNotExist();
        assertThat((Double) db.value(recordingId, "duration_seconds")).isCloseTo(probe.durationSeconds(), within(0.01));

        String token = TestTokens.account("acct-host");
        service.client()
            .get()
            .uri("/api/recordings/{id}", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.state")
            .isEqualTo("ready")
            .jsonPath("$.url")
            .isEqualTo("/api/recordings/" + recordingId + "/file");
        long size = Files.size(folder.resolve(recordingId + ".webm"));
        byte[] part = service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .header(HttpHeaders.RANGE, "bytes=0-99")
            .exchange()
            .expectStatus()
            .isEqualTo(206)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-99/" + size)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
        assertThat(part).hasSize(100);

        String metrics = service.scrape();
        assertThat(metrics).contains("parley_recordings_processed_total")
            .contains("parley_recordings_processing_seconds_count");
    }

    @Test
    void aCaptureWithNothingInItFailsWithAReasonAfterTheAttempts() throws IOException {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now();
        events.started(meetingId, recordingId, startedAt, "acct-host", null);
        Path capture = Files.createDirectories(service.captureDir().resolve(recordingId));
        Files.write(capture.resolve("phost-1-video-1.mjr"), "MJR00002".getBytes());
        events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(6));

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(db.value(recordingId, "state")));

        assertThat(db.value(recordingId, "failure_reason")).isEqualTo("nothing was recorded");
        assertThat(db.value(recordingId, "attempts")).isEqualTo(2);
        assertThat(service.scrape()).contains(
                "parley_recordings_failures_total{application=\"recording-service\"," + "reason=\"gave-up\"} 1.0");
    }

}
