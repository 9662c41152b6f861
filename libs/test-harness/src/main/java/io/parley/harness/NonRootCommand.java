package io.parley.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.security.auth.module.UnixSystem;

/**
 * {@code initdb} and {@code postgres} refuse to run as root, and build machines and
 * containers often are root. Run by root, a command is therefore started in a new user
 * namespace in which root is mapped to {@code nobody}
 * ({@code unshare --user --map-user=65534 --map-group=65534}, util-linux): PostgreSQL
 * sees an ordinary user that owns its data directory, while to the kernel the process is
 * still the caller, so it reads binaries and data wherever root can (a cache under
 * {@code /root}, a checkout anywhere) and everything it writes stays root's to delete.
 * The alternative, switching to a real unprivileged user with {@code setpriv} or
 * {@code runuser}, would need every data directory handed over to that user and every
 * directory above it, and above the binaries, opened to it. Anyone else runs the command
 * as it is.
 */
final class NonRootCommand {

    private static final String NOBODY = "65534";

    private NonRootCommand() {
    }

    static List<String> of(List<String> command) {
        if (new UnixSystem().getUid() != 0) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(
                List.of(unshare().toString(), "--user", "--map-user=" + NOBODY, "--map-group=" + NOBODY, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Path unshare() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "unshare");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new HarnessException("PostgreSQL refuses to run as root, and running it as nobody needs unshare, "
                + "which is not on PATH: install util-linux ('apt-get install -y util-linux') or run as another user");
    }

}
