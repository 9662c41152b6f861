package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestBucket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 storage whose bucket is missing: not configured, start-up fails and says so;
 * configured but not there, the instance runs and is not ready. (Apart from
 * {@link S3StorageIT}: an instance closed in this JVM takes the shared HTTP event loops
 * with it.)
 */
class S3BucketReadinessIT {

    private static final String DATABASE = "recordings_s3_readiness";

    @TempDir
    static Path dir;

    private static TestBucket bucket;

    @BeforeAll
    static void start() {
        new CatalogDatabase(DATABASE);
        bucket = TestBucket.create("parley-readiness");
    }

    @AfterAll
    static void stop() {
        bucket.close();
    }

    @Test
    void anInstanceWhoseBucketDoesNotExistIsNotReady() {
        try (RunningRecordingService unready = RunningRecordingService.launch(DATABASE, dir.resolve("unready"),
                bucket.settings("no-such-bucket", ""))) {
            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> unready.client()
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.recordingStorage.status")
                    .isEqualTo("DOWN")
                    .jsonPath("$.components.r2dbc.status")
                    .isEqualTo("UP"));
        }
    }

    @Test
    void s3StorageWithoutABucketFailsAtStartUpSayingWhy() {
        assertThatThrownBy(() -> RunningRecordingService.launch(DATABASE, dir.resolve("no-bucket"),
                "--parley.recordings.storage.type=s3"))
            .hasStackTraceContaining(
                    "parley.recordings.s3.bucket must be set when parley.recordings.storage.type is s3");
    }

}
