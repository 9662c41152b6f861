package io.parley.devstack.up;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;
import io.parley.devstack.run.PidFile;
import io.parley.devstack.services.LaunchedService;
import io.parley.devstack.services.ReadinessWatch;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.Ports;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;

/**
 * The processes of a running stack, and the one way they stop: the gateway first (no new
 * requests reach the backends), then the backends (their last Kafka sends, Redis and
 * database writes still find the servers), then Kafka, then PostgreSQL, then Redis. The
 * shutdown hook (Ctrl-C, SIGTERM from {@code ./parley down}) and a failed start both use
 * it.
 * <p>
 * Processes are started while holding this object's lock and stopping flips a flag under
 * the same lock, so a Ctrl-C in the middle of startup can never miss a process that is
 * being started at that moment.
 */
final class RunningStack {

    /**
     * Longer than the services' own graceful-shutdown budget
     * (spring.lifecycle.timeout-per-shutdown-phase, 20 s).
     */
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);

    /**
     * Writing a class-data archive on the way out costs several CPU-seconds, far more on
     * a busy machine.
     */
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(60);

    private static final int SIGTERM_EXIT = 143;

    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);

    private static final Duration REDIS_GRACE = Duration.ofSeconds(10);

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private static final String OUTPUT_ABOVE = "its output is above";

    private final PidFile pidFile;

    private final Path postgresLog;

    private final PrintStream console;

    private final CountDownLatch stopped = new CountDownLatch(1);

    private final List<LaunchedService> services = new ArrayList<>();

    private RedisServerProcess redis;

    private PostgresServerProcess postgres;

    private KafkaBrokerProcess kafka;

    private boolean stopping;

    RunningStack(PidFile pidFile, Path postgresLog, PrintStream console) {
        this.pidFile = pidFile;
        this.postgresLog = postgresLog;
        this.console = console;
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
        PostgresServerProcess postgresToStop;
        RedisServerProcess redisToStop;
        boolean alreadyStopping;
        synchronized (this) {
            alreadyStopping = stopping;
            stopping = true;
            servicesToStop = List.copyOf(services);
            kafkaToStop = kafka;
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
            console.println("[devstack] stopping Parley: gateway, then the other services, then Kafka, then "
                    + "PostgreSQL, then Redis");
            stopServices(servicesToStop);
            if (kafkaToStop != null) {
                kafkaToStop.pid().ifPresent(pid -> terminate(pid, KAFKA_GRACE));
                kafkaToStop.stop(); // a no-op once it exited; otherwise the harness's
                                    // SIGTERM-then-SIGKILL
            }
            if (postgresToStop != null) {
                postgresToStop.stop(); // the harness's fast shutdown: a checkpoint, then
                                       // exit
            }
            if (redisToStop != null) {
                redisToStop.pid().ifPresent(pid -> terminate(pid, REDIS_GRACE));
                redisToStop.stop();
            }
            stopLeftovers();
            console.println("[devstack] stopped after "
                    + ReadinessWatch.seconds(Duration.ofNanos(System.nanoTime() - started)));
        }
        finally {
            pidFile.delete();
            stopped.countDown();
        }
    }

    /**
     * The gateway first: once it no longer accepts connections, nothing new reaches the
     * backends, which are then stopped together while the gateway's JVM finishes exiting
     * (writing a class-data archive can take a while).
     */
    private void stopServices(List<LaunchedService> servicesToStop) {
        List<Thread> stoppers = new ArrayList<>();
        for (LaunchedService gateway : servicesToStop.stream().filter(s -> s.instance().isGateway()).toList()) {
            stoppers.add(startThread("stop-" + gateway.name(), () -> stopService(gateway)));
            awaitNoLongerServing(gateway);
        }
        for (LaunchedService backend : servicesToStop.stream().filter(s -> !s.instance().isGateway()).toList()) {
            stoppers.add(startThread("stop-" + backend.name(), () -> stopService(backend)));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread startThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private void awaitNoLongerServing(LaunchedService service) {
        long deadline = System.nanoTime() + graceOf(service).toNanos();
        while (service.process().isAlive() && Ports.isListening(service.instance().port())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration graceOf(LaunchedService service) {
        return service.recordsArchive() ? RECORDING_GRACE : SERVICE_GRACE;
    }

    private void stopService(LaunchedService service) {
        boolean wasRunning = service.process().isAlive();
        Duration grace = graceOf(service);
        if (wasRunning && !terminate(service.process().pid(), grace)) {
            console.println(
                    "[devstack] " + service.name() + " did not stop within " + grace.toSeconds() + " s; killing it");
            service.process().kill();
            service.exited(false);
            return;
        }
        service.process().waitFor(Duration.ofSeconds(5));
        // 143 = the JVM's exit after SIGTERM; a service that died before being asked to
        // stop is not clean
        int status = service.process().isAlive() ? -1 : service.process().exitValue();
        service.exited(wasRunning && (status == SIGTERM_EXIT || status == 0));
    }

    /**
     * SIGTERM through the process handle rather than {@code Process.destroy()}, which
     * also closes the output pipe at once and so swallows everything a process logs while
     * it shuts down. True if it exited within the grace.
     */
    private static boolean terminate(long pid, Duration grace) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException ex) {
            return !process.get().isAlive();
        }
    }

    /**
     * Whatever is still a child of this JVM: a Redis, PostgreSQL or Kafka whose start
     * failed half-way (the harness does not hand those back), or a process started while
     * Ctrl-C arrived. Nothing may outlive the launcher.
     */
    private void stopLeftovers() {
        List<ProcessHandle> leftovers = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (leftovers.isEmpty()) {
            return;
        }
        console.println("[devstack] stopping leftover processes "
                + leftovers.stream().map(ProcessHandle::pid).map(String::valueOf).collect(Collectors.joining(", ")));
        leftovers.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        for (ProcessHandle leftover : leftovers) {
            long remaining = deadline - System.nanoTime();
            try {
                leftover.onExit().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            }
            catch (Exception notYet) {
                leftover.destroyForcibly();
            }
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
            synchronized (this) {
                if (stopping) {
                    continue;
                }
                current = List.copyOf(services);
                redisDown = redis != null && !redis.isRunning();
                postgresDown = postgres != null && !postgres.isRunning();
                kafkaDown = kafka != null && !kafka.isRunning();
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
        }
    }

    private void report(String what, String whereItsOutputIs) {
        console.println("[devstack] " + what + " — the rest keeps running; " + whereItsOutputIs + ". Restart the "
                + "stack with Ctrl-C (or ./parley down) and ./parley up");
    }

}
