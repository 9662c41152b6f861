package io.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.TempDirs;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Sign-ins per second through people-service ({@code POST /api/session}, driven by wrk at a fixed concurrency) and
 * what share of the service's CPU its Argon2id hash takes (PEOPLE.md §7), beside the floor measured in the same run:
 * the same encoder at the same parameters verifying in a plain loop on 2 threads of this JVM, the most sign-ins a
 * second two cores could do if nothing else cost anything.
 * <p>
 * The hash's share is the service's own timer {@code parley.people.password.hash} (wall time of each hash on its
 * hashing thread) over the service process's CPU time ({@code /proc/<pid>/stat}), both as deltas over the measured
 * run. A hash runs on one thread, so its wall time is its CPU time as long as that thread is not preempted; the CPU
 * time of the service's {@code argon2-*} threads is printed beside it as a check.
 */
public final class PeopleSignInBenchmark {

    static final String PASSWORD = "benchmark password 1";
    static final String EMAIL_PREFIX = "bench-";
    private static final String HASH_METRIC = "parley.people.password.hash";
    private static final String HASHING_PREFIX = "argon2-";
    private static final String HASHING = "hashing";
    private static final String OTHER = "other";
    /** Thread name prefixes (as /proc shows them: at most 15 characters) and the group each counts to. */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();
    private static final List<String> GROUP_ORDER = List.of(HASHING, "GC", "JIT", "HTTP", "R2DBC", "Redis client",
            "Kafka clients", OTHER);

    static {
        GROUPS.put(HASHING_PREFIX, HASHING);
        GROUPS.put("GC Thread", "GC");
        GROUPS.put("G1 ", "GC");
        GROUPS.put("C1 CompilerThre", "JIT");
        GROUPS.put("C2 CompilerThre", "JIT");
        GROUPS.put("reactor-http", "HTTP");
        GROUPS.put("reactor-tcp", "R2DBC");
        GROUPS.put("lettuce", "Redis client");
        GROUPS.put("kafka", "Kafka clients");
    }

