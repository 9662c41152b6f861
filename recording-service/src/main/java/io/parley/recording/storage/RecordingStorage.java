package io.parley.recording.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.parley.recording.RecordingProperties;
import org.springframework.stereotype.Component;

/**
 * The local folder of finished recordings:
 * {@code <storage-dir>/<recordingId>/<recordingId>.webm} and the participants' files
 * beside it. A job writes into a work folder of its own and {@link #publish publishes} by
 * moving each file into place (an atomic rename on one file system), the composed file
 * last, so a reader never sees a half-written file. Blocking file work: callers run it
 * off the event loops.
 */
@Component
public class RecordingStorage {

    private static final String WORK_PREFIX = ".work-";

    private final Path root;

    private final Path capture;

    public RecordingStorage(RecordingProperties properties) {
        this.root = properties.storageDir().toAbsolutePath();
        this.capture = properties.captureDir().toAbsolutePath();
    }

    public Path folder(String recordingId) {
        return root.resolve(recordingId);
    }

    /** The composed recording. */
    public Path file(String recordingId) {
        return folder(recordingId).resolve(recordingId + ".webm");
    }

    /** Janus's capture folder of the recording, as this worker sees it. */
    public Path captureFolder(String recordingId) {
        return capture.resolve(recordingId);
    }

    /**
     * The work folder of one claim of a job, inside the recording's folder (so publishing
     * is a rename); the processor creates it.
     */
    public Path workFolder(String recordingId, String claimId) {
        return folder(recordingId).resolve(WORK_PREFIX + claimId);
    }

    /**
     * Moves the participants' files and then the composed file from the work folder into
     * the recording's folder, replacing what an earlier, interrupted attempt left, and
     * removes the work folders.
     */
    public void publish(String recordingId, Path work, List<Path> participantFiles, Path composed) {
        try {
            for (Path file : participantFiles) {
                move(file, folder(recordingId).resolve(file.getFileName()));
            }
            move(composed, file(recordingId));
            deleteTree(work);
            // what attempts that were killed left behind
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder(recordingId), WORK_PREFIX + "*")) {
                for (Path folder : stale) {
                    deleteTree(folder);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes the recording's files and its capture folder, if this worker has one. */
    public void delete(String recordingId) {
        try {
            deleteTree(folder(recordingId));
            deleteTree(captureFolder(recordingId));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
