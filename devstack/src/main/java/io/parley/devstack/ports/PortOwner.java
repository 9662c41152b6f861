package io.parley.devstack.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Best effort: which process listens on a port, so a "port in use" message can say "by
 * pid 3106 (redis-server ...)" instead of sending the developer to {@code ss -ltnp}.
 * Linux only (it reads {@code /proc/net/tcp*} and the fd links of processes it may see);
 * anywhere else, or without permission to see the holder, it finds nothing and the
 * message falls back to the usual culprit.
 */
final class PortOwner {

    private static final String LISTEN = "0A";

    private static final int MAX_COMMAND_CHARS = 100;

    private PortOwner() {
    }

    static Optional<String> find(int port) {
        try {
            Set<String> inodes = listeningSocketInodes(port);
            if (inodes.isEmpty()) {
                return Optional.empty();
            }
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    if (holdsSocket(process, inodes)) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        return Optional.of("pid " + pid + commandOf(pid));
                    }
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // no /proc, or not allowed to look: the caller says what usually holds the
            // port instead
        }
        return Optional.empty();
    }

    /**
     * Lines look like
     * {@code 0: 0100007F:18EB 00000000:0000 0A ... uid timeout inode ...}.
     */
    private static Set<String> listeningSocketInodes(int port) throws IOException {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals(LISTEN)) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // another user's process, or it just exited
        }
        return false;
    }

    private static String commandOf(long pid) {
        return ProcessHandle.of(pid)
            .flatMap(handle -> handle.info().commandLine())
            .map(command -> command.length() > MAX_COMMAND_CHARS ? command.substring(0, MAX_COMMAND_CHARS) + "..."
                    : command)
            .map(command -> " (" + command + ")")
            .orElse("");
    }

}
