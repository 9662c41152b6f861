package io.parley.devstack.up;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;
import io.parley.devstack.media.MediaPlan;
import io.parley.devstack.media.MediaServers;
import io.parley.devstack.ports.PortClaim;
import io.parley.devstack.ports.PortGuard;
import io.parley.devstack.redis.RedisExecutable;
import io.parley.devstack.run.DataLayout;
import io.parley.devstack.run.PidFile;
import io.parley.devstack.services.AppCache;
import io.parley.devstack.services.JvmOptions;
import io.parley.devstack.services.LaunchedService;
import io.parley.devstack.services.ReadinessWatch;
import io.parley.devstack.services.ServiceInstance;
import io.parley.devstack.services.ServiceJars;
import io.parley.devstack.services.ServiceLauncher;
import io.parley.devstack.services.StackPlan;
import io.parley.harness.ChildProcess;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.PostgresBinaries;
import io.parley.harness.PostgresServerProcess;
import io.parley.harness.RedisServerProcess;

/**
 * {@code ./parley up}: checks everything that can be checked before starting anything
 * (jars, a running stack, ports), then starts Redis, PostgreSQL, Kafka and all services,
 * and meanwhile Janus and coturn when they are installed, waits until each is ready,
 * reports how long that took and how much memory each holds, and stays in the foreground
 * until stopped.
 */
public final class UpCommand {

    private final UpOptions options;

    private final PrintStream console = System.out;

    public UpCommand(UpOptions options) {
        this.options = options;
    }

    public int run() {
        long startedNanos = System.nanoTime();
        StackPlan plan = StackPlan.of(options.signalingInstances());
        MediaPlan media = MediaPlan.detect();
        DataLayout layout = new DataLayout(options.dataDir());
        ServiceJars jars = ServiceJars.in(options.root());
        jars.requireAll(plan);
        PidFile pidFile = PidFile.at(layout.pidFile());
        refuseIfAlreadyRunning(pidFile);
        List<PortClaim> claims = new ArrayList<>(plan.portClaims());
        claims.addAll(media.portClaims());
        PortGuard.requireFree(claims);
        layout.create();
        RedisExecutable redisExecutable = RedisExecutable.resolve(layout.bin(), options.embeddedRedis());
        console.println("[devstack] data in " + layout.root());
        console.println("[devstack] redis-server " + redisExecutable.path() + " (" + redisExecutable.origin() + ")");
        PostgresBinaries postgresBinaries = PostgresBinaries.resolve();
        console.println("[devstack] postgres " + postgresBinaries.postgres() + " (" + postgresBinaries.origin()
                + "), log in " + layout.postgresLog());
        media.missing().forEach(line -> console.println("[devstack] " + line));

        pidFile.record(PidFile.LAUNCHER, ProcessHandle.current().pid());
        RunningStack stack = new RunningStack(pidFile, layout.postgresLog(), console);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        try {
            StartedStack started = start(stack, plan, media, layout, jars, redisExecutable, postgresBinaries);
            new ReadyReport(console).print(started, Duration.ofNanos(System.nanoTime() - startedNanos), layout,
                    downCommand());
        }
        catch (RuntimeException ex) {
            if (stack.isStopping()) {
                // Ctrl-C or ./parley down during startup: the shutdown hook is stopping
                // everything; not an error
                stack.awaitStopped(Duration.ofMinutes(5));
                return 0;
            }
            stack.stop();
            throw ex;
        }
        stack.watchUntilStopped();
        return 0;
    }

