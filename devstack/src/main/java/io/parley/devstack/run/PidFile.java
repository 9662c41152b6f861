package io.parley.devstack.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.parley.devstack.DevstackException;

/**
 * {@code run/devstack.pid}: the launcher's pid alone on the first line (so
 * {@code kill $(head -1 ...)} works by hand), then one {@code name pid start-millis} line
 * per process, the launcher included. {@code down} uses the children when the launcher
 * itself is gone (killed with SIGKILL, say); the start time guards against a recycled
 * pid, so {@code down} never signals a stranger that happens to hold a recorded number.
 */
public final class PidFile {

    public static final String LAUNCHER = "launcher";

    private final Path path;

    private final List<Entry> entries = new ArrayList<>();

    private PidFile(Path path) {
        this.path = path;
    }

    public static PidFile at(Path path) {
        return new PidFile(path);
    }

    public Path path() {
        return path;
    }

    /**
     * Adds a process and rewrites the file at once, so a crash half-way through startup
     * still leaves a record.
     */
    public synchronized void record(String name, long pid) {
        entries.add(Entry.of(name, pid));
        write();
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        entries.stream()
            .filter(entry -> entry.name().equals(LAUNCHER))
            .findFirst()
            .ifPresent(launcher -> text.append(launcher.pid()).append('\n'));
        for (Entry entry : entries) {
            text.append(entry.name())
                .append(' ')
                .append(entry.pid())
                .append(' ')
                .append(entry.startedMillis())
                .append('\n');
        }
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ex) {
            throw new DevstackException("cannot write " + path + ": " + ex.getMessage(), ex);
        }
    }

    /** The recorded processes, launcher first; empty when there is no file. */
    public Optional<Contents> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            Entry launcher = null;
            List<Entry> children = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 3) {
                    continue;
                }
                Entry entry = new Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                if (entry.name().equals(LAUNCHER)) {
                    launcher = entry;
                }
                else {
                    children.add(entry);
                }
            }
            return launcher == null ? Optional.empty() : Optional.of(new Contents(launcher, children));
        }
        catch (IOException | NumberFormatException ex) {
            throw new DevstackException(
                    "cannot read " + path + " (" + ex.getMessage() + "); if no ./parley up is running, delete it", ex);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ex) {
            System.err.println("[devstack] could not delete " + path + ": " + ex.getMessage());
        }
    }

    public record Contents(Entry launcher, List<Entry> children) {
    }

    /** One recorded process. */
    public record Entry(String name, long pid, long startedMillis) {

        /**
         * Recorded start times and fresh ones come from the same clock reading, but allow
         * for rounding.
         */
        private static final long START_TOLERANCE_MILLIS = 1000;

        static Entry of(String name, long pid) {
            long started = ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().startInstant())
                .map(Instant::toEpochMilli)
                .orElse(0L);
            return new Entry(name, pid, started);
        }

        /**
         * The process, if it still runs and is the one recorded (not a later process
         * given the same pid).
         */
        public Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
        }

        private boolean sameStart(ProcessHandle handle) {
            if (startedMillis == 0) {
                return true;
            }
            return handle.info()
                .startInstant()
                .map(start -> Math.abs(start.toEpochMilli() - startedMillis) <= START_TOLERANCE_MILLIS)
                .orElse(true);
        }
    }

}
