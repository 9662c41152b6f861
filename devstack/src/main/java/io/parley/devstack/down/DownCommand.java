package io.parley.devstack.down;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;
import io.parley.devstack.Usage;
import io.parley.devstack.run.DataLayout;
import io.parley.devstack.run.PidFile;
import io.parley.devstack.services.ReadinessWatch;

/**
 * {@code ./parley down}: asks the running launcher to stop (SIGTERM, which runs its
 * ordered shutdown) and waits. If the launcher is gone — killed with SIGKILL, or its
 * terminal closed the hard way — it stops the children the pid file recorded itself, in
 * the same order, so nothing is left holding the ports.
 */
public final class DownCommand {

    /**
     * About the launcher's own worst case: 60 s for the services (a service writing its
     * class-data archive on the way out; 30 s otherwise), 10 s each for Janus and coturn,
     * 30 s for Kafka, 30 s for PostgreSQL, 10 s for Redis, 10 s for leftovers. Usually it
     * needs a few seconds; killing it earlier would only leave its work to this command.
     */
    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(165);

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);

    private static final Duration CHILD_GRACE = Duration.ofSeconds(30);

    private final Path dataDir;

    private final PrintStream console = System.out;

    public DownCommand(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static Path dataDir(List<String> args, Path root) {
        Path dataDir = root.resolve(".parley");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            }
            else if (arg.equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Path.of(args.get(++i));
            }
            else {
                throw new DevstackException("unknown option '" + arg + "' for down\n\n" + Usage.TEXT);
            }
        }
        return dataDir.toAbsolutePath().normalize();
    }

    public int run() {
        PidFile pidFile = PidFile.at(new DataLayout(dataDir).pidFile());
        Optional<PidFile.Contents> recorded = pidFile.read();
        if (recorded.isEmpty()) {
            console.println("Parley is not running (there is no " + pidFile.path() + ").");
            return 0;
        }
        PidFile.Contents contents = recorded.get();
        long started = System.nanoTime();
        Optional<ProcessHandle> launcher = contents.launcher().liveProcess();
        if (launcher.isPresent()) {
            console.println("Stopping Parley (launcher pid " + launcher.get().pid() + ") ...");
            stopLauncher(launcher.get());
        }
        else {
            console.println("The launcher (pid " + contents.launcher().pid() + ") is not running any more.");
        }
        stopLeftovers(contents.children());
        pidFile.delete();
        console.println(
                "Parley is stopped (" + ReadinessWatch.seconds(Duration.ofNanos(System.nanoTime() - started)) + ").");
        return 0;
    }

    private void stopLauncher(ProcessHandle launcher) {
        launcher.destroy();
        long waited = 0;
        boolean exited = false;
        while (!exited && waited < LAUNCHER_GRACE.toSeconds()) {
            exited = awaitExit(launcher, PROGRESS_INTERVAL);
            waited += PROGRESS_INTERVAL.toSeconds();
            if (!exited && waited < LAUNCHER_GRACE.toSeconds()) {
                console.println("  still stopping after " + waited + " s (its output shows what it waits for)");
            }
        }
        if (!exited) {
            console.println("The launcher did not stop within " + LAUNCHER_GRACE.toSeconds() + " s; killing it.");
            launcher.destroyForcibly();
            awaitExit(launcher, Duration.ofSeconds(10));
        }
    }

    /**
     * Recorded children still alive after the launcher is gone, stopped gateway first and
     * Redis last.
     */
    private void stopLeftovers(List<PidFile.Entry> children) {
        Map<Integer, List<ProcessHandle>> byStage = new TreeMap<>(Comparator.naturalOrder());
        for (PidFile.Entry child : children) {
            child.liveProcess()
                .ifPresent(process -> byStage.computeIfAbsent(stage(child.name()), stage -> new ArrayList<>())
                    .add(process));
        }
        if (byStage.isEmpty()) {
            return;
        }
        console.println("Stopping processes the launcher left behind: " + children.stream()
            .filter(child -> child.liveProcess().isPresent())
            .map(child -> child.name() + " (pid " + child.pid() + ")")
            .collect(Collectors.joining(", ")));
        for (List<ProcessHandle> stage : byStage.values()) {
            stage.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : stage) {
                if (!awaitExit(process, CHILD_GRACE)) {
                    process.destroyForcibly();
                    awaitExit(process, Duration.ofSeconds(10));
                }
            }
        }
    }

    private static int stage(String name) {
        return switch (name) {
            case "gateway" -> 0;
            // SIGTERM is PostgreSQL's smart shutdown, which waits for its clients: the
            // services, gone by then
            case "kafka", "postgres", "janus", "coturn" -> 2;
            case "redis" -> 3;
            default -> 1;
        };
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (Exception notYet) {
            return !process.isAlive();
        }
    }

}
