package io.parley.devstack.up;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.parley.devstack.DevstackException;
import io.parley.devstack.media.MediaServers;
import io.parley.devstack.run.PidFile;
import io.parley.devstack.services.LaunchedService;
import io.parley.devstack.services.ReadinessWatch;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;

/**
 * The processes of a running stack, and the one way they stop: the gateway first (no new
 * requests reach the backends), then the backends (their last Kafka sends, Redis and
 * database writes still find the servers; signaling closes its Janus sessions), then
 * Janus and coturn, then Kafka, then PostgreSQL, then Redis. The shutdown hook (Ctrl-C,
 * SIGTERM from {@code ./parley down}) and a failed start both use it.
 * <p>
 * Processes are started while holding this object's lock and stopping flips a flag under
 * the same lock, so a Ctrl-C in the middle of startup can never miss a process that is
 * being started at that moment.
 */
final class RunningStack {

    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);

    private static final Duration REDIS_GRACE = Duration.ofSeconds(10);

    private static final String OUTPUT_ABOVE = "its output is above";

    private final PidFile pidFile;

    private final Path postgresLog;

    private final PrintStream console;

    private final ProcessStops stops;

    private final CountDownLatch stopped = new CountDownLatch(1);

    private final List<LaunchedService> services = new ArrayList<>();

    private RedisServerProcess redis;

    private PostgresServerProcess postgres;

    private KafkaBrokerProcess kafka;

    private MediaServers media;

    private boolean stopping;

    RunningStack(PidFile pidFile, Path postgresLog, PrintStream console) {
        this.pidFile = pidFile;
        this.postgresLog = postgresLog;
        this.console = console;
        this.stops = new ProcessStops(console);
    }

    synchronized RedisServerProcess startRedis(Supplier<RedisServerProcess> starter) {
        requireNotStopping();
        redis = starter.get();
        redis.pid().ifPresent(pid -> pidFile.record("redis", pid));
        return redis;
    }

    synchronized PostgresServerProcess startPostgres(Supplier<PostgresServerProcess> starter) {
        requireNotStopping();
        postgres = starter.get();
        postgres.pid().ifPresent(pid -> pidFile.record("postgres", pid));
        return postgres;
    }

    synchronized KafkaBrokerProcess startKafka(Supplier<KafkaBrokerProcess> starter) {
        requireNotStopping();
        kafka = starter.get();
        kafka.pid().ifPresent(pid -> pidFile.record("kafka", pid));
        return kafka;
    }

    /**
     * Unlike the others, started without holding the lock, so Redis, PostgreSQL and Kafka
     * start meanwhile; a stop that came first gets the media servers stopped here, or, if
     * it ran in between, as its leftover children.
     */
    MediaServers startMedia(Supplier<MediaServers> starter) {
        synchronized (this) {
            requireNotStopping();
        }
        MediaServers started = starter.get();
        synchronized (this) {
            if (stopping) {
                started.stop();
                throw new DevstackException("stopping");
            }
            media = started;
            started.running().forEach(server -> server.pid().ifPresent(pid -> pidFile.record(server.name(), pid)));
        }
        return started;
    }

    synchronized LaunchedService startService(Supplier<LaunchedService> starter) {
        requireNotStopping();
        LaunchedService service = starter.get();
        services.add(service);
        pidFile.record(service.name(), service.process().pid());
        return service;
    }

    private void requireNotStopping() {
        if (stopping) {
            throw new DevstackException("stopping");
        }
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * Stops everything in order; a second caller waits for the first to finish instead of
     * returning early.
     */
    void stop() {
        List<LaunchedService> servicesToStop;
        KafkaBrokerProcess kafkaToStop;
        MediaServers mediaToStop;
        PostgresServerProcess postgresToStop;
        RedisServerProcess redisToStop;
        boolean alreadyStopping;
        synchronized (this) {
            alreadyStopping = stopping;
            stopping = true;
            servicesToStop = List.copyOf(services);
            kafkaToStop = kafka;
            mediaToStop = media;
            postgresToStop = postgres;
            redisToStop = redis;
        }
        if (alreadyStopping) {
            // e.g. the shutdown hook while a failed start is still cleaning up: the JVM
            // must not halt before that
            awaitStopped(Duration.ofMinutes(5));
            return;
        }
        long started = System.nanoTime();
        try {
            console.println("[devstack] stopping Parley: gateway, then the other services, then Janus and coturn, "
                    + "then Kafka, then PostgreSQL, then Redis");
            stops.stopServices(servicesToStop);
            if (mediaToStop != null) {
                mediaToStop.stop();
            }
            if (kafkaToStop != null) {
                kafkaToStop.pid().ifPresent(pid -> ProcessStops.terminate(pid, KAFKA_GRACE));
                kafkaToStop.stop(); // a no-op once it exited; otherwise the harness's
                                    // SIGTERM-then-SIGKILL
            }
            if (postgresToStop != null) {
                postgresToStop.stop(); // the harness's fast shutdown: a checkpoint, then
                                       // exit
            }
            if (redisToStop != null) {
                redisToStop.pid().ifPresent(pid -> ProcessStops.terminate(pid, REDIS_GRACE));
                redisToStop.stop();
            }
            stops.stopLeftovers();
            console.println("[devstack] stopped after "
                    + ReadinessWatch.seconds(Duration.ofNanos(System.nanoTime() - started)));
        }
        finally {
            pidFile.delete();
            stopped.countDown();
        }
    }

    /** True once everything is stopped. */
    boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Until the stack is stopped, reports any process that dies on its own. The others
     * keep running, as they would in production, so the developer can read the dead one's
     * log and restart the stack when ready.
     */
    void watchUntilStopped() {
        Set<String> reported = new HashSet<>();
        while (!awaitStopped(Duration.ofSeconds(1))) {
            List<LaunchedService> current;
            boolean redisDown;
            boolean postgresDown;
            boolean kafkaDown;
            List<MediaServers.Running> mediaDown;
            synchronized (this) {
                if (stopping) {
                    continue;
                }
                current = List.copyOf(services);
                redisDown = redis != null && !redis.isRunning();
                postgresDown = postgres != null && !postgres.isRunning();
                kafkaDown = kafka != null && !kafka.isRunning();
                mediaDown = media == null ? List.of()
                        : media.running().stream().filter(server -> !server.process().isRunning()).toList();
            }
            for (LaunchedService service : current) {
                if (!service.process().isAlive() && reported.add(service.name())) {
                    report(service.name() + " exited with code " + service.process().exitValue(), OUTPUT_ABOVE);
                }
            }
            if (redisDown && reported.add("redis")) {
                report("Redis exited", OUTPUT_ABOVE);
            }
            if (postgresDown && reported.add("postgres")) {
                report("PostgreSQL exited", "its log is " + postgresLog);
            }
            if (kafkaDown && reported.add("kafka")) {
                report("Kafka exited", OUTPUT_ABOVE);
            }
            mediaDown.stream()
                .filter(server -> reported.add(server.name()))
                .forEach(server -> report(server.name() + " exited", "its log is in " + server.log()));
        }
    }

    private void report(String what, String whereItsOutputIs) {
        console.println("[devstack] " + what + " — the rest keeps running; " + whereItsOutputIs + ". Restart the "
                + "stack with Ctrl-C (or ./parley down) and ./parley up");
    }

}
