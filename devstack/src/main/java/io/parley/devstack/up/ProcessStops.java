package io.parley.devstack.up;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.parley.devstack.services.LaunchedService;
import io.parley.harness.Ports;

/**
 * How a stack's processes are stopped: the services gracefully, each within its grace,
 * and whatever is left of the launcher's children at the end.
 */
final class ProcessStops {

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

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private final PrintStream console;

    ProcessStops(PrintStream console) {
        this.console = console;
    }

    /**
     * The gateway first: once it no longer accepts connections, nothing new reaches the
     * backends, which are then stopped together while the gateway's JVM finishes exiting
     * (writing a class-data archive can take a while).
     */
    void stopServices(List<LaunchedService> servicesToStop) {
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
    static boolean terminate(long pid, Duration grace) {
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
    void stopLeftovers() {
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

}
