package io.parley.devstack.services;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.parley.devstack.run.DataLayout;
import io.parley.harness.ChildProcess;
import io.parley.harness.PostgresServerProcess;

/**
 * Starts one service as its own JVM ({@code java -jar}), the way it runs in a container:
 * separate heaps, its own log, killable on its own. Everything it needs to find Redis,
 * Kafka, PostgreSQL and the other services comes in through the environment variables its
 * application.yml reads; anything else in the developer's environment is inherited.
 */
public final class ServiceLauncher {

    /**
     * Unpacking is CPU-bound and Kafka is starting meanwhile: two at a time keeps both
     * cores busy, no more.
     */
    private static final int UNPACK_THREADS = 2;

    private final ServiceJars jars;

    private final StackPlan plan;

    private final DataLayout layout;

    private final boolean jsonLogs;

    private final List<String> jvmOptions;

    private final PrintStream console;

    private final AppCache cache;

    private final Set<String> recordingModules = new HashSet<>();

    private CompletableFuture<Map<String, AppCache.PreparedApp>> prepared;

    private volatile Map<String, String> signalingMedia = Map.of();

    private volatile Map<String, String> collectorMedia = Map.of();

    /** {@code cache} null: run the fat jars as they are (--fat-jars). */
    public ServiceLauncher(ServiceJars jars, StackPlan plan, DataLayout layout, boolean jsonLogs,
            List<String> jvmOptions, AppCache cache, PrintStream console) {
        this.jars = jars;
        this.plan = plan;
        this.layout = layout;
        this.jsonLogs = jsonLogs;
        this.jvmOptions = jvmOptions;
        this.cache = cache;
        this.console = console;
    }

    /**
     * Unpacks what changed since the last run while Redis and Kafka start; {@link #start}
     * waits for it.
     */
    public void prepareInBackground() {
        List<String> modules = plan.services().stream().map(ServiceInstance::module).distinct().toList();
        Map<String, AppCache.PreparedApp> apps = new ConcurrentHashMap<>();
        if (cache == null) {
            modules.forEach(module -> apps.put(module, new AppCache.PreparedApp(jars.jarOf(module), null, null, null)));
            prepared = CompletableFuture.completedFuture(apps);
            return;
        }
        ExecutorService unpackers = Executors.newFixedThreadPool(UNPACK_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "unpack");
            thread.setDaemon(true);
            return thread;
        });
        prepared = CompletableFuture
            .allOf(modules.stream()
                .map(module -> CompletableFuture
                    .runAsync(() -> apps.put(module, cache.prepare(module, jars.jarOf(module))), unpackers))
                .toArray(CompletableFuture[]::new))
            .thenApply(done -> {
                unpackers.shutdown();
                return apps;
            });
    }

    /**
     * The media servers' settings (see MediaServers), for every signaling instance
     * started from now on (none: meetings stay peer-to-peer and get no TURN relay), and
     * for metrics-collector the credentials Janus posts its events with (none: the
     * collector's Janus events endpoint stays off).
     */
    public void useMedia(Map<String, String> signalingEnvironment, Map<String, String> collectorEnvironment) {
        this.signalingMedia = Map.copyOf(signalingEnvironment);
        this.collectorMedia = Map.copyOf(collectorEnvironment);
    }

    public LaunchedService start(ServiceInstance instance) {
        if (prepared == null) {
            prepareInBackground();
        }
        AppCache.PreparedApp app;
        try {
            app = prepared.join().get(instance.module());
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
        // only the first instance of a module may record the class-data archive
        boolean recordArchive = recordingModules.add(instance.module());
        List<String> cdsOptions = app.cdsOptions(recordArchive);
        boolean records = cdsOptions.stream().anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start(instance.name(), command(instance, app.jar(), cdsOptions),
                environment(instance), ChildProcess.Output.prefixed(console));
        return new LaunchedService(instance, process, started, app, records);
    }

    List<String> command(ServiceInstance instance, Path jar, List<String> cdsOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(cdsOptions);
        command.add("-jar");
        command.add(jar.toString());
        // the port variable below is what application.yml reads; the argument makes sure
        // the readiness probe
        // and the gateway hit the port chosen here even if someone changes that file
        command.add("--server.port=" + instance.port());
        return command;
    }

    Map<String, String> environment(ServiceInstance instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(instance.portVariable(), Integer.toString(instance.port()));
        env.put("PARLEY_REDIS_HOST", "127.0.0.1");
        env.put("PARLEY_REDIS_PORT", Integer.toString(StackPlan.REDIS_PORT));
        env.put("PARLEY_REDIS_PASSWORD", layout.redisPassword());
        env.put("PARLEY_KAFKA_BOOTSTRAP", "127.0.0.1:" + StackPlan.KAFKA_PORT);
        env.put("PARLEY_DATA_DIR", layout.serviceData().toString());
        // local development turns on what an operator would decide on in production (off
        // by default there)
        env.put("PARLEY_STREAMS_SEED_API_ENABLED", "true");
        env.put("PARLEY_QUALITY_ANONYMOUS_BEACONS_ENABLED", "true");
        env.put("PARLEY_GATEWAY_AUTH_ANONYMOUSBEACONS", "true");
        if (instance.isGateway()) {
            env.put("PARLEY_MEETING_URIS", plan.urisOf(StackPlan.MEETING));
            env.put("PARLEY_SIGNALING_URIS", plan.urisOf(StackPlan.SIGNALING));
            env.put("PARLEY_STREAM_LIMIT_URIS", plan.urisOf(StackPlan.STREAM_LIMIT));
            env.put("PARLEY_METRICS_COLLECTOR_URIS", plan.urisOf(StackPlan.METRICS_COLLECTOR));
            env.put("PARLEY_PEOPLE_URIS", plan.urisOf(StackPlan.PEOPLE));
            env.put("PARLEY_RECORDING_URIS", plan.urisOf(StackPlan.RECORDING));
        }
        // people-service and metrics-collector keep data in PostgreSQL, each in its own
        // database; no password, the
        // local server trusts loopback sessions
        StackPlan.databaseOf(instance.module()).ifPresent(database -> {
            env.put("PARLEY_POSTGRES_HOST", "127.0.0.1");
            env.put("PARLEY_POSTGRES_PORT", Integer.toString(StackPlan.POSTGRES_PORT));
            env.put("PARLEY_POSTGRES_DB", database);
            env.put("PARLEY_POSTGRES_USER", PostgresServerProcess.USER);
        });
        if (instance.module().equals(StackPlan.SIGNALING)) {
            env.putAll(signalingMedia);
        }
        if (instance.module().equals(StackPlan.METRICS_COLLECTOR)) {
            env.putAll(collectorMedia);
        }
        if (instance.module().equals(StackPlan.RECORDING)) {
            env.put("PARLEY_RECORDINGS_CAPTURE_DIR", layout.captures().toString());
            env.put("PARLEY_RECORDINGS_STORAGE_DIR", layout.recordings().toString());
        }
        if (instance.module().equals(StackPlan.PEOPLE)) {
            // the gateway does not pass the browser's Host on: an OpenID Connect provider
            // must redirect to the gateway
            env.put("PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI", "http://localhost:" + plan.gateway().port());
            // the export lists the account's recordings there; the stack runs one
            // recording-service
            env.put("PARLEY_PEOPLE_EXPORT_RECORDINGSURL", plan.urisOf(StackPlan.RECORDING));
        }
        if (jsonLogs) {
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return env;
    }

}
