package io.parley.recording;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of recording-service ({@code parley.recordings.*}), each described with
 * its default in docs/recording.md.
 *
 * @param captureDir where this worker finds Janus's capture folders
 * ({@code <captureDir>/<recordingId>/*.mjr}); the Janus instance's recordings folder
 * @param storageDir where finished recordings are kept
 * ({@code <storageDir>/<recordingId>/<recordingId>.webm} and the participants' files) in
 * local storage; with S3 only the work folders of jobs under way are there
 * @param storage where finished recordings are kept: the local folder (default) or S3
 * @param s3 the S3 bucket when {@code storage.type} is {@code s3}
 * @param retention how long a recording is kept after it started (30 days)
 * @param lease how long a claimed job stays with its worker without a renewal
 * @param settleTime how long the capture files must be unchanged before processing starts
 * (Janus closes them just after the stop)
 * @param pollInterval how often the worker looks for jobs
 * @param maxAttempts processing attempts before a recording is given up as failed
 * @param retryDelay the wait before a failed attempt is tried again
 * @param sweepInterval how often recordings past retention are deleted
 * @param captureTimeout how long a stopped recording may wait for a worker that has its
 * capture folder before it is {@code failed} (nobody published while it ran, or its Janus
 * host is gone)
 * @param toolTimeout the longest one janus-pp-rec, ffmpeg or ffprobe run may take
 * @param janusPpRec the janus-pp-rec executable
 * @param ffmpeg the ffmpeg executable
 * @param ffprobe the ffprobe executable
 * @param width width of the composed video
 * @param height height of the composed video
 * @param frameRate frames per second of the composed video
 * @param videoBitrate bitrate of the composed VP8 video, in kbit/s
 */
@Validated
@ConfigurationProperties("parley.recordings")
public record RecordingProperties(Path captureDir, Path storageDir, @Valid Storage storage, @Valid S3 s3,
        Duration retention, Duration lease, Duration settleTime, Duration pollInterval, int maxAttempts,
        Duration retryDelay, Duration sweepInterval, Duration captureTimeout, Duration toolTimeout, String janusPpRec,
        String ffmpeg, String ffprobe, int width, int height, int frameRate, int videoBitrate) {

    public RecordingProperties {
        captureDir = (captureDir != null) ? captureDir : Path.of(".parley/janus/captures");
        storageDir = (storageDir != null) ? storageDir : Path.of(".parley/recordings");
        storage = (storage != null) ? storage : new Storage(null);
        s3 = (s3 != null) ? s3 : new S3(null, null, null, null, null, false, null);
        retention = (retention != null) ? retention : Duration.ofDays(30);
        lease = (lease != null) ? lease : Duration.ofSeconds(60);
        settleTime = (settleTime != null) ? settleTime : Duration.ofSeconds(3);
        pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(2);
        maxAttempts = (maxAttempts > 0) ? maxAttempts : 3;
        retryDelay = (retryDelay != null) ? retryDelay : Duration.ofSeconds(30);
        sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofHours(1);
        captureTimeout = (captureTimeout != null) ? captureTimeout : Duration.ofHours(1);
        toolTimeout = (toolTimeout != null) ? toolTimeout : Duration.ofHours(2);
        janusPpRec = (janusPpRec != null) ? janusPpRec : "janus-pp-rec";
        ffmpeg = (ffmpeg != null) ? ffmpeg : "ffmpeg";
        ffprobe = (ffprobe != null) ? ffprobe : "ffprobe";
        width = (width > 0) ? width : 1280;
        height = (height > 0) ? height : 720;
        frameRate = (frameRate > 0) ? frameRate : 25;
        videoBitrate = (videoBitrate > 0) ? videoBitrate : 1500;
    }

    @AssertTrue(message = "parley.recordings.s3.bucket must be set when parley.recordings.storage.type is s3")
    public boolean isBucketSetForS3() {
        return storage.type() != StorageType.S3 || !s3.bucket().isBlank();
    }

    /** Where finished recordings are kept. */
    public enum StorageType {

        /** {@code storage-dir}, a folder every instance sees. */
        LOCAL,

        /** An S3 bucket (AWS or any S3-compatible object storage). */
        S3

    }

    /**
     * The kind of storage.
     *
     * @param type {@code local} (default) or {@code s3}
     */
    public record Storage(StorageType type) {

        public Storage {
            type = (type != null) ? type : StorageType.LOCAL;
        }

    }

    /**
     * The S3 bucket of finished recordings: each recording's files are the objects
     * {@code <prefix><recordingId>/<file>}.
     *
     * @param endpoint the S3 API's address, for S3-compatible storage (MinIO, Ceph, a
     * cloud's S3 interface); default none: AWS's endpoint of {@code region}
     * @param region the bucket's region (default {@code us-east-1}; S3-compatible storage
     * usually accepts any)
     * @param bucket the bucket, which must exist (required with {@code storage.type} s3)
     * @param accessKey the access key id; default none: the AWS SDK's default credentials
     * chain (environment, web identity token, container or instance profile)
     * @param secretKey the secret access key that goes with {@code accessKey}
     * @param pathStyleAccess address the bucket as {@code <endpoint>/<bucket>} rather
     * than {@code <bucket>.<endpoint>} (default false; most S3-compatible servers need
     * true)
     * @param prefix what every object key starts with (default none), e.g.
     * {@code recordings/}
     */
    public record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey,
            boolean pathStyleAccess, String prefix) {

        public S3 {
            region = (region != null && !region.isBlank()) ? region : "us-east-1";
            bucket = (bucket != null) ? bucket.strip() : "";
            accessKey = (accessKey != null) ? accessKey : "";
            secretKey = (secretKey != null) ? secretKey : "";
            prefix = (prefix != null) ? prefix : "";
        }

        /** True when the keys are set here rather than taken from the default chain. */
        public boolean hasKeys() {
            return !accessKey.isBlank();
        }

        @AssertTrue(message = "parley.recordings.s3.access-key and secret-key are set together, or neither")
        public boolean isKeyPairComplete() {
            return accessKey.isBlank() == secretKey.isBlank();
        }

        @AssertTrue(message = "parley.recordings.s3.endpoint must be an http or https URL")
        public boolean isEndpointHttp() {
            return endpoint == null || (endpoint.getHost() != null && endpoint.getScheme() != null
                    && endpoint.getScheme().toLowerCase(Locale.ROOT).matches("https?"));
        }

        @AssertTrue(message = "parley.recordings.s3.prefix must not start with '/'")
        public boolean isPrefixRelative() {
            return !prefix.startsWith("/");
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey.isEmpty() ? "" : "******") + ", pathStyleAccess=" + pathStyleAccess
                    + ", prefix=" + prefix + "]";
        }

    }

}