    private final int concurrency = Integer.getInteger("bench.concurrency", 8);
    private final int accounts = Integer.getInteger("bench.accounts", 200);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 10);
    private final int durationSeconds = Integer.getInteger("bench.duration", 20);
    private final int floorThreads = Integer.getInteger("bench.floorThreads", 2);
    private final int floorWarmupSeconds = Integer.getInteger("bench.floorWarmup", 5);
    private final Path serviceJar = Path.of(System.getProperty("bench.serviceJar"));
    private final Path wrkScript = Path.of(System.getProperty("bench.wrkScript"));

    private final Cleanup cleanup = new Cleanup();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long ticksPerSecond = clockTicks();

    public static void main(String[] args) throws Exception {
        new PeopleSignInBenchmark().run();
    }

    private void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::run, "bench-cleanup"));
        String loadAtStart = loadAverage();
        String startedAt = now();
        Path work = Files.createTempDirectory("people-bench-");
        cleanup.add(() -> TempDirs.deleteQuietly(work));
        try {
            log("load average at start: " + loadAtStart);
            PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(work.resolve("postgres"));
            cleanup.add(postgres::close);
            postgres.createDatabase("people");
            RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"));
            cleanup.add(redis::close);
            KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"));
            cleanup.add(kafka::close);

            int port = Ports.freePort();
            Path serviceLog = work.resolve("service.log");
            Process service = startService(port, postgres, redis, kafka, work.resolve("tokens"), serviceLog);
            cleanup.add(() -> stop(service));
            awaitReady(port, service, serviceLog);
            String base = "http://127.0.0.1:" + port;

            log("signing up " + accounts + " accounts");
            signUp(base);
            log("warm-up: wrk -c " + concurrency + " -d " + warmupSeconds + "s");
            Wrk warmup = wrk(base, warmupSeconds);
            log("warm-up: " + Math.round(warmup.rate()) + " sign-ins/s, " + warmup.ok() + " of " + warmup.requests()
                    + " answered 200");

            String loadBefore = loadAverage();
            log("measuring the service: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            long serviceCpuBefore = processCpuTicks(service.pid());
            Map<Long, ThreadTicks> threadsBefore = threadTicks(service.pid());
            long postgresBefore = treeCpuTicks(postgres.pid().orElseThrow());
            long redisBefore = processCpuTicks(redis.pid().orElseThrow());
            long kafkaBefore = processCpuTicks(kafka.pid().orElseThrow());
            long[] machineBefore = machineTicks();
            double[] timerBefore = hashTimer(base);
            Wrk measured = wrk(base, durationSeconds);
            // the requests in flight when wrk stopped finish their hash: let them, so timer and CPU cover the same work
            Thread.sleep(1000);
            if (!service.isAlive()) {
                throw new IllegalStateException("people-service exited during the run:\n" + tail(serviceLog));
            }
            double[] timerAfter = hashTimer(base);
            long[] machineAfter = machineTicks();
            Usage usage = new Usage(seconds(processCpuTicks(service.pid()) - serviceCpuBefore),
                    byGroup(threadsBefore, threadTicks(service.pid())),
                    seconds(treeCpuTicks(postgres.pid().orElseThrow()) - postgresBefore),
                    seconds(processCpuTicks(redis.pid().orElseThrow()) - redisBefore),
                    seconds(processCpuTicks(kafka.pid().orElseThrow()) - kafkaBefore), measured.cpuSeconds(),
                    seconds(machineAfter[0] - machineBefore[0]), seconds(machineAfter[1] - machineBefore[1]),
                    (long) (timerAfter[0] - timerBefore[0]), timerAfter[1] - timerBefore[1]);
            String loadAfter = loadAverage();

            stop(service);
            log("floor: Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).matches on " + floorThreads + " threads, "
                    + floorWarmupSeconds + " s warm-up, " + durationSeconds + " s measured (the service has stopped)");
            Floor floor = floor();
            print(startedAt, loadAtStart, loadBefore, loadAfter, loadAverage(), measured, usage, floor);
        }
        finally {
            cleanup.run();
        }
    }

    // ---- the service

    private Process startService(int port, PostgresServerProcess postgres, RedisServerProcess redis,
            KafkaBrokerProcess kafka, Path tokens, Path log) throws IOException {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException("No service jar at " + serviceJar + ": build people-service first");
        }
        // a copy: the JVM reads classes from its jar as it goes, and a build in the same tree (other people work
        // there too) that rewrites the jar mid-run ends in NoClassDefFoundError on the service's threads
        Path jar = Files.copy(serviceJar, tokens.resolveSibling("people-service.jar"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "--server.port=" + port,
                "--spring.r2dbc.url=" + postgres.r2dbcUrl("people"), "--spring.r2dbc.username=" + postgres.username(),
                "--spring.flyway.url=" + postgres.jdbcUrl("people"), "--spring.flyway.user=" + postgres.username(),
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.people.tokens.data-dir=" + tokens,
                // every sign-in here succeeds, but the throttle must never be what is measured
                "--parley.people.throttle.address-failures=1000000", "--logging.level.root=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(int port, Process service, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("people-service exited with " + service.exitValue() + ":\n"
                        + tail(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("people-service was not ready within 120 s:\n" + tail(log));
    }

    /** Signs up every account, a few at a time (each is a hash), and fails unless every answer is 201. */
    private void signUp(String base) throws Exception {
        Semaphore inFlight = new Semaphore(4);
        AtomicLong failures = new AtomicLong();
        AtomicLong firstFailure = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int n = 0; n < accounts; n++) {
            inFlight.acquire();
            String body = String.format("{\"email\":\"%s%d@example.org\",\"displayName\":\"Bench %d\","
                    + "\"password\":\"%s\"}", EMAIL_PREFIX, n, n, PASSWORD);
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    inFlight.release();
                    if (error != null || response.statusCode() != 201) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(0, error != null ? -1 : response.statusCode());
                    }
                }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + accounts + " sign-ups failed (first: "
                    + (firstFailure.get() == -1 ? "no answer" : "HTTP " + firstFailure.get()) + ")");
        }
    }

    /** COUNT and TOTAL_TIME (seconds) of the service's hash timer. */
    private double[] hashTimer(String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/"
                + HASH_METRIC)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(HASH_METRIC + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return new double[] { statistic(response.body(), "COUNT"), statistic(response.body(), "TOTAL_TIME") };
    }

    private static double statistic(String json, String name) {
        return Double.parseDouble(find(json, "\"statistic\"\\s*:\\s*\"" + name + "\"\\s*,\\s*\"value\"\\s*:\\s*"
                + "([0-9.Ee+-]+)"));
    }

    // ---- wrk

    /** What wrk saw; {@code cpuSeconds} is wrk's own CPU time (bash's {@code times}). */
    record Wrk(String command, double rate, long requests, double p50Ms, double p99Ms, long ok, long unavailable,
            long throttled, long refused, long other, int firstOther, String socketErrors, double cpuSeconds) {

        long notOk() {
            return unavailable + throttled + refused + other;
        }
    }

    private Wrk wrk(String base, int seconds) throws Exception {
        // wrk's default timeout (2 s) would count a slow sign-in on a busy machine as an error; the figures are wrk's
        List<String> command = List.of("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--timeout", "30s",
                "--latency", "-s", wrkScript.toString(), base + "/api/session");
        List<String> timed = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "timed"));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true);
        builder.environment().putAll(Map.of("BENCH_ACCOUNTS", String.valueOf(accounts), "BENCH_PASSWORD", PASSWORD,
                "BENCH_EMAIL_PREFIX", EMAIL_PREFIX));
        Process process = builder.start();
        Runnable kill = () -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        };
        cleanup.add(kill);
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        Matcher errors = Pattern.compile("Socket errors: (.*)").matcher(output);
        return new Wrk(String.join(" ", command), Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)")),
                Long.parseLong(find(output, "(\\d+) requests in")), Long.parseLong(find(output, "p50_us=(\\d+)")) / 1e3,
                Long.parseLong(find(output, "p99_us=(\\d+)")) / 1e3, Long.parseLong(find(output, " ok=(\\d+)")),
                Long.parseLong(find(output, "unavailable=(\\d+)")), Long.parseLong(find(output, "throttled=(\\d+)")),
                Long.parseLong(find(output, "refused=(\\d+)")), Long.parseLong(find(output, " other=(\\d+)")),
                Integer.parseInt(find(output, "first_other=(\\d+)")), errors.find() ? errors.group(1).trim() : "none",
                childrenCpu(output));
    }

    /** The user + system time of the children in the output of bash's {@code times} (its last line). */
    private static double childrenCpu(String output) {
        List<String> lines = output.lines().toList();
        Matcher matcher = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s").matcher(lines.get(lines.size() - 1));
        if (!matcher.matches()) {
            throw new IllegalStateException("No CPU times at the end of:\n" + output);
        }
        return Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
                + Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
    }

    // ---- the floor

    /** Verifications on {@code floorThreads} threads: total, wall seconds, and the CPU seconds of those threads. */
    /** Also the machine's busy and total CPU seconds meanwhile (/proc/stat), to see what others took. */
    record Floor(long verifications, double wallSeconds, double cpuSeconds, double machineBusy,
            double machineTotal) {

        double rate() {
            return verifications / wallSeconds;
        }
    }

    private Floor floor() throws Exception {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        String hash = encoder.encode(PASSWORD);
        loop(encoder, hash, floorWarmupSeconds);
        long[] machineBefore = machineTicks();
        Floor measured = loop(encoder, hash, durationSeconds);
        long[] machineAfter = machineTicks();
        return new Floor(measured.verifications(), measured.wallSeconds(), measured.cpuSeconds(),
                seconds(machineAfter[0] - machineBefore[0]), seconds(machineAfter[1] - machineBefore[1]));
    }

    private Floor loop(Argon2PasswordEncoder encoder, String hash, int seconds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong verifications = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < floorThreads; t++) {
            Thread worker = new Thread(() -> {
                long cpuStart = threads.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    if (!encoder.matches(PASSWORD, hash)) {
                        failed.set(true);
                    }
                    verifications.incrementAndGet();
                }
                cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
            }, "argon2-floor-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (failed.get()) {
            throw new IllegalStateException("The floor's encoder did not match its own hash");
        }
        return new Floor(verifications.get(), wall, cpuNanos.get() / 1e9, 0, 0);
    }

    // ---- output

    /**
     * CPU seconds over the measured run: the service, and its threads by {@link #GROUPS}, PostgreSQL (server and
     * backends), Redis, the Kafka broker, wrk, and the whole machine (busy and in total, from /proc/stat); the hash
     * timer's deltas.
     */
    record Usage(double service, Map<String, Double> threads, double postgres, double redis, double kafka,
            double wrk, double machineBusy, double machineTotal, long hashes, double hashSeconds) {

        double hashThreads() {
            return threads.getOrDefault(HASHING, 0.0);
        }
    }

    private void print(String startedAt, String loadAtStart, String loadBefore, String loadAfter, String loadAtEnd,
            Wrk w, Usage u, Floor floor) {
        int cores = Runtime.getRuntime().availableProcessors();
        long signIns = Math.max(u.hashes(), 1);
        double cpuPerSignIn = u.service() / signIns;
        double hashWall = u.hashSeconds() / signIns;
        double hashCpu = u.hashThreads() / signIns;
        double ours = u.service() + u.postgres() + u.redis() + u.kafka() + u.wrk();
        double wallCores = u.machineTotal() / cores;
        double floorCores = floor.cpuSeconds() / floor.wallSeconds();
        double floorCpuPerVerification = floor.cpuSeconds() / floor.verifications();
        System.out.println();
        System.out.printf("people sign-in benchmark, %s: concurrency %d, %d accounts, %d s warm-up, %d s measured, "
                + "%d cores%n", startedAt, concurrency, accounts, warmupSeconds, durationSeconds, cores);
        System.out.printf("load average (1/5/15 min): %s at start, %s before the measured run, %s after it, %s at the "
                + "end%n", loadAtStart, loadBefore, loadAfter, loadAtEnd);
        System.out.printf("machine during the measured run: %.2f of %d cores busy; this benchmark's processes %.2f, "
                + "everything else on the machine %.2f%n", u.machineBusy() / wallCores, cores, ours / wallCores,
                Math.max(0, u.machineBusy() - ours) / wallCores);
        System.out.println();
        System.out.printf("%-52s %12s %9s %9s%n", "", "per second", "p50 ms", "p99 ms");
        System.out.printf("%-52s %12.1f %9.1f %9.1f%n", "people-service POST /api/session (wrk)", w.rate(), w.p50Ms(),
                w.p99Ms());
        System.out.printf("%-52s %12.1f%n", "floor: Argon2id verifications, plain loop, " + floorThreads + " threads",
                floor.rate());
        System.out.printf("service / floor: %.0f%%%n", 100 * w.rate() / floor.rate());
        System.out.printf("answers: %d x 200 of %d; not 200: %d (503 hashing queue full: %d, 429 throttled: %d, "
                + "401: %d, other: %d%s); socket errors: %s%n", w.ok(), w.requests(), w.notOk(), w.unavailable(),
                w.throttled(), w.refused(), w.other(), w.other() > 0 ? " first HTTP " + w.firstOther() : "",
                w.socketErrors());
        System.out.println();
        System.out.printf("service CPU per sign-in: %.1f ms (%.1f s of CPU over %d sign-ins = hashes counted by the "
                + "timer; wrk counted %d answers)%n", cpuPerSignIn * 1e3, u.service(), u.hashes(), w.requests());
        System.out.printf("hash per sign-in, timer %s (TOTAL_TIME/COUNT): %.1f ms%n", HASH_METRIC, hashWall * 1e3);
        System.out.printf("hash share of the service's CPU, timer: %.0f%% (hash seconds per sign-in / CPU seconds per "
                + "sign-in)%n", 100 * hashWall / cpuPerSignIn);
        System.out.println("  a hash runs on one core, so its wall time (what the timer measures) is its CPU time as "
                + "long as its thread never waits for a core");
        System.out.printf("  check, CPU time of the service's %s threads: %.1f ms per sign-in = %.0f%% of the service's "
                + "CPU (an upper bound: those threads also start the step after the hash)%n", HASHING_PREFIX,
                hashCpu * 1e3, 100 * hashCpu / cpuPerSignIn);
        double stretch = hashWall / Math.max(hashCpu, 1e-9);
        if (stretch <= 1.2) {
            System.out.printf("  -> wall = %.2f x CPU: the timer's share holds in this run%n", stretch);
        }
        else {
            System.out.printf("  -> wall = %.2f x CPU: the hashing threads waited for a core, so the timer's share "
                    + "does NOT hold in this run; take the CPU-time share (%.0f%%)%n", stretch,
                    100 * hashCpu / cpuPerSignIn);
        }
        StringBuilder groups = new StringBuilder();
        double named = 0;
        for (String group : GROUP_ORDER) {
            // "other": whatever the process used that the named groups did not, threads that ended meanwhile too
            double used = group.equals(OTHER) ? u.service() - named : u.threads().getOrDefault(group, 0.0);
            named += used;
            groups.append(groups.isEmpty() ? "" : ", ").append(String.format("%s %.1f", group, 1e3 * used / signIns));
        }
        System.out.println("service CPU per sign-in by thread, ms: " + groups);
        System.out.printf("CPU per sign-in of the others, ms: PostgreSQL %.2f, Redis %.2f, Kafka broker %.2f, wrk "
                + "%.2f%n", 1e3 * u.postgres() / signIns, 1e3 * u.redis() / signIns, 1e3 * u.kafka() / signIns,
                1e3 * u.wrk() / signIns);
        System.out.printf("floor: %.1f ms wall, %.1f ms CPU per verification on one thread; its %d threads got %.2f of "
                + "%d cores -> %.1f verifications/s with %d cores all its own%n", 1e3 * floor.wallSeconds()
                * floorThreads / floor.verifications(), 1e3 * floorCpuPerVerification, floorThreads, floorCores,
                cores, floorThreads / floorCpuPerVerification, floorThreads);
        // what the wall clock cannot say on a shared machine: the rates if the cores were this benchmark's alone
        double cpuPerSignInAll = ours / signIns;
        double floorAlone = floorThreads / floorCpuPerVerification;
        System.out.printf("CPU-bound, with the %d cores to this benchmark alone: service %.1f sign-ins/s (%d / %.1f ms "
                + "of CPU per sign-in of the service, PostgreSQL, Redis, broker and wrk) against the floor's %.1f/s: "
                + "%.0f%%%n", cores, cores / cpuPerSignInAll, cores, 1e3 * cpuPerSignInAll, floorAlone,
                100 * cores / cpuPerSignInAll / floorAlone);
        double floorWallCores = floor.machineTotal() / cores;
        System.out.printf("machine during the floor: %.2f of %d cores busy; the floor's threads %.2f, everything "
                + "else (other work on the machine, the idle PostgreSQL, Redis and broker) %.2f%n", floor.machineBusy() / floorWallCores, cores, floorCores,
                Math.max(0, floor.machineBusy() / floorWallCores - floorCores));
        System.out.println();
        System.out.println("commands:");
        System.out.println("  " + w.command());
        System.out.println("  floor: new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).matches(password, hash) in a "
                + "loop on " + floorThreads + " threads, " + durationSeconds + " s after " + floorWarmupSeconds
                + " s warm-up");
    }

    // ---- /proc

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        }
        catch (Exception ex) {
            return 100;
        }
    }

    private double seconds(long ticks) {
        return (double) ticks / ticksPerSecond;
    }

    /** utime + stime of a process (or, under {@code task/}, a thread) from its stat file. */
    private static long cpuTicks(Path stat, boolean withChildren) {
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

    private static long processCpuTicks(long pid) {
        return cpuTicks(Path.of("/proc", String.valueOf(pid), "stat"), false);
    }

    /** A process with its descendants now, and the children it has waited for (PostgreSQL's backends). */
    private static long treeCpuTicks(long pid) {
        long ticks = cpuTicks(Path.of("/proc", String.valueOf(pid), "stat"), true);
        return ticks + ProcessHandle.of(pid).map(handle -> handle.descendants()
            .mapToLong(child -> cpuTicks(Path.of("/proc", String.valueOf(child.pid()), "stat"), true)).sum()).orElse(0L);
    }

    /** A thread's group (by its name, {@link #GROUPS}) and its CPU ticks so far. */
    record ThreadTicks(String group, long ticks) {
    }

    /** Every thread of the process now, by thread id. */
    private static Map<Long, ThreadTicks> threadTicks(long pid) throws IOException {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTicks(group(name), cpuTicks(task.resolve("stat"), false)));
                }
                catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        }
        return threads;
    }

    private static String group(String threadName) {
        return GROUPS.entrySet().stream().filter(entry -> threadName.startsWith(entry.getKey())).map(Map.Entry::getValue)
            .findFirst().orElse(OTHER);
    }

    /**
     * CPU seconds per group between the two snapshots; a thread started meanwhile counts from zero (what threads
     * that ended meanwhile used is only in the process total).
     */
    private Map<String, Double> byGroup(Map<Long, ThreadTicks> before, Map<Long, ThreadTicks> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((tid, now) -> {
            ThreadTicks then = before.get(tid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            groups.merge(now.group(), seconds(used), Double::sum);
        });
        return groups;
    }

    /** {busy, total} ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] { total - idle, total };
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    // ---- helpers

    private static void stop(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The end of the service's log, for an error message. */
    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No match for " + regex + " in:\n" + text);
        }
        return matcher.group(1);
    }

    private static String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }

    /**
     * Everything the benchmark started, stopped in the reverse order, once: from the {@code finally} block, or
     * from the shutdown hook when the JVM is interrupted (Ctrl-C) before it gets there.
     */
    private static final class Cleanup {

        private final Deque<Runnable> steps = new ArrayDeque<>();
        private boolean done;

        /** A step added after the clean-up ran (the JVM is going down) runs at once. */
        void add(Runnable step) {
            synchronized (this) {
                if (!done) {
                    steps.push(step);
                    return;
                }
            }
            step.run();
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            while (!steps.isEmpty()) {
                try {
                    steps.pop().run();
                }
                catch (RuntimeException ex) {
                    System.err.println("[bench] cleanup: " + ex);
                }
            }
        }
    }
}