    private StartedStack start(RunningStack stack, StackPlan plan, MediaPlan media, DataLayout layout, ServiceJars jars,
            RedisExecutable redisExecutable, PostgresBinaries postgresBinaries) {
        ChildProcess.Output console = ChildProcess.Output.prefixed(this.console);

        List<String> jvmOptions = JvmOptions.forServices();
        ServiceLauncher launcher = new ServiceLauncher(jars, plan, layout, options.jsonLogs(), jvmOptions,
                options.fatJars() ? null : new AppCache(layout.apps(), jvmOptions), this.console);
        launcher.prepareInBackground();
        // beside the critical path: Janus and coturn answer within a second, long before
        // Kafka
        CompletableFuture<MediaServers> mediaServers = CompletableFuture
            .supplyAsync(() -> stack.startMedia(() -> MediaServers.start(media, layout,
                    URI.create(plan.urisOf(StackPlan.METRICS_COLLECTOR)), this.console)), daemon("media"));

        long redisStart = System.nanoTime();
        RedisServerProcess redis = stack.startRedis(() -> RedisServerProcess.start(redisExecutable.path(),
                StackPlan.REDIS_PORT, layout.redis(), layout.redisPassword(), console));
        Duration redisReady = since(redisStart);
        this.console.println("[devstack] redis is ready after " + ReadinessWatch.seconds(redisReady));

        long postgresStart = System.nanoTime();
        // its own log file, not the console: PostgreSQL logs every checkpoint and every
        // client that went away
        PostgresServerProcess postgres = stack.startPostgres(() -> PostgresServerProcess.start(postgresBinaries,
                StackPlan.POSTGRES_PORT, layout.postgres(), ChildProcess.Output.toFile(layout.postgresLog())));
        StackPlan.databases().forEach(postgres::createDatabase);
        Duration postgresReady = since(postgresStart);
        this.console.println("[devstack] postgres is ready after " + ReadinessWatch.seconds(postgresReady));

        long kafkaStart = System.nanoTime();
        KafkaBrokerProcess kafka = stack.startKafka(() -> KafkaBrokerProcess.start(StackPlan.KAFKA_PORT,
                StackPlan.KAFKA_CONTROLLER_PORT, layout.kafka(), console, JvmOptions.forKafka()));
        Duration kafkaReady = since(kafkaStart);
        this.console.println("[devstack] kafka is ready after " + ReadinessWatch.seconds(kafkaReady));

        MediaServers startedMedia = join(mediaServers);
        launcher.useMedia(startedMedia.signalingEnvironment(), startedMedia.collectorEnvironment());

        // all at once, gateway included: none needs another to start, and two cores are
        // kept busy either way
        this.console.println("[devstack] starting "
                + plan.services().stream().map(ServiceInstance::name).collect(Collectors.joining(", ")) + " with "
                + String.join(" ", jvmOptions));
        List<LaunchedService> launched = new ArrayList<>();
        for (ServiceInstance instance : plan.services()) {
            launched.add(stack.startService(() -> launcher.start(instance)));
        }
        Map<LaunchedService, Duration> ready = new ReadinessWatch(options.readyTimeout(), this.console).await(launched,
                stack::isStopping);
        return new StartedStack(redis, redisReady, postgres, postgresReady, kafka, kafkaReady, startedMedia, ready);
    }

    private void refuseIfAlreadyRunning(PidFile pidFile) {
        pidFile.read().ifPresent(previous -> {
            if (previous.launcher().liveProcess().isPresent()) {
                throw new DevstackException("Parley is already running (launcher pid " + previous.launcher().pid()
                        + ", " + pidFile.path() + "); stop it with `" + downCommand() + "`");
            }
            List<PidFile.Entry> leftovers = previous.children()
                .stream()
                .filter(child -> child.liveProcess().isPresent())
                .toList();
            if (!leftovers.isEmpty()) {
                throw new DevstackException(
                        "a previous `./parley up` (pid " + previous.launcher().pid() + ") ended without stopping "
                                + leftovers.stream()
                                    .map(child -> child.name() + " (pid " + child.pid() + ")")
                                    .collect(Collectors.joining(", "))
                                + "; clean up with `" + downCommand() + "`");
            }
            // the launcher was killed and nothing of it is left: the file is stale
            pidFile.delete();
        });
    }

    private String downCommand() {
        boolean defaultDataDir = options.dataDir().equals(options.root().resolve(".parley"));
        return "./parley down" + (defaultDataDir ? "" : " --data-dir " + options.dataDir());
    }

    private static Executor daemon(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /**
     * What the ready report needs: the infrastructure with its start times, the media
     * servers that run, and each service's time to ready.
     */
    record StartedStack(RedisServerProcess redis, Duration redisReady, PostgresServerProcess postgres,
            Duration postgresReady, KafkaBrokerProcess kafka, Duration kafkaReady, MediaServers media,
            Map<LaunchedService, Duration> services) {
    }

}
