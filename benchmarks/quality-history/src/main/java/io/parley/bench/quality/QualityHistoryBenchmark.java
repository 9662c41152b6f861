package io.parley.bench.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Samples stored per second by metrics-collector's consumer, beside COPY of the same rows on the same PostgreSQL.
 * The N samples are put on parley.quality.samples <b>before</b> the collector starts, so its consumer drains a
 * backlog as fast as it can: the rate is rows stored between the first and the last poll of quality_sample that saw
 * a change, over the time between them. Exactly N rows at the end means none lost and none stored twice.
 */
public final class QualityHistoryBenchmark {

    private static final String DATABASE = "quality";
    private static final String TABLE = "quality_sample";

    private QualityHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.samples", 200_000);
        int meetings = Integer.getInteger("bench.meetings", 500);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 600));
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("parley-quality-bench");
        System.out.printf("load average before start: %s", Files.readString(Path.of("/proc/loadavg")));
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(work.resolve("postgres"));
                KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"));
                RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"))) {
            postgres.createDatabase(DATABASE);
            postgres.createDatabase(CopyFloor.DATABASE);
            SampleSet samples = new SampleSet(size, meetings, Instant.now());
            produce(kafka, samples);

            Tables history = new Tables(postgres.jdbcUrl(DATABASE), postgres.username());
            List<String> settings = List.of("--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.r2dbc.url=" + postgres.r2dbcUrl(DATABASE),
                    "--spring.r2dbc.username=" + postgres.username(),
                    "--spring.flyway.url=" + postgres.jdbcUrl(DATABASE),
                    "--spring.flyway.user=" + postgres.username());
            Drain drain;
            double collectorCpu;
            try (CollectorProcess collector = CollectorProcess.start(CollectorProcess.packagedJar(root), work,
                    settings)) {
                collector.awaitReady(Duration.ofSeconds(120));
                double cpuBefore = collector.cpuSeconds();
                drain = Drain.watch(history, TABLE, size, timeout, collector::requireAlive);
                collectorCpu = collector.cpuSeconds() - cpuBefore;
                // anything stored twice or late would show up now
                Thread.sleep(3_000);
            }
            long finalRows = history.rows(TABLE);
            long distinct = history.single("select count(distinct event_id) from " + TABLE);
            long bytes = history.partitionBytes(TABLE);

            CopyFloor.Result floor = CopyFloor.run(new Tables(postgres.jdbcUrl(CopyFloor.DATABASE),
                    postgres.username()), root.resolve("metrics-collector/src/main/resources/db/migration/"
                            + "V1__quality_history.sql"), samples);

            report(size, drain, collectorCpu, finalRows, distinct, bytes, floor);
        }
        finally {
            // about half a gigabyte of PostgreSQL and Kafka data per run; -Dbench.keep=true keeps it and the logs
            if (!Boolean.getBoolean("bench.keep")) {
                deleteTree(work);
            }
        }
        System.out.printf("load average at the end: %s", Files.readString(Path.of("/proc/loadavg")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** All N samples on the topic (12 partitions, as the collector declares it), keyed by meeting like the beacons. */
    private static void produce(KafkaBrokerProcess kafka, SampleSet samples) throws Exception {
        Topic topic = Topic.QUALITY_SAMPLES;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic.topicName(), topic.partitions(), (short) 1))).all().get();
        }
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        EventCodec codec = new EventCodec(JsonMapper.builder().build(), "metrics-collector", Clock.systemUTC());
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < samples.size(); i++) {
                CloudEvent event = codec.encode(EventType.QUALITY_SAMPLE, samples.eventId(i), samples.meetingId(i),
                        samples.sample(i));
                producer.send(new ProducerRecord<>(topic.topicName(), samples.meetingId(i), event),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " samples were not put on Kafka");
        }
        System.out.printf("put %,d samples on %s (%d partitions) in %.1f s, before the collector started%n",
                samples.size(), topic.topicName(), topic.partitions(), (System.nanoTime() - started) / 1e9);
    }

    private static void report(int size, Drain drain, double collectorCpu, long finalRows, long distinct, long bytes,
            CopyFloor.Result floor) {
        System.out.println();
        System.out.printf("%-52s %12s %10s%n", "", "rows/s", "seconds");
        System.out.printf("%-52s %,12.0f %10.1f%n", "metrics-collector consumer (Kafka -> PostgreSQL)",
                drain.rowsPerSecond(), drain.seconds());
        System.out.printf("%-52s %,12.0f %10.1f%n", "  of which the second half of the rows (warm)",
                drain.warmRowsPerSecond(), drain.warmSeconds());
        System.out.printf("%-52s %,12.0f %10.2f%n", "COPY floor (same rows, same server, one statement)",
                floor.rowsPerSecond(), floor.seconds());
        System.out.printf("collector / COPY: %.1f%% (whole drain), %.1f%% (warm)%n",
                100 * drain.rowsPerSecond() / floor.rowsPerSecond(),
                100 * drain.warmRowsPerSecond() / floor.rowsPerSecond());
        System.out.printf("collector CPU while draining: %.1f s (%.0f ms per 1000 samples)%n", collectorCpu,
                1e6 * collectorCpu / Math.max(1, drain.rows()));
        System.out.printf("stored: %,d rows, %,d distinct event ids, %,d samples put on Kafka -> %s%n", finalRows,
                distinct, size, finalRows == size && distinct == size ? "zero lost, zero stored twice"
                        : "MISMATCH: " + (size - distinct) + " lost, " + (finalRows - distinct) + " twice");
        System.out.printf("storage: %,d bytes in quality_sample's partitions = %.0f bytes per sample "
                + "(heap, primary key, maps); the COPY floor's table: %.0f bytes per row%n", bytes,
                (double) bytes / Math.max(1, finalRows), (double) floor.bytes() / Math.max(1, floor.rows()));
    }
}
