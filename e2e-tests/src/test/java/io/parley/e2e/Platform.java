package io.parley.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.parley.devstack.run.PidFile;
import io.parley.devstack.services.ServiceInstance;
import io.parley.devstack.services.StackPlan;

/**
 * The whole platform as {@code ./parley up --signaling-instances 2} runs it: the devstack
 * launcher as a child JVM (on devstack's own class path, as the script starts it), which
 * runs Redis, Kafka and every service jar of the checkout. Two signaling instances, so
 * that browsers of one meeting can sit on different instances and one of them can be
 * killed. It takes the devstack's fixed ports (gateway 8080): nothing else may hold them
 * meanwhile.
 */
final class Platform implements AutoCloseable {

    static final URI GATEWAY = URI.create("http://localhost:8080");
    static final int SIGNALING_INSTANCES = 2;

    /**
     * meeting-service's timer presets here, shortest first ({@link #MEETING_SETTINGS}):
     * not its default list, so TimerButtonsIT sees the client draw what the server lists;
     * {@code seconds_15} stays for CallIT's countdown.
     */
    static final List<String> TIMER_PRESETS = List.of("seconds_15", "seconds_20", "minutes_2");

    /**
     * Given to the services as {@code SPRING_APPLICATION_JSON}; only meeting-service
     * reads {@code parley.meetings}. A stack attached to with
     * {@code parley.e2e.running-stack} must be started with the same variable.
     */
    static final String MEETING_SETTINGS = "{\"parley\":{\"meetings\":{\"timer-presets\":"
            + "{\"seconds_15\":15,\"seconds_20\":20,\"minutes_2\":120}}}}";

    /**
     * How long the devstack waits for its services to be ready. Six JVMs and Kafka
     * starting on two cores that the rest of a build (or other people's builds) also use
     * need more than its default of two minutes at times; an outer bound, not an
     * expectation.
     */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** Kafka first, then the services. */
    private static final Duration UP_TIMEOUT = READY_TIMEOUT.plusMinutes(2);

    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

    private static final String READY_LINE = "Parley is up:";

    /** Null when attached to a stack someone else started (and will stop). */
    private final Process launcher;

    private final Path dataDir;

    private final Path log;

    private final StackPlan plan = StackPlan.of(SIGNALING_INSTANCES);

    private final List<ProcessHandle> processes = new ArrayList<>();

    private boolean closed;

