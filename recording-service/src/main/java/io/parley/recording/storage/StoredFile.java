package io.parley.recording.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.reactivestreams.Publisher;

/**
 * A finished recording's composed file, as the storage has it: a local file (served as a
 * resource, ranges and all) or an object read in byte ranges.
 */
public sealed interface StoredFile permits StoredFile.LocalFile, StoredFile.StoredObject {

    /** A file in the local storage folder. */
    record LocalFile(Path path) implements StoredFile {
    }

    /**
     * An object of {@code length} bytes that {@code reader} streams a part of; nothing is
     * read before the publisher is subscribed to.
     */
    record StoredObject(long length, RangeReader reader) implements StoredFile {
    }

    /** Reads the bytes from {@code first} to {@code last}, both included. */
    @FunctionalInterface
    interface RangeReader {

        Publisher<ByteBuffer> read(long first, long last);

    }

}
