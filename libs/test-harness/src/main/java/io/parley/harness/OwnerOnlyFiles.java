package io.parley.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold a secret: created readable and writable by their owner only before
 * anything is written, so the secret is never readable by others, not even briefly.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Writes the text, replacing the file; the path written. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot write " + file, ex);
        }
    }

}
