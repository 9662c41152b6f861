package io.parley.recording;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of recording-service ({@code parley.recordings.*}), each described with
 * its default in docs/recording.md.
 *
 * @param captureDir where this worker finds Janus's capture folders
 * ({@code <captureDir>/<recordingId>/*.mjr}); the Janus instance's recordings folder
 * @param storageDir where finished recordings are kept
 * ({@code <storageDir>/<recordingId>/<recordingId>.webm} and the participants' files)
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
@ConfigurationProperties("parley.recordings")
public record RecordingProperties(Path captureDir, Path storageDir, Duration retention, Duration lease,
        Duration settleTime, Duration pollInterval, int maxAttempts, Duration retryDelay, Duration sweepInterval,
        Duration captureTimeout, Duration toolTimeout, String janusPpRec, String ffmpeg, String ffprobe, int width,
        int height, int frameRate, int videoBitrate) {

    public RecordingProperties {
        captureDir = (captureDir != null) ? captureDir : Path.of(".parley/janus/captures");
        storageDir = (storageDir != null) ? storageDir : Path.of(".parley/recordings");
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

}
