package io.parley.recording.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.parley.recording.RecordingProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The local folder of finished recordings:
 * {@code <storage-dir>/<recordingId>/<recordingId>.webm} and the participants' files
 * beside it. Publishing moves each file into place (an atomic rename on one file system),
 * the composed file last, so a reader never sees a half-written file.
 */
final class LocalRecordingStorage extends RecordingStorage {

    LocalRecordingStorage(RecordingProperties properties) {
        super(properties);
    }

    /** The composed recording. */
    Path file(String recordingId) {
        return folder(recordingId).resolve(recordingId + ".webm");
    }

    @Override
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

    @Override
    public void delete(String recordingId) {
        try {
            deleteTree(folder(recordingId));
            deleteTree(captureFolder(recordingId));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Mono<StoredFile> composed(String recordingId) {
        Path file = file(recordingId);
        return Mono.fromCallable(() -> Files.isRegularFile(file))
            .subscribeOn(Schedulers.boundedElastic())
            .filter(Boolean::booleanValue)
            .map(present -> new StoredFile.LocalFile(file));
    }

    @Override
    public Mono<Void> check() {
        return Mono.empty();
    }

    @Override
    public String type() {
        return "local";
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
