package io.parley.recording.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.parley.recording.RecordingProperties;
import reactor.core.publisher.Mono;

/**
 * Where finished recordings are kept: {@link LocalRecordingStorage a local folder} or
 * {@link S3RecordingStorage an S3 bucket}. Either way a job writes into a local work
 * folder of its own claim ({@code <storage-dir>/<recordingId>/.work-<claimId>}) and then
 * {@link #publish publishes} the participants' files and, last, the composed file, so the
 * composed file is there only once everything is; a publish after a crashed attempt
 * replaces what that attempt left. {@link #publish}, {@link #delete} and
 * {@link #deleteCapture} block: callers run them off the event loops.
 */
public abstract sealed class RecordingStorage permits LocalRecordingStorage, S3RecordingStorage {

    static final String WORK_PREFIX = ".work-";

    private final Path root;

    private final Path capture;

    RecordingStorage(RecordingProperties properties) {
        this.root = properties.storageDir().toAbsolutePath();
        this.capture = properties.captureDir().toAbsolutePath();
    }

    /** The recording's local folder: its files in local storage, work folders in both. */
    public Path folder(String recordingId) {
        return root.resolve(recordingId);
    }

    /** Janus's capture folder of the recording, as this worker sees it. */
    public Path captureFolder(String recordingId) {
        return capture.resolve(recordingId);
    }

    /**
     * The work folder of one claim of a job, inside the recording's folder (so a local
     * publish is a rename); the processor creates it.
     */
    public Path workFolder(String recordingId, String claimId) {
        return folder(recordingId).resolve(WORK_PREFIX + claimId);
    }

    /**
     * Stores the participants' files and then the composed file from the work folder,
     * replacing what an earlier, interrupted attempt left, and removes the work folders.
     */
    public abstract void publish(String recordingId, Path work, List<Path> participantFiles, Path composed);

    /** Removes the recording's files and its capture folder, if this worker has one. */
    public abstract void delete(String recordingId);

    /** The composed file, to serve; empty when it is gone. */
    public abstract Mono<StoredFile> composed(String recordingId);

    /** Completes when the storage can be used; an error says why not. */
    public abstract Mono<Void> check();

    /** {@code local} or {@code s3}, for health details and logs. */
    public abstract String type();

    public void deleteCapture(String recordingId) {
        try {
            deleteTree(captureFolder(recordingId));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

}
