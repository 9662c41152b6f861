package io.parley.devstack.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Resident set size of a process, the figure the platform's "< 250 MB idle" bar is about.
 * Read from {@code /proc/PID/status}, so only on Linux; elsewhere the report shows "n/a"
 * rather than guessing. Also the CPU time a process used, which the JDK knows on every
 * platform.
 */
public final class ProcessStats {

    private ProcessStats() {
    }

    public static OptionalLong residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS: 187364 kB"
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        }
        catch (IOException | NumberFormatException | SecurityException ex) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    /**
     * CPU time the process has used so far. With several JVMs starting on a few cores,
     * time to ready mostly measures how busy the machine was; CPU time is what each start
     * costs, whatever else runs.
     */
    public static String cpuTime(long pid) {
        return ProcessHandle.of(pid)
            .flatMap(process -> process.info().totalCpuDuration())
            .map(cpu -> String.format(Locale.ROOT, "%.1f s", cpu.toMillis() / 1000.0))
            .orElse("n/a");
    }

    public static String format(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%d MB", Math.round(bytes.getAsLong() / 1048576.0))
                : "n/a";
    }

}
