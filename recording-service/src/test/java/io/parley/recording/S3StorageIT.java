package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.parley.recording.storage.RecordingStorage;
import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.Probe;
import io.parley.recording.support.RecordingEvents;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestBucket;
import io.parley.recording.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

/**
 * Recordings kept in an S3 bucket on a real S3 server (s3proxy): processing publishes
 * into the bucket, the file endpoint streams the object with ranges, and deletion and
 * retention remove every object. {@link S3BucketReadinessIT}: an instance without its
 * bucket.
 */
class S3StorageIT {

    private static final String DATABASE = "recordings_s3";

    private static final String PREFIX = "recordings/";

    @TempDir
    static Path dir;

    private static TestBucket bucket;

    private static RunningRecordingService service;

    private static RecordingEvents events;

    private static CatalogDatabase db;

    @BeforeAll
    static void start() {
        Captures.meeting();
        db = new CatalogDatabase(DATABASE);
        bucket = TestBucket.create("parley-recordings");
        String[] s3 = bucket.settings(PREFIX);
        String[] args = Arrays.copyOf(s3, s3.length + 2);
        args[s3.length] = "--parley.recordings.retention=1h";
        args[s3.length + 1] = "--parley.recordings.sweep-interval=500ms";
        service = RunningRecordingService.start(DATABASE, dir.resolve("main"), args);
        events = new RecordingEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
        bucket.close();
    }

    @Test
    void aProcessedRecordingLandsInTheBucketAndNothingStaysInTheLocalFolder() throws IOException {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now();
        events.started(meetingId, recordingId, startedAt, "acct-host", null);
        Path capture = Captures.copyMeeting(service.captureDir(), recordingId);
        events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(6));

        await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(db.value(recordingId, "state")));

        String composed = PREFIX + recordingId + "/" + recordingId + ".webm";
        List<String> keys = bucket.keys(PREFIX + recordingId + "/");
        assertThat(keys).contains(composed)
            .hasSize(5)
            .anyMatch(key -> key.startsWith(PREFIX + recordingId + "/pguest-") && key.endsWith("-video-1.webm"))
            .anyMatch(key -> key.startsWith(PREFIX + recordingId + "/phost-") && key.endsWith("-audio-0.opus"));
        assertThat(service.storageDir().resolve(recordingId)).doesNotExist();
        assertThat(capture).doesNotExist();
        Path downloaded = Files.write(dir.resolve(recordingId + ".webm"), bucket.read(composed));
        assertThat(Probe.of(downloaded).streams()).containsExactlyInAnyOrder("video/vp8", "audio/opus");

        byte[] served = service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.account("acct-host"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
        assertThat(served).isEqualTo(Files.readAllBytes(downloaded));
    }

    @Test
    void theFileEndpointStreamsTheObjectWholeOrInTheRangeAskedFor() {
        String meetingId = Captures.meetingId();
        String recordingId = ready(meetingId, OffsetDateTime.now(ZoneOffset.UTC));
        byte[] content = bucket.read(PREFIX + recordingId + "/" + recordingId + ".webm");
        String token = "Bearer " + TestTokens.host(meetingId, "p-host");

        byte[] whole = service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("video/webm")
            .expectHeader()
            .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
            .expectHeader()
            .contentLength(content.length)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
        assertThat(whole).isEqualTo(content);

        byte[] part = service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, token)
            .header(HttpHeaders.RANGE, "bytes=1000-1999")
            .exchange()
            .expectStatus()
            .isEqualTo(206)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + content.length)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
        assertThat(part).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));

        byte[] tail = service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, token)
            .header(HttpHeaders.RANGE, "bytes=-100")
            .exchange()
            .expectStatus()
            .isEqualTo(206)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_RANGE,
                    "bytes " + (content.length - 100) + "-" + (content.length - 1) + "/" + content.length)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(content, content.length - 100, content.length));

        service.client()
            .head()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentLength(content.length)
            .expectBody()
            .isEmpty();

        service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, token)
            .header(HttpHeaders.RANGE, "bytes=" + content.length + "-")
            .exchange()
            .expectStatus()
            .isEqualTo(416)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + content.length);
    }

    @Test
    void aReadyRecordingWhoseObjectIsMissingAnswersThatTheFileIsGone() {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, "
                        + "duration_seconds) values (?, ?, 'ready', ?, ?, 10)",
                recordingId, meetingId, startedAt, startedAt.plusSeconds(10));

        service.client()
            .get()
            .uri("/api/recordings/{id}/file", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.host(meetingId, "p-host"))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The recording's file is gone.");
    }

    @Test
    void theHostsDeletionRemovesEveryObjectOfTheRecordingAndNoOther() {
        String meetingId = Captures.meetingId();
        String recordingId = ready(meetingId, OffsetDateTime.now(ZoneOffset.UTC));
        String other = ready(Captures.meetingId(), OffsetDateTime.now(ZoneOffset.UTC));

        service.client()
            .delete()
            .uri("/api/recordings/{id}", recordingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.host(meetingId, "p-host"))
            .exchange()
            .expectStatus()
            .isNoContent();

        assertThat(db.row(recordingId)).isEmpty();
        assertThat(bucket.keys(PREFIX + recordingId + "/")).isEmpty();
        assertThat(bucket.keys(PREFIX + other + "/")).hasSize(2);
    }

    @Test
    void theRetentionSweepRemovesEveryObjectOfAnOldRecording() {
        String old = ready(Captures.meetingId(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        String young = ready(Captures.meetingId(), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(50));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.row(old).isEmpty());

        assertThat(bucket.keys(PREFIX + old + "/")).isEmpty();
        assertThat(bucket.keys(PREFIX + young + "/")).hasSize(2);
    }

    @Test
    void aLargeFileGoesUpInPartsAndComesBackWhole() throws IOException {
        String recordingId = Captures.recordingId();
        RecordingStorage storage = service.bean(RecordingStorage.class);
        Path work = Files.createDirectories(storage.workFolder(recordingId, "large"));
        byte[] large = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(large);
        Path participant = Files.write(work.resolve("phost-1-video-1.webm"), large);
        Path composed = Files.write(work.resolve(recordingId + ".webm"), new byte[] { 1, 2, 3 });

        storage.publish(recordingId, work, List.of(participant), composed);

        assertThat(bucket.read(PREFIX + recordingId + "/phost-1-video-1.webm")).isEqualTo(large);
        assertThat(storage.folder(recordingId)).doesNotExist();
    }

    /**
     * A ready recording whose composed file and one participant's file are in the bucket.
     */
    private static String ready(String meetingId, OffsetDateTime startedAt) {
        String recordingId = Captures.recordingId();
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, "
                        + "duration_seconds) values (?, ?, 'ready', ?, ?, 10)",
                recordingId, meetingId, startedAt, startedAt.plusSeconds(10));
        byte[] composed = new byte[64 * 1024];
        new Random(recordingId.hashCode()).nextBytes(composed);
        bucket.put(PREFIX + recordingId + "/" + recordingId + ".webm", composed);
        bucket.put(PREFIX + recordingId + "/phost-1-video-1.webm", new byte[100]);
        return recordingId;
    }

}
