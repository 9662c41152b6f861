package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.TempDirs;

/**
 * Admission decisions per second through stream-limit-service, and redis-benchmark running the same Lua script
 * (acquire-v2.lua, EVALSHA, unpipelined) at the same concurrency against the same Redis, printed side by side with
 * the bars of PLATFORM.md §6, then a count check: no user holds more than the limit, and Redis holds exactly as many
 * leases as the service answered 201 for.
 */
public final class StreamLimitBenchmark {

    private static final String API_KEY = "benchmark-api-key";
    private static final int LIMIT = 3;

    private final int concurrency = Integer.getInteger("bench.concurrency", 64);
    private final int durationSeconds = Integer.getInteger("bench.duration", 10);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 90);
    private final int users = Integer.getInteger("bench.users", 10_000);
    private final int redisRequests = Integer.getInteger("bench.redisRequests", 100_000);
    private final int floorWarmupSeconds = Integer.getInteger("bench.floorWarmup", 30);
    private final Path serviceJar = Path.of(System.getProperty("bench.serviceJar"));
    private final Path script = Path.of(System.getProperty("bench.script"));
    private final Path wrkScript = Path.of(System.getProperty("bench.wrkScript"));

    public static void main(String[] args) throws Exception {
        new StreamLimitBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("stream-limit-bench-");
        Process service = null;
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"));
                KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"))) {
            int port = Ports.freePort();
            service = startService(port, redis, kafka, work.resolve("service.log"));
            awaitReady(port);
            String url = "http://127.0.0.1:" + port + "/api/streams";

            log("warm-up: " + warmupSeconds + " s of starts for other users");
            wrk(url, warmupSeconds, "warm-", Map.of());
            log("measuring the service: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            Figures http = wrk(url, durationSeconds, "http-", Map.of("service", service.pid(),
                    "redis", redis.pid().orElseThrow(), "kafka", kafka.pid().orElseThrow()));
            // counted before any lease can expire (leases live 30 s)
            int[] held = heldLeases(redis, "streams:{user:http-*");
            log("measuring Redis alone: redis-benchmark -c " + concurrency + " -n " + redisRequests);
            Figures redisAlone = redisBenchmark(redis);
            stop(service);
            service = null;

            Figures floor = measureFloor(work.resolve("floor.log"));
            print(http, redisAlone, floor, held);
        }
        finally {
            stop(service);
            TempDirs.deleteQuietly(work);
        }
    }

    /** {@code cpu}: CPU time each named process used during the run, the load generator's under {@code "load"}. */
    record Figures(String command, double rate, long requests, double p50Ms, double p99Ms, long created,
            long rejected, long other, Map<String, Duration> cpu) {

        /** Microseconds of CPU per request (or decision) the named process used. */
        double micros(String process) {
            return cpu.get(process).toNanos() / 1e3 / requests;
        }
    }

    private Figures measureFloor(Path log) throws Exception {
        int port = Ports.freePort();
        Process floor = new ProcessBuilder(javaCommand("-cp", System.getProperty("java.class.path"),
                WebFluxFloor.class.getName(), "--server.port=" + port, "--logging.level.root=WARN",
                "--management.endpoint.health.probes.enabled=true"))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(port);
            String url = "http://127.0.0.1:" + port + "/api/streams";
            log("warm-up of the WebFlux floor: " + floorWarmupSeconds + " s");
            wrk(url, floorWarmupSeconds, "warm-", Map.of());
            log("measuring the WebFlux floor: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            return wrk(url, durationSeconds, "floor-", Map.of("floor", floor.pid()));
        }
        finally {
            stop(floor);
        }
    }

    private static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx512m"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    private Process startService(int port, RedisServerProcess redis, KafkaBrokerProcess kafka, Path log)
            throws Exception {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException("No service jar at " + serviceJar + ": build stream-limit-service first");
        }
        List<String> command = javaCommand("-jar", serviceJar.toString(), "--server.port=" + port,
                "--spring.data.redis.port=" + redis.port(), "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.streams.limit=" + LIMIT, "--parley.streams.api-keys[0].tenant=benchmark",
                "--parley.streams.api-keys[0].sha256=" + sha256(API_KEY), "--logging.level.root=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
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
        throw new IllegalStateException("The server on port " + port + " was not ready within 120 s");
    }

    /** Runs wrk, and measures the CPU it and the named processes ({@code pids}) use meanwhile. */
    private Figures wrk(String url, int seconds, String userPrefix, Map<String, Long> pids) throws Exception {
        List<String> command = List.of("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency",
                "-s", wrkScript.toString(), url);
        CpuMeter cpu = new CpuMeter(pids);
        String output = execTimed(command, Map.of("BENCH_USERS", String.valueOf(users), "BENCH_API_KEY", API_KEY,
                "BENCH_USER_PREFIX", userPrefix));
        Map<String, Duration> used = cpu.used();
        used.put("load", childrenCpu(output));
        double rate = Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)"));
        return new Figures(String.join(" ", command), rate, Long.parseLong(find(output, "(\\d+) requests in")),
                Long.parseLong(find(output, "p50_us=(\\d+)")) / 1000.0, Long.parseLong(find(output, "p99_us=(\\d+)")) / 1000.0,
                Long.parseLong(find(output, "created=(\\d+)")), Long.parseLong(find(output, "rejected=(\\d+)")),
                Long.parseLong(find(output, "other=(\\d+)")), used);
    }

    private Figures redisBenchmark(RedisServerProcess redis) throws Exception {
        String sha = exec(List.of("redis-cli", "-p", String.valueOf(redis.port()), "-x", "SCRIPT", "LOAD"), Map.of(),
                Files.readString(script)).trim();
        // same arguments as the service sends: lease 30 s, limit 3, reject, known-user marker kept 30 days
        List<String> command = List.of("redis-benchmark", "-p", String.valueOf(redis.port()), "-c",
                String.valueOf(concurrency), "-n", String.valueOf(redisRequests), "-r", String.valueOf(users), "--csv",
                "EVALSHA", sha, "3", "streams:{user:rb-__rand_int__}", "streams:{user:rb-__rand_int__}:known",
                "streams:org-limits:{user:rb-__rand_int__}",
                "s-__rand_int__", "30000", String.valueOf(LIMIT), "reject", "2592000000");
        CpuMeter cpu = new CpuMeter(Map.of("redis", redis.pid().orElseThrow()));
        String output = execTimed(command, Map.of());
        Map<String, Duration> used = cpu.used();
        used.put("load", childrenCpu(output));
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        String row = output.lines().filter(line -> line.startsWith("\"EVALSHA")).findFirst()
            .orElseThrow(() -> new IllegalStateException("No EVALSHA row in redis-benchmark output:\n" + output));
        String[] cells = row.replace("\"", "").split(",");
        return new Figures(String.join(" ", command), Double.parseDouble(cells[1]), redisRequests,
                Double.parseDouble(cells[4]), Double.parseDouble(cells[6]), -1, -1, -1, used);
    }

    /** {max leases held by one user, total leases held} over the users matching the pattern. */
    private static int[] heldLeases(RedisServerProcess redis, String pattern) throws Exception {
        String port = String.valueOf(redis.port());
        List<String> keys = exec(List.of("redis-cli", "-p", port, "--scan", "--pattern", pattern), Map.of(), null)
            .lines().filter(key -> key.endsWith("}")).toList();
        if (keys.isEmpty()) {
            return new int[] { 0, 0 };
        }
        StringBuilder commands = new StringBuilder();
        keys.forEach(key -> commands.append("ZCARD ").append(key).append('\n'));
        int max = 0;
        int total = 0;
        for (String line : exec(List.of("redis-cli", "-p", port), Map.of(), commands.toString()).lines().toList()) {
            int count = Integer.parseInt(line.replace("(integer)", "").trim());
            max = Math.max(max, count);
            total += count;
        }
        return new int[] { max, total };
    }

    private void print(Figures http, Figures redis, Figures floor, int[] held) {
        double share = 100 * http.rate() / redis.rate();
        System.out.println();
        System.out.printf("stream-limit benchmark: concurrency %d, %d users, limit %d, %d cores%n", concurrency, users,
                LIMIT, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %14s %9s %9s%n", "", "decisions/s", "p50 ms", "p99 ms");
        System.out.printf("%-34s %14.0f %9.2f %9.2f%n", "stream-limit-service (HTTP, wrk)", http.rate(), http.p50Ms(),
                http.p99Ms());
        System.out.printf("%-34s %14.0f %9.2f %9.2f%n", "redis-benchmark EVALSHA acquire-v2", redis.rate(),
                redis.p50Ms(), redis.p99Ms());
        System.out.printf("%-34s %14.0f %9.2f %9.2f%n", "WebFlux floor (same JSON, no work)", floor.rate(),
                floor.p50Ms(), floor.p99Ms());
        System.out.printf("service answers: %d admitted (201), %d rejected (409), %d other%n", http.created(),
                http.rejected(), http.other());
        System.out.printf("leases held afterwards: %d in total, at most %d by one user%n", held[1], held[0]);
        System.out.printf("CPU per decision: service %.0f us, Redis %.0f us, Kafka broker %.0f us, wrk %.0f us%n",
                http.micros("service"), http.micros("redis"), http.micros("kafka"), http.micros("load"));
        System.out.printf("CPU per request of the floor: WebFlux %.0f us, wrk %.0f us; per EVALSHA of redis-benchmark: "
                + "Redis %.0f us, redis-benchmark %.0f us%n", floor.micros("floor"), floor.micros("load"),
                redis.micros("redis"), redis.micros("load"));
        double target = redis.rate() / 2;
        double floorCores = target * (floor.micros("floor") + floor.micros("load") + redis.micros("redis")) / 1e6;
        System.out.printf("at 50%% of redis-benchmark (%.0f/s) the floor, its wrk and the script in Redis alone would "
                + "take %.2f of %d cores, before any work of the service's own%n", target, floorCores,
                Runtime.getRuntime().availableProcessors());
        System.out.println();
        bar("service rate >= 50% of redis-benchmark", share >= 50, String.format("%.0f%%", share));
        bar("service p99 < 20 ms", http.p99Ms() < 20, String.format("%.2f ms", http.p99Ms()));
        bar("no user holds more than the limit", held[0] <= LIMIT, "max " + held[0]);
        // wrk stops counting at the deadline with up to one request per connection in flight, admitted or not
        bar("every 201 is a lease in Redis, plus at most the requests in flight at the end",
                held[1] >= http.created() && held[1] <= http.created() + concurrency,
                held[1] + " leases for " + http.created() + " admissions");
        bar("no answer other than 201/409", http.other() == 0, String.valueOf(http.other()));
        System.out.println();
        System.out.println("commands:");
        System.out.println("  " + http.command());
        System.out.println("  " + redis.command());
        System.out.println("  " + floor.command() + "  (against WebFluxFloor)");
    }

    private static void bar(String name, boolean met, String figure) {
        System.out.printf("  [%s] %s (%s)%n", met ? "met " : "MISS", name, figure);
    }

    private static String exec(List<String> command, Map<String, String> env, String stdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** {@link #exec} under bash, whose {@code times} appends the CPU time of the command to its output. */
    private static String execTimed(List<String> command, Map<String, String> env) throws Exception {
        List<String> timed = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "timed"));
        timed.addAll(command);
        return exec(timed, env, null);
    }

    /** The user + system time of the children in the output of bash's {@code times} (its last line). */
    private static Duration childrenCpu(String output) {
        List<String> lines = output.lines().toList();
        Matcher matcher = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s").matcher(lines.get(lines.size() - 1));
        if (!matcher.matches()) {
            throw new IllegalStateException("No CPU times at the end of:\n" + output);
        }
        double seconds = Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
                + Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** CPU time the named processes use between its creation and {@link #used()}. */
    private static final class CpuMeter {

        private final Map<String, Long> pids;
        private final Map<String, Duration> before;

        CpuMeter(Map<String, Long> pids) {
            this.pids = pids;
            this.before = read();
        }

        Map<String, Duration> used() {
            Map<String, Duration> used = new HashMap<>();
            read().forEach((name, total) -> used.put(name, total.minus(before.get(name))));
            return used;
        }

        private Map<String, Duration> read() {
            Map<String, Duration> totals = new HashMap<>();
            pids.forEach((name, pid) -> totals.put(name, ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("No CPU time for " + name + " (pid " + pid + ")"))));
            return totals;
        }
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No match for " + regex + " in:\n" + text);
        }
        return matcher.group(1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
