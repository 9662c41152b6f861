package io.parley.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.parley.events.Topic;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.Ports;
import io.parley.harness.RedisServerProcess;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Beacons per second against the real metrics-collector, and nginx answering
 * {@code return 204} as the ceiling, in one run on one machine. The collector runs as it
 * does in production (its jar, its own JVM) on a real Redis server and KRaft broker; wrk
 * drives both targets with the same script at a fixed concurrency over keep-alive
 * connections. Afterwards every record on {@code parley.quality.samples} is read back:
 * the distinct samples on Kafka must equal the 204s the collector gave, or a sample was
 * lost.
 * <p>
 * Arguments (all optional): {@code --jar <collector jar>} {@code --duration 30} (seconds)
 * {@code --warmup 120} {@code --connections 64} {@code --threads 2}
 * {@code --participants 1000} {@code --keep true} (keep the work directory with the logs
 * and wrk's output).
 */
public final class BeaconBenchmark {

    /** The collector's history database on the benchmark's own PostgreSQL. */
    private static final String HISTORY_DATABASE = "quality";

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private static final Pattern COUNTS = Pattern.compile("PARLEY accepted=(\\d+) other=(\\d+)(.*)");

    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private final Map<String, String> options;

    private final Path work;

    private final List<Process> processes = new ArrayList<>();

    private BeaconBenchmark(Map<String, String> options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("jar",
                "metrics-collector/target/metrics-collector-0.1.0-SNAPSHOT.jar", "duration", "30", "warmup", "120",
                "connections", "64", "threads", "2", "participants", "1000", "floor-warmup", "30"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path work = Files.createTempDirectory("parley-beacon-bench-");
        BeaconBenchmark benchmark = new BeaconBenchmark(options, work);
        try {
            benchmark.run();
        }
        finally {
            benchmark.stopProcesses();
            if (!options.containsKey("keep")) {
                deleteRecursively(work);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        Path script = Path.of("benchmarks/beacons/beacon.lua").toAbsolutePath();
        require(Files.isRegularFile(jar), "collector jar not found: " + jar
                + " (build it: ./mvnw -pl metrics-collector -am package -DskipTests)");
        require(Files.isRegularFile(script), "run from the repository root: " + script + " not found");

        System.out.printf("Machine: %d cores (%s), %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), cpuModel());
        System.out.printf("Work directory: %s%n", work);

        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"));
                KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"));
                PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(work.resolve("postgres"))) {
            // the collector's consumer stores every sample in its history (issue 24):
            // without PostgreSQL it does
            // not start, and the drain below would wait for a consumer that stores
            // nothing
            postgres.createDatabase(HISTORY_DATABASE);
            RSAKey key = RsaKeys.generate();
            HttpServer jwks = serveJwks(key);
            try {
                Path tokens = writeTokens(key, option("participants"));
                int collectorPort = startCollector(jar, redis, kafka, postgres, jwks.getAddress().getPort());
                int nginxPort = startNginx();
                String collector = "http://127.0.0.1:" + collectorPort;
                String nginx = "http://127.0.0.1:" + nginxPort;

                long base = Instant.now().toEpochMilli();
                System.out.printf("%nWarm-up: %d s against the collector%n", option("warmup"));
                WrkResult warmup = wrk(script, collector, option("warmup"), tokens, base, "w");
                System.out.printf("Measuring: %d s each, %d connections, %d wrk threads, keep-alive%n",
                        option("duration"), option("connections"), option("threads"));
                CpuMeter collectorSide = new CpuMeter(Map.of("collector", List.of(collectorPid()), "kafka",
                        List.of(kafka.pid().orElseThrow()), "redis", List.of(redis.pid().orElseThrow())));
                WrkResult measured = wrk(script, collector, option("duration"), tokens, base, "m");
                Map<String, Duration> collectorCpu = collectorSide.used();
                CpuMeter nginxSide = new CpuMeter(Map.of("nginx", nginxPids()));
                WrkResult ceiling = wrk(script, nginx, option("duration"), tokens, base, "n");
                Map<String, Duration> nginxCpu = nginxSide.used();
                Floor floor = startFloor();
                String floorUrl = "http://127.0.0.1:" + floor.port();
                System.out.printf("Warm-up of the WebFlux floor: %d s%n", option("floor-warmup"));
                wrk(script, floorUrl, option("floor-warmup"), tokens, base, "fw");
                CpuMeter floorSide = new CpuMeter(Map.of("floor", List.of(floor.process().pid())));
                WrkResult floorResult = wrk(script, floorUrl, option("duration"), tokens, base, "f");
                Map<String, Duration> floorCpu = floorSide.used();

                long acknowledged = warmup.accepted() + measured.accepted();
                KafkaCount onKafka = countRecords(kafka.bootstrapServers());
                Duration drained = awaitAggregator(collector, onKafka.records());

                System.out.println();
                System.out.printf("%-36s %12s %10s %10s %12s %10s%n", "target", "requests/s", "p50 ms", "p99 ms",
                        "204s", "non-204");
                print("metrics-collector warm-up", warmup);
                print("metrics-collector (beacon -> Kafka)", measured);
                print("nginx return 204 (ceiling)", ceiling);
                print("WebFlux floor (204, no work)", floorResult);
                System.out.printf("%ncollector / nginx: %.1f%%%n", 100 * measured.rate() / ceiling.rate());
                System.out.printf("CPU per 1000 beacons: collector %s, Kafka broker %s, Redis %s; nginx %s%n",
                        perThousand(collectorCpu.get("collector"), measured),
                        perThousand(collectorCpu.get("kafka"), measured),
                        perThousand(collectorCpu.get("redis"), measured), perThousand(nginxCpu.get("nginx"), ceiling));
                System.out.printf(
                        "CPU per 1000 requests of wrk: %s against the collector, %s against the floor; of the "
                                + "WebFlux floor: %s%n",
                        perThousand(measured.loadCpu(), measured), perThousand(floorResult.loadCpu(), floorResult),
                        perThousand(floorCpu.get("floor"), floorResult));
                double floorMicros = micros(floorCpu.get("floor"), floorResult)
                        + micros(floorResult.loadCpu(), floorResult) + micros(collectorCpu.get("kafka"), measured)
                        + micros(collectorCpu.get("redis"), measured);
                System.out.printf(
                        "At 20,000 beacons/s the floor, wrk, the Kafka broker and Redis alone would take %.2f of "
                                + "%d cores, before any work of the collector's own%n",
                        floorMicros * 20_000 / 1e6, Runtime.getRuntime().availableProcessors());
                long answered = acknowledged + warmup.other() + measured.other();
                System.out.printf(
                        "Kafka: %d records, %d distinct samples; the collector answered %d beacons, %d of them "
                                + "204 (warm-up %d + measured %d) -> %s%n",
                        onKafka.records(), onKafka.distinctSamples(), answered, acknowledged, warmup.accepted(),
                        measured.accepted(), onKafka.distinctSamples() >= acknowledged ? "zero lost"
                                : (acknowledged - onKafka.distinctSamples()) + " LOST");
                System.out.println(drained == null ? "Aggregator: did not catch up within 180 s"
                        : "Aggregator: recorded every record within " + drained.toSeconds()
                                + " s after the load stopped");
            }
            finally {
                jwks.stop(0);
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"))
                .stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        }
        catch (IOException ex) {
            return "unknown CPU";
        }
    }

    /** The collector fetches the token keys as it would from meeting-service. */
    private static HttpServer serveJwks(RSAKey key) throws IOException {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.freePort()), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /**
     * One meeting per participant, so the records spread over every partition as real
     * meetings do.
     */
    private Path writeTokens(RSAKey key, int participants) throws IOException {
        JoinTokenSigner signer = new JoinTokenSigner(key, "parley");
        List<String> lines = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < participants; i++) {
            String meeting = "bench-" + UUID.randomUUID();
            String participant = "p-" + i;
            String token = signer.sign(new JoinToken("user-" + i, meeting, participant, "Bench " + i, Role.PARTICIPANT,
                    UUID.randomUUID().toString(), now, now.plus(Duration.ofHours(2))));
            lines.add(meeting + " " + participant + " " + token);
        }
        Path file = work.resolve("tokens.txt");
        Files.write(file, lines);
        return file;
    }

    private int startCollector(Path jar, RedisServerProcess redis, KafkaBrokerProcess kafka,
            PostgresServerProcess postgres, int jwksPort) throws Exception {
        int port = Ports.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m",
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.r2dbc.url=" + postgres.r2dbcUrl(HISTORY_DATABASE),
                "--spring.r2dbc.username=" + postgres.username(),
                "--spring.flyway.url=" + postgres.jdbcUrl(HISTORY_DATABASE),
                "--spring.flyway.user=" + postgres.username(),
                "--parley.tokens.jwks-uri=http://127.0.0.1:" + jwksPort + "/.well-known/jwks.json");
        start(command, work.resolve("collector.log"));
        awaitReady(port, "collector.log");
        return port;
    }

    private void awaitReady(int port, String log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = client
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Port " + port + " did not become ready; see " + work.resolve(log));
    }

    private int startNginx() throws Exception {
        int port = Ports.freePort();
        Path dir = work.resolve("nginx");
        Files.createDirectories(dir.resolve("logs"));
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, """
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %s/body;
                    server {
                        listen 127.0.0.1:%d;
                        keepalive_requests 10000000;
                        location = /api/quality/beacons { return 204; }
                    }
                }
                """.formatted(Runtime.getRuntime().availableProcessors(), dir, dir, dir, port));
        start(List.of("nginx", "-p", dir.toString(), "-c", config.toString(), "-g", "daemon off;"),
                dir.resolve("logs/stdout.log"));
        Instant deadline = Instant.now().plusSeconds(10);
        while (!Ports.isListening(port)) {
            require(Instant.now().isBefore(deadline), "nginx did not start; see " + dir.resolve("logs"));
            Thread.sleep(100);
        }
        return port;
    }

    private long collectorPid() {
        return processes.get(0).pid();
    }

    /** nginx's master and its workers, which do the work. */
    private List<Long> nginxPids() {
        Process master = processes.get(1);
        List<Long> pids = new ArrayList<>(List.of(master.pid()));
        master.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static double micros(Duration cpu, WrkResult result) {
        return cpu.toNanos() / 1e3 / (result.accepted() + result.other());
    }

    record Floor(Process process, int port) {
    }

    /** {@link WebFluxFloor} in a JVM of its own, on this program's class path. */
    private Floor startFloor() throws Exception {
        int port = Ports.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), WebFluxFloor.class.getName(), "--server.port=" + port,
                "--logging.level.root=WARN", "--management.endpoint.health.probes.enabled=true");
        start(command, work.resolve("floor.log"));
        awaitReady(port, "floor.log");
        return new Floor(processes.get(processes.size() - 1), port);
    }

    private static String perThousand(Duration cpu, WrkResult result) {
        long requests = result.accepted() + result.other();
        return requests == 0 ? "n/a" : String.format("%.0f ms", cpu.toNanos() / 1e6 / requests * 1000);
    }

    /** CPU time the given processes use between its creation and {@link #used()}. */
    private static final class CpuMeter {

        private final Map<String, List<Long>> pids;

        private final Map<String, Duration> before;

        CpuMeter(Map<String, List<Long>> pids) {
            this.pids = pids;
            this.before = read();
        }

        Map<String, Duration> used() {
            Map<String, Duration> after = read();
            Map<String, Duration> used = new HashMap<>();
            after.forEach((name, total) -> used.put(name, total.minus(before.get(name))));
            return used;
        }

        private Map<String, Duration> read() {
            Map<String, Duration> totals = new HashMap<>();
            pids.forEach((name, list) -> totals.put(name,
                    list.stream()
                        .map(pid -> ProcessHandle.of(pid)
                            .flatMap(handle -> handle.info().totalCpuDuration())
                            .orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus)));
            return totals;
        }

    }

    private void start(List<String> command, Path log) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start());
    }

    private void stopProcesses() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** {@code loadCpu}: the CPU time wrk itself used. */
    record WrkResult(double rate, double p50Millis, double p99Millis, long accepted, long other, String otherStatuses,
            String socketErrors, String output, Duration loadCpu) {
    }

    private WrkResult wrk(Path script, String target, int seconds, Path tokens, long base, String label)
            throws Exception {
        // a generous timeout: a request wrk gave up on would be neither a 204 nor a
        // failure in the counts
        List<String> command = List.of("wrk", "-t", options.get("threads"), "-c", options.get("connections"), "-d",
                seconds + "s", "--timeout", "10s", "--latency", "-s", script.toString(), target, "--",
                tokens.toString(), Long.toString(base), label);
        // bash's times prints the CPU wrk used (user and system) as the output's last
        // line
        List<String> timed = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "timed"));
        timed.addAll(command);
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(process.waitFor() == 0, "wrk failed:\n" + output);
        List<String> lines = output.lines().toList();
        Matcher times = TIMES.matcher(lines.get(lines.size() - 1));
        require(times.matches(), "no CPU times after wrk's output:\n" + output);
        Duration loadCpu = Duration
            .ofNanos((long) (1e9 * (Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                    + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4)))));
        Files.writeString(work.resolve("wrk-" + label + ".txt"), String.join(" ", command) + "\n" + output);
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        Matcher counts = COUNTS.matcher(output);
        require(rate.find() && counts.find(), "unexpected wrk output:\n" + output);
        Map<String, Double> percentiles = new HashMap<>();
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            double millis = switch (percentile.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            percentiles.put(percentile.group(1), millis);
        }
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        return new WrkResult(Double.parseDouble(rate.group(1)), percentiles.getOrDefault("50", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN), Long.parseLong(counts.group(1)),
                Long.parseLong(counts.group(2)), counts.group(3).trim(),
                socketErrors.find() ? socketErrors.group(1) : "none", output, loadCpu);
    }

    private static void print(String name, WrkResult result) {
        System.out.printf("%-36s %12.0f %10.2f %10.2f %12d %10d%n", name, result.rate(), result.p50Millis(),
                result.p99Millis(), result.accepted(), result.other());
        if (result.other() > 0) {
            System.out.printf("  other statuses (status x count): %s%n", result.otherStatuses());
        }
        if (!"none".equals(result.socketErrors())) {
            System.out.printf("  socket errors: %s%n", result.socketErrors());
        }
    }

    record KafkaCount(long records, long distinctSamples) {
    }

    /**
     * Every record on the topic, read to the end; samples are told apart by their
     * CloudEvent id.
     */
    private static KafkaCount countRecords(String bootstrapServers) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topic.QUALITY_SAMPLES.topicName())) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<String> ids = new HashSet<>();
            long records = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    records++;
                    Header id = record.headers().lastHeader("ce_id");
                    ids.add(new String(id.value(), StandardCharsets.UTF_8));
                }
            }
            return new KafkaCount(records, ids.size());
        }
    }

    /**
     * How long after the load the aggregator took to record every record of the topic, or
     * null.
     */
    private static Duration awaitAggregator(String collector, long records) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant started = Instant.now();
        Pattern consumed = Pattern.compile("^parley_quality_samples_consumed_total\\{[^}]*} ([\\d.E+]+)$",
                Pattern.MULTILINE);
        while (Duration.between(started, Instant.now()).toSeconds() < 180) {
            String scrape = client
                .send(HttpRequest.newBuilder(URI.create(collector + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
            double total = 0;
            Matcher matcher = consumed.matcher(scrape);
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
            }
            if (total >= records) {
                return Duration.between(started, Instant.now());
            }
            Thread.sleep(500);
        }
        return null;
    }

}
