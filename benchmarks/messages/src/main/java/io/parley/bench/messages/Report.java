package io.parley.bench.messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what the run measured and prints it: one table per bar, then where the CPU went. */
final class Report {

    private static final double BAR_RATE = 2000;
    private static final double BAR_MESSAGE_P99 = 100;
    private static final double BAR_RING_P99 = 300;
    private static final List<String> PEOPLE_GROUPS = List.of("HTTP", "R2DBC", "Kafka producer", "Redis client", "GC",
            "JIT", "boundedElastic", "parallel");
    private static final List<String> GATEWAY_GROUPS = List.of("HTTP", "Redis client", "GC", "JIT", "parallel");
    private static final List<String> SIGNALING_GROUPS = List.of("HTTP", "Kafka consumer", "Redis client", "GC",
            "JIT");

    private record Level(Floor.Result floor, CpuMeter.Usage floorUsage, MessageLoad.Result messages,
            CpuMeter.Usage usage, String load) {
    }

    private final String startedAt;
    private final String loadAtStart;
    private final List<Integer> levels;
    private final Duration duration;
    private final Duration floorDuration;
    private final Duration warmup;
    private final Stack.Settings settings;
    private final List<Level> results = new ArrayList<>();
    private MessageLoad.Result warmupResult;
    private RingLoad.Result rings;
    private CpuMeter.Usage ringUsage;
    private List<String> socketsEnded = List.of();

    Report(String startedAt, String loadAtStart, List<Integer> levels, Duration duration, Duration floorDuration,
            Duration warmup, Stack.Settings settings) {
        this.startedAt = startedAt;
        this.loadAtStart = loadAtStart;
        this.levels = levels;
        this.duration = duration;
        this.floorDuration = floorDuration;
        this.warmup = warmup;
        this.settings = settings;
    }

    String loadAtStart() {
        return loadAtStart;
    }

    void warmup(MessageLoad.Result result) {
        warmupResult = result;
    }

    void level(Floor.Result floor, CpuMeter.Usage floorUsage, MessageLoad.Result messages, CpuMeter.Usage usage,
            String load) {
        results.add(new Level(floor, floorUsage, messages, usage, load));
    }

    void rings(RingLoad.Result result, CpuMeter.Usage usage) {
        rings = result;
        ringUsage = usage;
    }

    void socketsEnded(List<String> ended) {
        socketsEnded = ended;
    }

    void print(String loadAtEnd) {
        int cores = Runtime.getRuntime().availableProcessors();
        out("");
        out("direct messages and ring latency, %s: concurrency %s, %d s each after %d s of warm-up; floor %d s each; "
                + "%d cores", startedAt, levels, duration.toSeconds(), warmup.toSeconds(), floorDuration.toSeconds(),
                cores);
        out("load average (1/5/15 min): %s at start, %s at the end", loadAtStart, loadAtEnd);
        out("service arguments beyond addresses: gateway %s; people-service %s; meeting-service %s; signaling %s",
                settings.gatewayArgs(), settings.peopleArgs(), settings.meetingArgs(), settings.signalingArgs());
        out("warm-up: %d sent, %d answered 201, %.0f delivered/s, p99 %.1f ms, %d lost, %d duplicated",
                warmupResult.sent(), warmupResult.acknowledged(), warmupResult.deliveredPerSecond(),
                warmupResult.endToEnd().percentileMs(99), warmupResult.lost(), warmupResult.duplicates());
        out("");
        out("direct messages: sender's device on signaling-a, recipient's on signaling-b; closed loop (each client "
                + "sends its next message after the 201)");
        out("%-11s | %-26s | %-26s | %-43s | %s", "", "floor: INSERT commits", "people-service: 201 answers",
                "end to end: send -> recipient's socket", "");
        out("%-11s | %8s %8s %8s | %8s %8s %8s | %8s %8s %8s %7s %7s | %s", "concurrency", "per s", "p50 ms", "p99 ms",
                "per s", "p50 ms", "p99 ms", "msg/s", "p50 ms", "p99 ms", "lost", "dup", "e2e/floor");
        for (Level level : results) {
            MessageLoad.Result m = level.messages();
            Floor.Result f = level.floor();
            out("%11d | %8.0f %8.2f %8.2f | %8.0f %8.1f %8.1f | %8.0f %8.1f %8.1f %7d %7d | %.1f%%", m.concurrency(),
                    f.tps(), f.latency().percentileMs(50), f.latency().percentileMs(99), m.answeredPerSecond(),
                    m.http().percentileMs(50), m.http().percentileMs(99), m.deliveredPerSecond(),
                    m.endToEnd().percentileMs(50), m.endToEnd().percentileMs(99), m.lost(), m.duplicates(),
                    100 * m.deliveredPerSecond() / f.tps());
        }
        out("bar (PEOPLE.md §7): >= %,.0f msg/s at p99 < %.0f ms, 0 lost, 0 duplicated: %s", BAR_RATE,
                BAR_MESSAGE_P99, messageVerdict());
        headline();
        out("");
        for (Level level : results) {
            details(level, cores);
        }
        printRings(cores);
        out("");
        out(socketsEnded.isEmpty() ? "every user socket stayed open to the end"
                : "user sockets that ended before the benchmark closed them: " + socketsEnded);
    }

