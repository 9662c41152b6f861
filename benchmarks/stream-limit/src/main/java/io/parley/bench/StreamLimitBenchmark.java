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
 * (acquire-v1.lua, EVALSHA, unpipelined) at the same concurrency against the same Redis, printed side by side with
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
            wrk(url, warmupSeconds, "warm-");
            log("measuring the service: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            Figures http = wrk(url, durationSeconds, "http-");
            // counted before any lease can expire (leases live 30 s)
            int[] held = heldLeases(redis, "streams:{user:http-*");
            log("measuring Redis alone: redis-benchmark -c " + concurrency + " -n " + redisRequests);
            Figures redisAlone = redisBenchmark(redis);

            print(http, redisAlone, held);
        }
        finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            TempDirs.deleteQuietly(work);
        }
    }

    record Figures(String command, double rate, double p50Ms, double p99Ms, long created, long rejected, long other) {
    }

    private Process startService(int port, RedisServerProcess redis, KafkaBrokerProcess kafka, Path log)
            throws Exception {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException("No service jar at " + serviceJar + ": build stream-limit-service first");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", serviceJar.toString(), "--server.port=" + port,
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
        throw new IllegalStateException("stream-limit-service was not ready within 120 s");
    }

    private Figures wrk(String url, int seconds, String userPrefix) throws Exception {
        List<String> command = List.of("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency",
                "-s", wrkScript.toString(), url);
        String output = exec(command, Map.of("BENCH_USERS", String.valueOf(users), "BENCH_API_KEY", API_KEY,
                "BENCH_USER_PREFIX", userPrefix), null);
        double rate = Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)"));
        return new Figures(String.join(" ", command), rate,
                Long.parseLong(find(output, "p50_us=(\\d+)")) / 1000.0, Long.parseLong(find(output, "p99_us=(\\d+)")) / 1000.0,
                Long.parseLong(find(output, "created=(\\d+)")), Long.parseLong(find(output, "rejected=(\\d+)")),
                Long.parseLong(find(output, "other=(\\d+)")));
    }

    private Figures redisBenchmark(RedisServerProcess redis) throws Exception {
        String sha = exec(List.of("redis-cli", "-p", String.valueOf(redis.port()), "-x", "SCRIPT", "LOAD"), Map.of(),
                Files.readString(script)).trim();
        // same arguments as the service sends: lease 30 s, limit 3, reject, known-user marker kept 30 days
        List<String> command = List.of("redis-benchmark", "-p", String.valueOf(redis.port()), "-c",
                String.valueOf(concurrency), "-n", String.valueOf(redisRequests), "-r", String.valueOf(users), "--csv",
                "EVALSHA", sha, "2", "streams:{user:rb-__rand_int__}", "streams:{user:rb-__rand_int__}:known",
                "s-__rand_int__", "30000", String.valueOf(LIMIT), "reject", "2592000000");
        String output = exec(command, Map.of(), null);
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        String row = output.lines().filter(line -> line.startsWith("\"EVALSHA")).findFirst()
            .orElseThrow(() -> new IllegalStateException("No EVALSHA row in redis-benchmark output:\n" + output));
        String[] cells = row.replace("\"", "").split(",");
        return new Figures(String.join(" ", command), Double.parseDouble(cells[1]), Double.parseDouble(cells[4]),
                Double.parseDouble(cells[6]), -1, -1, -1);
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

    private void print(Figures http, Figures redis, int[] held) {
        double share = 100 * http.rate() / redis.rate();
        System.out.println();
        System.out.printf("stream-limit benchmark: concurrency %d, %d users, limit %d, %d cores%n", concurrency, users,
                LIMIT, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %14s %9s %9s%n", "", "decisions/s", "p50 ms", "p99 ms");
        System.out.printf("%-34s %14.0f %9.2f %9.2f%n", "stream-limit-service (HTTP, wrk)", http.rate(), http.p50Ms(),
                http.p99Ms());
        System.out.printf("%-34s %14.0f %9.2f %9.2f%n", "redis-benchmark EVALSHA acquire-v1", redis.rate(),
                redis.p50Ms(), redis.p99Ms());
        System.out.printf("service answers: %d admitted (201), %d rejected (409), %d other%n", http.created(),
                http.rejected(), http.other());
        System.out.printf("leases held afterwards: %d in total, at most %d by one user%n", held[1], held[0]);
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
