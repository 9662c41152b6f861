package io.parley.bench.messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;

/**
 * Everything the messages travel through, all real and on free ports: PostgreSQL (database {@code people}),
 * redis-server and a KRaft Kafka broker from the test harness; the gateway (every HTTP call of the load goes through
 * it, as a browser's does), people-service, meeting-service (a call creates a meeting there) and two signaling
 * instances, each its own JVM from its module's packaged jar.
 *
 * @param postgres also holds the floor's database
 */
record Stack(PostgresServerProcess postgres, RedisServerProcess redis, KafkaBrokerProcess kafka, Service gateway,
        Service people, Service meeting, Service signalingA, Service signalingB) {

    static final String PEOPLE_DATABASE = "people";
    /** Five JVMs starting together on two cores that others' builds also use took over five minutes (2026-12-06). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(600);

    /** Where the jars are, and the arguments each service gets beyond addresses (from {@code -Dbench.*Args}). */
    record Settings(Path root, List<String> gatewayArgs, List<String> peopleArgs, List<String> meetingArgs,
            List<String> signalingArgs) {
    }

    static Stack start(Path work, Cleanup cleanup, Settings settings) throws IOException, InterruptedException {
        PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(work.resolve("postgres"));
        cleanup.add(postgres::close);
        postgres.createDatabase(PEOPLE_DATABASE);
        RedisServerProcess redis = RedisServerProcess.startOnFreePort(work.resolve("redis"));
        cleanup.add(redis::close);
        KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(work.resolve("kafka"));
        cleanup.add(kafka::close);

        int peoplePort = Ports.freePort();
        int meetingPort = Ports.freePort();
        int[] signalingPorts = { Ports.freePort(), Ports.freePort() };
        String people = "http://127.0.0.1:" + peoplePort;
        String meeting = "http://127.0.0.1:" + meetingPort;
        List<String> common = List.of("--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.access-tokens.jwks-uri=" + people + "/.well-known/jwks.json",
                "--parley.tokens.jwks-uri=" + meeting + "/.well-known/jwks.json");

        List<String> peopleArgs = new ArrayList<>(common);
        peopleArgs.addAll(List.of("--spring.r2dbc.url=" + postgres.r2dbcUrl(PEOPLE_DATABASE),
                "--spring.r2dbc.username=" + postgres.username(),
                "--spring.flyway.url=" + postgres.jdbcUrl(PEOPLE_DATABASE),
                "--spring.flyway.user=" + postgres.username(),
                "--parley.people.tokens.data-dir=" + Files.createDirectories(work.resolve("people-data")),
                "--parley.people.calls.meeting-service-uri=" + meeting));
        peopleArgs.addAll(settings.peopleArgs());

        List<String> meetingArgs = new ArrayList<>(common);
        meetingArgs.add("--parley.meetings.tokens.data-dir=" + Files.createDirectories(work.resolve("meeting-data")));
        // every call creates a meeting from people-service's one address: the hourly limits (60 per address) would
        // refuse the ring load's calls after the first minute
        meetingArgs.addAll(List.of("--parley.meetings.creation-limits.per-address=1000000",
                "--parley.meetings.creation-limits.per-account=1000000"));
        meetingArgs.addAll(settings.meetingArgs());

        List<String> gatewayArgs = new ArrayList<>(common);
        gatewayArgs.addAll(List.of("--parley.gateway.services.people-service=" + people,
                "--parley.gateway.services.meeting-service=" + meeting,
                "--parley.gateway.services.signaling-service=http://127.0.0.1:" + signalingPorts[0]
                        + ",http://127.0.0.1:" + signalingPorts[1],
                // the limiter still runs on every request, as in production, with a budget the load cannot
                // exhaust (the default, 50/s per account, is below one sender's rate at low concurrency)
                "--parley.gateway.rate-limit.replenish-per-second=100000000",
                "--parley.gateway.rate-limit.burst-capacity=100000000"));
        gatewayArgs.addAll(settings.gatewayArgs());

        Path root = settings.root();
        Path signalingJar = Service.packagedJar(root, "signaling-service");
        List<Service> started = new ArrayList<>();
        Service gateway = Service.start("gateway", Service.packagedJar(root, "gateway"), Ports.freePort(),
                Ports.freePort(), work, "512m", gatewayArgs);
        started.add(gateway);
        cleanup.add(gateway::stop);
        // all five start at once: on two cores each waits for the others anyway, and nothing here needs another
        // to be up before it starts (token keys are fetched on first use)
        Service peopleService = Service.start("people-service", Service.packagedJar(root, "people-service"),
                peoplePort, work, "512m", peopleArgs);
        started.add(peopleService);
        cleanup.add(peopleService::stop);
        Service meetingService = Service.start("meeting-service", Service.packagedJar(root, "meeting-service"),
                meetingPort, work, "512m", meetingArgs);
        cleanup.add(meetingService::stop);
        started.add(meetingService);
        Service[] signaling = new Service[2];
        for (int i = 0; i < 2; i++) {
            String name = "signaling-" + (char) ('a' + i);
            List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--parley.signaling.instance-id=" + name,
                    "--parley.signaling.users.people-service-uri=" + people,
                    "--parley.signaling.meeting-service-uri=" + meeting));
            args.addAll(settings.signalingArgs());
            signaling[i] = Service.start(name, signalingJar, signalingPorts[i], work, "512m", args);
            cleanup.add(signaling[i]::stop);
            started.add(signaling[i]);
        }
        for (Service service : started) {
            service.awaitReady(READY_TIMEOUT);
        }
        return new Stack(postgres, redis, kafka, gateway, peopleService, meetingService, signaling[0], signaling[1]);
    }

    List<Service> services() {
        return List.of(gateway, people, meeting, signalingA, signalingB);
    }

    void requireAlive() {
        services().forEach(Service::requireAlive);
    }
}