    /** Issue 20's headline: the best end-to-end rate as a share of the floor at the same concurrency. */
    private void headline() {
        results.stream().max((a, b) -> Double.compare(a.messages().deliveredPerSecond(),
                b.messages().deliveredPerSecond())).ifPresent(best -> out(
                        "headline: %.0f msg/s end to end at concurrency %d = %.1f%% of the floor's %.0f INSERT "
                                + "commits/s at the same concurrency", best.messages().deliveredPerSecond(),
                        best.messages().concurrency(), 100 * best.messages().deliveredPerSecond()
                                / best.floor().tps(), best.floor().tps()));
    }

    private String messageVerdict() {
        for (Level level : results) {
            MessageLoad.Result m = level.messages();
            if (m.deliveredPerSecond() >= BAR_RATE && m.endToEnd().percentileMs(99) < BAR_MESSAGE_P99 && m.lost() == 0
                    && m.duplicates() == 0) {
                return "met at concurrency " + m.concurrency();
            }
        }
        return "NOT met at any concurrency measured";
    }

    private void details(Level level, int cores) {
        MessageLoad.Result m = level.messages();
        CpuMeter.Usage u = level.usage();
        long messages = Math.max(1, m.acknowledged());
        out("concurrency %d: %d sent, %d answered 201%s; %.1f s window, drained %.1f s after it; load average %s",
                m.concurrency(), m.sent(), m.acknowledged(), m.statuses().isEmpty() ? "" : ", others by status "
                        + m.statuses() + " (0 = no answer)", m.seconds(), m.drainSeconds(), level.load());
        out("  after the 201 to the recipient's socket (outbox relay, Kafka, signaling, Redis): p50 %.1f ms, p99 %.1f "
                + "ms; sender's own device: p99 %.1f ms, %d never came", m.delivery().percentileMs(50),
                m.delivery().percentileMs(99), m.echo().percentileMs(99), m.lostEchoes());
        out("  lost %d, duplicated %d, second messages for one clientMessageId %d, delivered without a 201 %d, "
                + "frames for unknown messages %d", m.lost(), m.duplicates(), m.secondMessages(),
                m.unacknowledgedDelivered(), m.unknown());
        out("  CPU per message, ms (over the window and the drain, per 201): %s; all %.2f -> %.0f msg/s if the %d "
                + "cores were this path's alone", perMessage(u, messages), 1e3 * u.ours() / messages,
                cores * messages / u.ours(), cores);
        out("    gateway by thread: %s", groups(u.threads().get("gateway"), GATEWAY_GROUPS, messages));
        out("    people-service by thread: %s", groups(u.threads().get("people-service"), PEOPLE_GROUPS, messages));
        out("    signaling-a by thread: %s", groups(u.threads().get("signaling-a"), SIGNALING_GROUPS, messages));
        out("    signaling-b by thread: %s", groups(u.threads().get("signaling-b"), SIGNALING_GROUPS, messages));
        out("  machine: %s", machine(u, cores, 0));
        Floor.Result f = level.floor();
        CpuMeter.Usage fu = level.floorUsage();
        long inserts = Math.max(1, f.transactions());
        out("  floor: %d inserts, %d failed; CPU per insert, ms: PostgreSQL %.3f, pgbench %.3f; machine: %s",
                f.transactions(), f.failed(), 1e3 * fu.of(CpuMeter.POSTGRES) / inserts, 1e3 * f.cpuSeconds() / inserts,
                machine(fu, cores, f.cpuSeconds()));
        out("  floor command: %s", f.command());
        out("");
    }

