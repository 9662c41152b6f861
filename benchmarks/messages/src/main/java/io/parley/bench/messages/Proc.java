package io.parley.bench.messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** CPU time from /proc: of a process, of a process with its children, of a JVM's threads by name, of the machine. */
final class Proc {

    static final long TICKS_PER_SECOND = clockTicks();

    /** Thread name prefixes (as /proc shows them: at most 15 characters) and the group each counts to. */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("GC Thread", "GC");
        GROUPS.put("G1 ", "GC");
        GROUPS.put("C1 CompilerThre", "JIT");
        GROUPS.put("C2 CompilerThre", "JIT");
        GROUPS.put("reactor-http", "HTTP");
        GROUPS.put("reactor-tcp", "R2DBC");
        GROUPS.put("lettuce", "Redis client");
        GROUPS.put("kafka-producer", "Kafka producer");
        GROUPS.put("org.springframe", "Kafka consumer");
        GROUPS.put("kafka", "Kafka clients");
        GROUPS.put("boundedElastic", "boundedElastic");
        GROUPS.put("parallel", "parallel");
    }

    private Proc() {
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        }
        catch (IOException | RuntimeException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static double seconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    /** utime + stime (with cutime + cstime: the children it waited for) from a stat file; 0 when it is gone. */
    private static long ticks(Path stat, boolean withChildren) {
        try {
            String text = Files.readString(stat);
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        }
        catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long process(long pid) {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"), false);
    }

    /** A process with its descendants now, and the children it has waited for (PostgreSQL's backends). */
    static long tree(long pid) {
        long own = ticks(Path.of("/proc", String.valueOf(pid), "stat"), true);
        return own + ProcessHandle.of(pid).map(handle -> handle.descendants()
            .mapToLong(child -> ticks(Path.of("/proc", String.valueOf(child.pid()), "stat"), true)).sum()).orElse(0L);
    }

    /** Ticks so far per thread id, with each thread's group. */
    record ThreadTicks(String group, long ticks) {
    }

    static Map<Long, ThreadTicks> threads(long pid) {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTicks(group(name), ticks(task.resolve("stat"), false)));
                }
                catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        }
        catch (IOException gone) {
            // the process ended
        }
        return threads;
    }

    private static String group(String threadName) {
        return GROUPS.entrySet().stream().filter(entry -> threadName.startsWith(entry.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse("other");
    }

    /** CPU seconds per group between two snapshots; a thread started meanwhile counts from zero. */
    static Map<String, Double> byGroup(Map<Long, ThreadTicks> before, Map<Long, ThreadTicks> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((tid, now) -> {
            ThreadTicks then = before.get(tid);
            groups.merge(now.group(), seconds(now.ticks() - (then == null ? 0 : then.ticks())), Double::sum);
        });
        return groups;
    }

    /** {busy, total} ticks of all CPUs, from the first line of /proc/stat. */
    static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] { total - idle, total };
        }
        catch (IOException ex) {
            return new long[] { 0, 0 };
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }
}
