package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process's finished children (janus-pp-rec, ffprobe, ffmpeg), user plus
 * system, from {@code /proc/self/stat}'s {@code cutime} and {@code cstime}: the kernel adds a
 * child's CPU there when it is waited for, which {@link Process#waitFor()} does, so the
 * difference across a run is exactly what that run's tools used.
 */
final class ChildCpu {

    private ChildCpu() {
    }

    static double seconds(long ticksPerSecond) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name, in parentheses, may hold spaces: count fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long cutime = Long.parseLong(fields[13]);
            long cstime = Long.parseLong(fields[14]);
            return (cutime + cstime) / (double) ticksPerSecond;
        }
        catch (IOException ex) {
            throw new IllegalStateException("/proc/self/stat is unreadable (Linux only)", ex);
        }
    }

}