    private Platform(Process launcher, Path dataDir, Path log) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.log = log;
    }

    /**
     * The stack to test: a running {@code ./parley up --signaling-instances 2} when the
     * system property {@code parley.e2e.running-stack} names its data directory (quick
     * iterations on the client: the stack stays up between runs; note that FailoverIT
     * kills one of its signaling instances), otherwise a new one.
     */
    static Platform startOrAttach(Path root, Path output) {
        String running = System.getProperty("parley.e2e.running-stack");
        return running == null || running.isBlank() ? start(root, output) : attach(Path.of(running).toAbsolutePath());
    }

    private static Platform attach(Path dataDir) {
        PidFile.Contents recorded = PidFile.at(dataDir.resolve("run/devstack.pid"))
            .read()
            .filter(contents -> contents.launcher().liveProcess().isPresent())
            .orElseThrow(() -> new IllegalStateException(
                    "parley.e2e.running-stack is " + dataDir + ", but no ./parley up runs with that data directory"));
        long instances = recorded.children()
            .stream()
            .filter(child -> child.name().startsWith("signaling-service"))
            .count();
        if (instances != SIGNALING_INSTANCES) {
            throw new IllegalStateException("the running stack has " + instances + " signaling instance(s); the "
                    + "tests need ./parley up --signaling-instances " + SIGNALING_INSTANCES);
        }
        return new Platform(null, dataDir, null);
    }

    /** One signaling-service process: its devstack name, its port and its pid. */
    record SignalingInstance(String name, int port, long pid) {
    }

    static Platform start(Path root, Path output) {
        Path classes = root.resolve("devstack/target/classes");
        Path classpathFile = root.resolve("devstack/target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("devstack is not built in " + root + " (no " + classpathFile
                    + "); build the reactor first: ./mvnw -DskipTests install");
        }
        try {
            Path dataDir = output.resolve("platform");
            clearExceptApps(dataDir);
            Path log = output.resolve("devstack.log");
            String classpath = classes + java.io.File.pathSeparator
                    + Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
            List<String> command = List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                    "-Xmx128m", "-Dparley.root=" + root, "-cp", classpath, "io.parley.devstack.Devstack", "up",
                    "--no-build", "--data-dir", dataDir.toString(), "--signaling-instances",
                    String.valueOf(SIGNALING_INSTANCES), "--ready-timeout", String.valueOf(READY_TIMEOUT.toSeconds()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            // the services inherit the launcher's environment
            builder.environment().put("SPRING_APPLICATION_JSON", MEETING_SETTINGS);
            Process launcher = builder.start();
            Platform platform = new Platform(launcher, dataDir, log);
            // should the test JVM be stopped (Ctrl-C, a Failsafe timeout) before the run
            // ends, the stack goes too
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
            platform.awaitUp();
            return platform;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the devstack: " + ex.getMessage(), ex);
        }
    }

    /**
     * A clean slate for Redis, Kafka and the services' files, but the unpacked service
     * jars and their class-data archives ({@code apps/}) of the previous run stay: with
     * them the services start in about half the CPU time (docs/devstack.md), which is
     * most of the wait on two cores.
     */
    private static void clearExceptApps(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals("apps")).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = read(log);
            if (output.contains(READY_LINE)) {
                processes.add(launcher.toHandle());
                processes.addAll(launcher.toHandle().descendants().toList());
                return;
            }
            if (!launcher.isAlive()) {
                // the launcher's own explanation (ports taken, jars missing, a service
                // not ready) is its last word
                String reason = output.lines()
                    .filter(line -> line.startsWith("parley: "))
                    .reduce((a, b) -> b)
                    .orElse("no reason given");
                throw new IllegalStateException("the devstack exited with " + launcher.exitValue()
                        + " before the platform was up: " + reason + "\n(its output is in " + log
                        + "; the tests need the ports of ./parley up: 8080-8086, 6379, 9092, 9093)\n" + tail(output));
            }
            sleep(Duration.ofMillis(500));
        }
        String output = read(log);
        close();
        throw new IllegalStateException("the platform was not up within " + UP_TIMEOUT.toSeconds() + " s; "
                + "the devstack's output (" + log + "):\n" + tail(output));
    }

    List<SignalingInstance> signalingInstances() {
        PidFile.Contents recorded = PidFile.at(dataDir.resolve("run/devstack.pid"))
            .read()
            .orElseThrow(() -> new IllegalStateException("the devstack wrote no pid file in " + dataDir));
        List<SignalingInstance> instances = new ArrayList<>();
        for (ServiceInstance service : plan.backends()) {
            if (!service.module().equals("signaling-service")) {
                continue;
            }
            recorded.children()
                .stream()
                .filter(child -> child.name().equals(service.name()))
                .findFirst()
                .ifPresent(child -> instances.add(new SignalingInstance(service.name(), service.port(), child.pid())));
        }
        return instances;
    }

    /** SIGKILL, as a crash or an OOM kill would: no drain, no goodbye to the sockets. */
    void kill(SignalingInstance instance) {
        Optional<ProcessHandle> process = ProcessHandle.of(instance.pid());
        process.ifPresent(ProcessHandle::destroyForcibly);
        process.ifPresent(handle -> handle.onExit().join());
    }

    /**
     * SIGTERM to the launcher, whose shutdown hook stops the gateway, the services, Kafka
     * and Redis in order; then anything of the stack that is somehow still alive is
     * killed, so no run leaves processes or bound ports.
     */
    @Override
    public synchronized void close() {
        if (launcher == null || closed) {
            return;
        }
        closed = true;
        processes.addAll(launcher.toHandle().descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(DOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> leftovers = processes.stream().filter(ProcessHandle::isAlive).toList();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        leftovers.forEach(process -> process.onExit().join());
        if (!leftovers.isEmpty()) {
            System.err.println("[e2e] killed processes the devstack left behind: " + leftovers.stream()
                .map(process -> String.valueOf(process.pid()))
                .collect(Collectors.joining(", ")));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform", ex);
        }
    }

}
