package io.parley.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.harness.ChildProcess;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.net.LatencyProxy;

/**
 * Everything the scenarios disturb, started once per test JVM and shared by every
 * scenario (starting it is most of the suite's time): Redis with append-only persistence,
 * reached by every service through a {@link LatencyProxy} so the network to it can be
 * slowed or cut; a Kafka broker; PostgreSQL; meeting-service, stream-limit-service,
 * metrics-collector, people-service and two signaling instances, each its own JVM on a
 * free port.
 */
final class FaultStack {

    static final String QUALITY_DATABASE = "quality";

    static final String PEOPLE_DATABASE = "people";

    private static FaultStack stack;

    private static Exception failure;

    private final List<AutoCloseable> started;

    final RedisServerProcess redis;

    final LatencyProxy redisNetwork;

    final KafkaBrokerProcess kafka;

    final PostgresServerProcess postgres;

    final ServiceJvm meetings;

    final ServiceJvm streamLimit;

    final ServiceJvm collector;

    final ServiceJvm people;

    final List<ServiceJvm> signaling;

    private FaultStack(Path data, List<AutoCloseable> started) {
        this.started = started;
        redis = RedisServerProcess.start(RedisServerProcess.requireExecutable(), Ports.freePort(),
                data.resolve("redis"), ChildProcess.Output.toFile(data.resolve("redis.log")));
        started.add(redis);
        redisNetwork = LatencyProxy.start(redis.host(), redis.port());
        started.add(redisNetwork);
        postgres = PostgresServerProcess.startOnFreePort(data.resolve("postgres"));
        started.add(postgres);
        postgres.createDatabase(QUALITY_DATABASE);
        postgres.createDatabase(PEOPLE_DATABASE);
        kafka = KafkaBrokerProcess.start(Ports.freePort(), Ports.freePort(), data.resolve("kafka"),
                ChildProcess.Output.toFile(data.resolve("kafka.log")),
                List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx384m"));
        started.add(kafka);
        meetings = new ServiceJvm("meeting-service", "meeting-service", common(),
                Map.of("PARLEY_DATA_DIR", data.resolve("meeting-keys").toString()));
        String jwks = "--parley.tokens.jwks-uri=" + meetings.url() + "/.well-known/jwks.json";
        streamLimit = new ServiceJvm("stream-limit-service", "stream-limit-service", with(jwks), Map.of());
        collector = new ServiceJvm("metrics-collector", "metrics-collector", with(jwks),
                Map.of("PARLEY_POSTGRES_HOST", postgres.host(), "PARLEY_POSTGRES_PORT", String.valueOf(postgres.port()),
                        "PARLEY_POSTGRES_DB", QUALITY_DATABASE, "PARLEY_POSTGRES_USER", postgres.username()));
        people = new ServiceJvm("people-service", "people-service",
                with("--parley.people.calls.meeting-service-uri=" + meetings.url()),
                Map.of("PARLEY_POSTGRES_HOST", postgres.host(), "PARLEY_POSTGRES_PORT", String.valueOf(postgres.port()),
                        "PARLEY_POSTGRES_DB", PEOPLE_DATABASE, "PARLEY_POSTGRES_USER", postgres.username(),
                        "PARLEY_DATA_DIR", data.resolve("people-keys").toString()));
        signaling = new ArrayList<>();
        for (int instance = 1; instance <= 2; instance++) {
            signaling.add(new ServiceJvm("signaling-" + instance, "signaling-service",
                    with(jwks, "--parley.signaling.instance-id=signaling-" + instance,
                            "--parley.signaling.meeting-service-uri=" + meetings.url(),
                            "--parley.signaling.leases.stream-limit-uri=" + streamLimit.url(),
                            // the user socket: access tokens and catch-up come from
                            // people-service
                            "--parley.access-tokens.jwks-uri=" + people.url() + "/.well-known/jwks.json",
                            "--parley.signaling.users.people-service-uri=" + people.url(),
                            // more chat than a person types, so a fault meets messages in
                            // flight
                            "--parley.signaling.chat.per-second=10", "--parley.signaling.chat.burst=20",
                            // the end-of-scenario audit reads every message of the run
                            // from the history
                            "--parley.signaling.chat.history-size=2000",
                            // when the consumer group hands a dead instance's partitions
                            // on: the user socket's delivery path waits for it
                            "--logging.level.org.apache.kafka.clients.consumer.internals=INFO"),
                    Map.of()));
        }
        List<ServiceJvm> services = services();
        started.addAll(services);
        services.forEach(ServiceJvm::launch);
        services.forEach(ServiceJvm::awaitReady);
    }

    /**
     * The stack, started on first use and stopped when the test JVM exits. A stack that
     * failed to start is stopped at once and not tried again: each later scenario fails
     * with the same cause instead of starting another set of processes.
     */
    static synchronized FaultStack get() {
        if (failure != null) {
            throw new IllegalStateException("The stack did not start", failure);
        }
        if (stack == null) {
            List<AutoCloseable> started = new ArrayList<>();
            try {
                stack = new FaultStack(Files.createTempDirectory("parley-faults-"), started);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
            }
            catch (IOException | RuntimeException ex) {
                failure = ex;
                closeAll(started);
                throw new IllegalStateException("The stack did not start", ex);
            }
        }
        return stack;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int index = started.size() - 1; index >= 0; index--) {
            try {
                started.get(index).close();
            }
            catch (Exception ex) {
                // the rest must still be stopped
            }
        }
    }

    static Path output() {
        return Path.of(System.getProperty("parley.faults.output", "target"));
    }

    List<ServiceJvm> services() {
        List<ServiceJvm> all = new ArrayList<>(List.of(meetings, streamLimit, collector, people));
        all.addAll(signaling);
        return all;
    }

    String qualityJdbcUrl() {
        return postgres.jdbcUrl(QUALITY_DATABASE);
    }

    private List<String> common() {
        return List.of("--spring.data.redis.host=" + redisNetwork.host(),
                "--spring.data.redis.port=" + redisNetwork.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--logging.level.root=WARN",
                "--logging.level.io.parley=INFO");
    }

    private List<String> with(String... extra) {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(List.of(extra));
        return arguments;
    }

    private void close() {
        closeAll(started);
    }

}
