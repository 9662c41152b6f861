package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.parley.recording.RecordingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording from capture folder to finished files, in a work folder: janus-pp-rec per
 * .mjr (VP8/VP9 to WebM, Opus to Opus), ffprobe for each file's length, the start offsets
 * from the .mjr headers (the first packet's wall-clock time, the earliest track being the
 * recording's start), then {@link GridLayout}'s ffmpeg run and ffprobe for the result's
 * duration. Blocking: runs on a worker thread, and an interrupt kills the tool under way.
 */
class RecordingProcessor {

    private static final Logger log = LoggerFactory.getLogger(RecordingProcessor.class);

    /**
     * Janus closes a publisher's files a moment after the stop reached signaling: the
     * capture may outlast the host's stop by that much.
     */
    static final double STOP_SLACK_SECONDS = 1;

    private final RecordingProperties properties;

    private final MediaTools tools;

    RecordingProcessor(RecordingProperties properties) {
        this.properties = properties;
        this.tools = new MediaTools(properties);
    }

    /** What a finished job publishes. */
    record Result(Path composed, List<Path> participantFiles, double durationSeconds) {
    }

    private record Converted(Path file, boolean video, long firstPacketMicros, double duration) {
    }

    /**
     * @param recordedSeconds how long the recording ran by the host's start and stop, or
     * null: the file is never longer (by more than {@link #STOP_SLACK_SECONDS}), whatever
     * a stream's timestamps claim
     */
    Result process(String recordingId, Path capture, Path work, Double recordedSeconds)
            throws ProcessingException, InterruptedException {
        List<CaptureFiles.Track> tracks;
        try {
            Files.createDirectories(work);
            tracks = CaptureFiles.tracks(capture);
        }
        catch (IOException ex) {
            throw new ProcessingException("the capture files could not be read", ex);
        }
        Path toolLog = work.resolve("tool.log");
        List<Converted> converted = new ArrayList<>();
        for (CaptureFiles.Track track : tracks) {
            try {
                convert(recordingId, track, work, toolLog).ifPresent(converted::add);
            }
            catch (ProcessingException ex) {
                // one unreadable stream (a publisher that sent nothing usable) must not
                // cost
                // everyone else's
                log.warn("Recording {}: {} could not be converted: {}", recordingId, track.file().getFileName(),
                        ex.getMessage());
            }
        }
        if (converted.isEmpty()) {
            throw new ProcessingException("nothing was recorded");
        }
        long start = converted.stream().mapToLong(Converted::firstPacketMicros).min().orElseThrow();
        double captured = converted.stream()
            .mapToDouble(file -> offset(file, start) + file.duration())
            .max()
            .orElseThrow();
        double duration = (recordedSeconds != null && recordedSeconds > 0)
                ? Math.min(captured, recordedSeconds + STOP_SLACK_SECONDS) : captured;
        log.info("Recording {}: {} streams span {} s (recorded for {} s), composing {} s", recordingId,
                converted.size(), Math.round(captured), recordedSeconds, Math.round(duration));
        List<GridLayout.Input> videos = inputs(converted, true, start);
        List<GridLayout.Input> audios = inputs(converted, false, start);
        Path composed = work.resolve(recordingId + ".webm");
        GridLayout.Canvas canvas = new GridLayout.Canvas(properties.width(), properties.height(),
                properties.frameRate(), properties.videoBitrate());
        Tools.run(GridLayout.command(properties.ffmpeg(), videos, audios, duration, canvas, composed),
                work.resolve("ffmpeg.log"), tools.timeout());
        double result = tools.duration(composed, toolLog);
        return new Result(composed, converted.stream().map(Converted::file).toList(), result);
    }

    private Optional<Converted> convert(String recordingId, CaptureFiles.Track track, Path work, Path toolLog)
            throws ProcessingException, InterruptedException {
        MediaTools.Header header = tools.header(track.file(), toolLog);
        String extension = MediaTools.extension(header.codec());
        if (extension.isEmpty() || header.firstPacketMicros() <= 0) {
            log.warn("Recording {}: skipping {} (codec '{}')", recordingId, track.file().getFileName(), header.codec());
            return Optional.empty();
        }
        Path target = work.resolve(track.baseName() + "." + extension);
        tools.convert(track.file(), target, toolLog);
        return Optional
            .of(new Converted(target, track.video(), header.firstPacketMicros(), tools.duration(target, toolLog)));
    }

    private static List<GridLayout.Input> inputs(List<Converted> files, boolean video, long start) {
        return files.stream()
            .filter(file -> file.video() == video)
            .sorted(Comparator.comparingLong(Converted::firstPacketMicros))
            .map(file -> new GridLayout.Input(file.file(), offset(file, start)))
            .toList();
    }

    private static double offset(Converted file, long start) {
        return (file.firstPacketMicros() - start) / 1_000_000.0;
    }

}