    private void printRings(int cores) {
        RingLoad.Result r = rings;
        out("ring latency: %d calls (%d callees side by side, one call at a time each), %d devices per callee on both "
                + "signaling instances", r.calls(), r.callees(), RingLoad.DEVICES);
        out("%-62s %6s %9s %9s %9s", "", "n", "p50 ms", "p99 ms", "max ms");
        row("call-ringing on every device, from POST .../calls", r.ringAll());
        row("  each device", r.ringEach());
        row("call-ended 'answered' on the other devices, from POST answer", r.stopAll());
        row("  each device", r.stopEach());
        row("POST /api/contacts/{id}/calls answered (meeting created)", r.startHttp());
        row("POST /api/calls/{id}/answer answered (meeting joined)", r.answerHttp());
        out("missing after 10 s: %d rings, %d stops; stops with another reason: %d; failures: %s", r.missingRings(),
                r.missingStops(), r.wrongReasons(), r.failures().isEmpty() ? "none" : r.failures());
        boolean met = r.ringAll().percentileMs(99) < BAR_RING_P99 && r.stopAll().percentileMs(99) < BAR_RING_P99
                && r.missingRings() == 0 && r.missingStops() == 0 && r.wrongReasons() == 0 && r.failures().isEmpty();
        out("bar (PEOPLE.md §7): every device rings < %.0f ms p99, the others stop < %.0f ms p99 after an answer: %s",
                BAR_RING_P99, BAR_RING_P99, met ? "met" : "NOT met");
        long calls = Math.max(1, r.calls());
        out("  CPU per call, ms: %s", perMessage(ringUsage, calls));
        out("  machine: %s", machine(ringUsage, cores, 0));
    }

    private void row(String what, Samples samples) {
        out("%-62s %6d %9.1f %9.1f %9.1f", what, samples.count(), samples.percentileMs(50), samples.percentileMs(99),
                samples.maxMs());
    }

    private static String perMessage(CpuMeter.Usage usage, long count) {
        StringBuilder text = new StringBuilder();
        usage.processes().forEach((name, seconds) -> text.append(text.isEmpty() ? "" : ", ")
            .append(String.format("%s %.3f", name, 1e3 * seconds / count)));
        return text.toString();
    }

    private static String groups(Map<String, Double> threads, List<String> names, long count) {
        if (threads == null) {
            return "n/a";
        }
        StringBuilder text = new StringBuilder();
        double named = 0;
        for (String name : names) {
            double seconds = threads.getOrDefault(name, 0.0);
            named += seconds;
            text.append(String.format("%s %.3f, ", name, 1e3 * seconds / count));
        }
        double all = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        return text.append(String.format("other %.3f", 1e3 * (all - named) / count)).toString();
    }

    /** {@code extra}: CPU seconds of a process of the benchmark the meter does not see (pgbench). */
    private static String machine(CpuMeter.Usage usage, int cores, double extra) {
        double wallCores = usage.machineTotal() / cores;
        if (wallCores <= 0) {
            return "n/a";
        }
        return String.format("%.2f of %d cores busy over %.1f s; the benchmark's processes %.2f, everything else %.2f",
                usage.machineBusy() / wallCores, cores, usage.wallSeconds(), (usage.ours() + extra) / wallCores,
                Math.max(0, usage.machineBusy() - usage.ours() - extra) / wallCores);
    }

    private static void out(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
