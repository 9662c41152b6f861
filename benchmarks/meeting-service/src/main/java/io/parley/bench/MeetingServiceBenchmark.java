package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.TempDirs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * meeting-service on a fresh redis-server and KRaft broker: time to ready and idle RSS, then meetings created per
 * second and joins per second with p50/p99 (wrk, keep-alive, fixed concurrency), then a count check: the events on
 * parley.meeting.events equal the changes the service accepted (every 201), none lost.
 */
public final class MeetingServiceBenchmark {

    private static final String TOPIC = "parley.meeting.events";
    private static final int TOPIC_PARTITIONS = 6;
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MaxRAM=1g", "-Xss512k");

    private final int concurrency = Integer.getInteger("bench.concurrency", 32);
    private final int durationSeconds = Integer.getInteger("bench.duration", 10);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 15);
    private final int meetings = Integer.getInteger("bench.meetings", 200);
    private final Path serviceJar = Path.of(System.getProperty("bench.serviceJar"));
    private final Path createScript = Path.of(System.getProperty("bench.createScript"));
    private final Path joinScript = Path.of(System.getProperty("bench.joinScript"));
    /** The JDK the service runs on; the container images run Java 25. */
    private final Path serviceJava = Path.of(System.getProperty("bench.javaHome", System.getProperty("java.home")), "bin",
            "java");
    /** Java 25+: run the service as the images do, extracted and with an AOT cache from a training run. */
    private final boolean aotCache = Boolean.getBoolean("bench.aotCache");
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        new MeetingServiceBenchmark().run();
    }

    record Figures(String command, double rate, double p50Ms, double p99Ms, long ok, long refused, long other) {
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException("No service jar at " + serviceJar + ": build meeting-service first");
        }
        Path work = Files.createTempDirectory("meeting-bench-");
        Process service = null;
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"));
                KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"))) {
            int port = Ports.freePort();
            String base = "http://127.0.0.1:" + port;
            Path jar = aotCache ? trainAotCache(work.resolve("image")) : serviceJar;
            Instant started = Instant.now();
            service = startService(jar, port, redis, kafka, work);
            awaitReady(base);
            Duration ready = Duration.between(started, Instant.now());
            Thread.sleep(10_000);
            long idleRssKb = rssKb(service.pid());

            log("warm-up: " + warmupSeconds + " s of creates");
            Figures warmup = wrk(base + "/api/meetings", createScript, warmupSeconds, Map.of());
            log("measuring creates: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            Figures creates = wrk(base + "/api/meetings", createScript, durationSeconds, Map.of());
            log("preparing " + meetings + " meetings of 100 seats for the joins");
            Path ids = work.resolve("meetings.txt");
            Files.write(ids, prepareMeetings(base));
            log("measuring joins: wrk -c " + concurrency + " -d " + durationSeconds + "s");
            Figures joins = wrk(base, joinScript, durationSeconds, Map.of("BENCH_MEETINGS", ids.toString()));

            long accepted = warmup.ok() + creates.ok() + meetings + joins.ok();
            long published = awaitEvents(kafka, accepted);
            print(ready, idleRssKb, creates, joins, accepted, published);
        }
        finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            TempDirs.deleteQuietly(work);
        }
    }

    private Process startService(Path jar, int port, RedisServerProcess redis, KafkaBrokerProcess kafka, Path work)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(serviceJava.toString()));
        command.addAll(JVM_OPTIONS);
        if (aotCache) {
            command.add("-XX:AOTCache=" + jar.resolveSibling("app.aot"));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.data.redis.port=" + redis.port(), "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.meetings.tokens.data-dir=" + work.resolve("data"), "--logging.level.root=WARN"));
        String extra = System.getProperty("bench.serviceArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile())
            .start();
    }

    /**
     * What the Dockerfile does at build time, where no Redis, Kafka or key exists: extract the jar, then start the
     * service until its context is refreshed while the cache is recorded (its development key goes to a directory of
     * its own). Nothing listens on the ports it is given, so the run also shows the services are not needed.
     */
    private Path trainAotCache(Path image) throws IOException, InterruptedException {
        run(List.of(serviceJava.toString(), "-Djarmode=tools", "-jar", serviceJar.toString(), "extract",
                "--destination", image.toString()), image.resolveSibling("extract.log"));
        Path jar = image.resolve(serviceJar.getFileName());
        Instant started = Instant.now();
        List<String> training = new ArrayList<>(List.of(serviceJava.toString()));
        training.addAll(JVM_OPTIONS);
        training.addAll(List.of("-XX:AOTCacheOutput=" + image.resolve("app.aot"), "-Dspring.context.exit=onRefresh",
                "-jar", jar.toString(), "--spring.data.redis.port=" + Ports.freePort(),
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + Ports.freePort(),
                "--parley.meetings.tokens.data-dir=" + image.resolveSibling("training-data")));
        run(training, image.resolveSibling("training.log"));
        log("AOT cache trained in " + Duration.between(started, Instant.now()).toSeconds() + " s: "
                + Files.size(image.resolve("app.aot")) / (1024 * 1024) + " MB");
        return jar;
    }

    private static void run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed, see " + logFile);
        }
    }

    private void awaitReady(String base) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("meeting-service was not ready within 180 s");
    }

    private static long rssKb(long pid) throws IOException {
        return Long.parseLong(find(Files.readString(Path.of("/proc", String.valueOf(pid), "status")),
                "VmRSS:\\s+(\\d+) kB"));
    }

    private List<String> prepareMeetings(String base) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/meetings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostName\":\"Host\",\"maxParticipants\":100}"))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Creating a meeting answered " + response.statusCode());
            }
            ids.add(find(response.body(), "\"meetingId\":\"([a-z-]+)\""));
        }
        return ids;
    }

    private Figures wrk(String url, Path script, int seconds, Map<String, String> env) throws Exception {
        List<String> command = List.of("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url);
        String output = exec(command, env);
        return new Figures(String.join(" ", command), Double.parseDouble(find(output, "Requests/sec:\\s+([0-9.]+)")),
                Long.parseLong(find(output, "p50_us=(\\d+)")) / 1000.0,
                Long.parseLong(find(output, "p99_us=(\\d+)")) / 1000.0, Long.parseLong(find(output, "ok=(\\d+)")),
                Long.parseLong(find(output, "refused=(\\d+)")), Long.parseLong(find(output, "other=(\\d+)")));
    }

    /**
     * The number of records on the topic once it stops growing (or reaches the expected count). A request cut off by
     * wrk's deadline may have been accepted without wrk counting its 201, so the topic may hold up to one event per
     * connection more than counted.
     */
    private long awaitEvents(KafkaBrokerProcess kafka, long expected) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            long last = -1;
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
                for (int p = 0; p < TOPIC_PARTITIONS; p++) {
                    request.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
                }
                long total = admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
                if (total >= expected && total == last) {
                    return total;
                }
                last = total;
                Thread.sleep(3_000);
            }
            return last;
        }
    }

    private void print(Duration ready, long idleRssKb, Figures creates, Figures joins, long accepted, long published) {
        System.out.println();
        System.out.printf("meeting-service benchmark: concurrency %d, %d cores, %s %s%s, service args [%s]%n",
                concurrency, Runtime.getRuntime().availableProcessors(), serviceJava, String.join(" ", JVM_OPTIONS),
                aotCache ? ", extracted with an AOT cache" : ", fat jar", System.getProperty("bench.serviceArgs", ""));
        System.out.printf("ready after %.1f s (fresh JVM to readiness 200), idle RSS %d MB%n", ready.toMillis() / 1000.0,
                idleRssKb / 1024);
        System.out.printf("%-40s %10s %9s %9s %9s%n", "", "req/s", "p50 ms", "p99 ms", "answers");
        row("POST /api/meetings (create)", creates);
        row("POST /api/meetings/{id}/participants", joins);
        System.out.printf("changes accepted (201): %d; events on %s: %d%n", accepted, TOPIC, published);
        System.out.println();
        bar("ready < 6 s (PLATFORM.md §6)", ready.toMillis() < 6000, String.format("%.1f s", ready.toMillis() / 1000.0));
        bar("idle RSS < 250 MB (PLATFORM.md §6)", idleRssKb < 250 * 1024, idleRssKb / 1024 + " MB");
        bar("every accepted change is an event on Kafka (plus at most one per connection cut off by wrk)",
                published >= accepted && published <= accepted + 3L * concurrency, published + " for " + accepted);
        bar("no answer other than 201/409", creates.other() + joins.other() == 0,
                String.valueOf(creates.other() + joins.other()));
        System.out.println();
        System.out.println("commands:");
        System.out.println("  " + creates.command());
        System.out.println("  " + joins.command());
    }

    private static void row(String name, Figures figures) {
        System.out.printf("%-40s %10.0f %9.2f %9.2f   %d×201 %d×409 %d other%n", name, figures.rate(), figures.p50Ms(),
                figures.p99Ms(), figures.ok(), figures.refused(), figures.other());
    }

    private static void bar(String name, boolean met, String figure) {
        System.out.printf("  [%s] %s (%s)%n", met ? "met " : "MISS", name, figure);
    }

    private static String exec(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
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

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
