package io.parley.bench.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parley.harness.TempDirs;

/**
 * Direct messages end to end and ring latency (PEOPLE.md §7) on a real stack, beside the floor measured in the same
 * run: single-row INSERT commits per second on the same PostgreSQL at the same concurrency. See README.md.
 */
public final class MessagesBenchmark {

    private static final String PASSWORD = "benchmark password 1";

    private final List<Integer> levels = Arrays.stream(System.getProperty("bench.levels", "4,16,64").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("bench.duration", 15));
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private final Duration floorDuration = Duration.ofSeconds(Integer.getInteger("bench.floorDuration", 10));
    private final int callees = Integer.getInteger("bench.callees", 2);
    private final int calls = Integer.getInteger("bench.calls", 50);
    private final int ringWarmupCalls = Integer.getInteger("bench.ringWarmup", 5);
    private final int ringPauseMillis = Integer.getInteger("bench.ringPause", 250);
    private final Path root = Path.of(System.getProperty("bench.root", "../..")).toAbsolutePath().normalize();
    private final Path here = Path.of(System.getProperty("bench.dir", ".")).toAbsolutePath().normalize();
    private final Stack.Settings settings = new Stack.Settings(root, args("bench.gatewayArgs", ""),
            args("bench.peopleArgs", "--parley.people.calls.rings-per-minute=1000"),
            args("bench.meetingArgs", ""), args("bench.signalingArgs", ""));

    private final Cleanup cleanup = new Cleanup();

    public static void main(String[] args) throws Exception {
        new MessagesBenchmark().run();
        // Netty's and the harness's non-daemon threads would keep the JVM up
        System.exit(0);
    }

    private static List<String> args(String property, String always) {
        List<String> args = new ArrayList<>();
        for (String arg : (always + " " + System.getProperty(property, "")).trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        return args;
    }

    private void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::run, "bench-cleanup"));
        Report report = new Report(now(), Proc.loadAverage(), levels, duration, floorDuration, warmup, settings);
        Path work = Files.createTempDirectory("messages-bench-");
        cleanup.add(() -> TempDirs.deleteQuietly(work));
        try {
            log("load average at start: " + report.loadAtStart());
            long starting = System.nanoTime();
            Stack stack = Stack.start(work, cleanup, settings);
            log(String.format("stack ready after %.1f s: gateway %s, people-service %s, meeting-service %s, "
                    + "signaling %s and %s", (System.nanoTime() - starting) / 1e9, stack.gateway().baseUrl(),
                    stack.people().baseUrl(), stack.meeting().baseUrl(),
                    stack.signalingA().baseUrl(), stack.signalingB().baseUrl()));
            Floor floor = Floor.prepare(stack.postgres(), here.resolve("floor-schema.sql"),
                    here.resolve("floor-insert.sql"), work);
            PeopleClient people = new PeopleClient(stack.gateway().baseUrl(), stack.people().baseUrl());
            cleanup.add(people::close);
            Population population = new Population(people, stack, PASSWORD, cleanup);
            int conversations = levels.stream().mapToInt(Integer::intValue).max().orElseThrow();
            log("signing up " + (2 * conversations + 2 * callees) + " accounts, making contacts, opening sockets");
            MessageLoad messages = population.conversations(conversations);
            RingLoad rings = new RingLoad(people);
            List<RingLoad.Line> lines = population.lines(callees, rings);
            CpuMeter meter = new CpuMeter(stack);

            log("warm-up: " + warmup.toSeconds() + " s of messages at concurrency " + conversations);
            report.warmup(messages.run("warmup", conversations, warmup));
            rings.run(lines, ringWarmupCalls, ringPauseMillis);
            for (int level : levels) {
                log("floor: pgbench -c " + level + " for " + floorDuration.toSeconds() + " s");
                CpuMeter.Snapshot before = meter.snapshot();
                Floor.Result inserts = floor.run(level, floorDuration);
                CpuMeter.Usage floorUsage = before.since();
                log("messages: concurrency " + level + " for " + duration.toSeconds() + " s");
                before = meter.snapshot();
                MessageLoad.Result result = messages.run("c" + level, level, duration);
                report.level(inserts, floorUsage, result, before.since(), Proc.loadAverage());
                stack.requireAlive();
            }
            log("ring latency: " + callees + " callees x " + calls + " calls, " + RingLoad.DEVICES + " devices each");
            CpuMeter.Snapshot before = meter.snapshot();
            report.rings(rings.run(lines, calls, ringPauseMillis), before.since());
            stack.requireAlive();
            report.socketsEnded(population.unexpectedEnds());
            report.print(Proc.loadAverage());
        }
        finally {
            cleanup.run();
        }
    }

    static String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
