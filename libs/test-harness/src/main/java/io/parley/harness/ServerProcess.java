package io.parley.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * A server the harness runs as a child process on loopback, keeping its data across
 * restarts: Redis, PostgreSQL, a Kafka broker. What a fault test does to one is the same
 * for all of them: stop it gracefully, kill it (a crash), start it again on the same port
 * with the same data, or pause it (SIGSTOP: alive, holding every connection and answering
 * none, as a server in a long GC pause or on a frozen VM) and resume it.
 * <p>
 * A subclass says how its server is launched, when it is ready and how it shuts down;
 * this class keeps the process and the state (running, paused) that every operation
 * checks.
 */
public abstract class ServerProcess implements AutoCloseable {

    private static final Duration READY_POLL = Duration.ofMillis(50);

    private final String name;

    private final int port;

    private final ChildProcess.Output output;

    private volatile ChildProcess process;

    private volatile boolean paused;

    ServerProcess(String name, int port, ChildProcess.Output output) {
        this.name = name;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts the server process; does nothing while it runs. Returns once the server is
     * ready.
     */
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (Ports.isListening(port)) {
            throw new HarnessException("Port " + port + " is already in use; cannot start " + name + " there.");
        }
        ChildProcess started = launch();
        process = started;
        paused = false;
        awaitReady(started);
    }

    /**
     * Prepares what the server needs (directories, configuration) and starts its process.
     */
    abstract ChildProcess launch();

    /**
     * Returns once the server answers; throws a {@link HarnessException} if it exits or
     * takes too long.
     */
    abstract void awaitReady(ChildProcess started);

    /**
     * Ends the server the way it shuts down cleanly, flushing what it must; a crash if it
     * does not in time.
     */
    abstract void shutDown(ChildProcess running);

    /**
     * A graceful stop (see the subclass for the signal); a paused server is resumed
     * first, or it could not act.
     */
    public synchronized void stop() {
        ChildProcess current = process;
        if (current != null && current.isAlive()) {
            if (paused) {
                current.resume();
            }
            shutDown(current);
        }
        paused = false;
    }

    /**
     * SIGKILL to the server and every process it started: a crash, as a fault test wants
     * it.
     */
    public synchronized void kill() {
        ChildProcess current = process;
        if (current != null && current.isAlive()) {
            current.kill();
        }
        paused = false;
    }

    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * SIGSTOP to the server and every process it started: it stays alive and keeps its
     * clients' connections, but answers nothing until {@link #resume()}; new connections
     * are still accepted by the kernel and then hang.
     */
    public synchronized void pause() {
        ChildProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(name + " is not running; only a running server can be paused");
        }
        if (!current.pause()) {
            throw new HarnessException("Could not send SIGSTOP to " + name + " (pid " + current.pid() + ")");
        }
        paused = true;
    }

    /**
     * SIGCONT: a paused server runs on where it stopped; does nothing if it is not
     * paused.
     */
    public synchronized void resume() {
        ChildProcess current = process;
        if (paused && current != null && current.isAlive() && !current.resume()) {
            throw new HarnessException("Could not send SIGCONT to " + name + " (pid " + current.pid() + ")");
        }
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    /** True while the process is alive, paused or not. */
    public boolean isRunning() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    /**
     * The server's process id, for pid files and memory figures; empty before the first
     * start.
     */
    public synchronized OptionalLong pid() {
        ChildProcess current = process;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Polls {@code ready} until it is true; fails at once with the log's tail if the
     * process exits meanwhile, and after {@code timeout} if it never becomes ready.
     */
    final void pollUntilReady(ChildProcess started, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                throw new HarnessException(
                        name + " exited with " + started.exitValue() + " on port " + port + tailOfLog());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            Ports.sleep(READY_POLL);
        }
        throw new HarnessException(name + " was not ready on port " + port + " within " + timeout + tailOfLog());
    }

    /**
     * The end of the server's log file, for error messages; empty when its output goes to
     * the console.
     */
    final String tailOfLog() {
        return output.logFile() == null ? "" : "\n" + ChildProcess.readTail(output.logFile(), 4000);
    }

    final ChildProcess.Output output() {
        return output;
    }

}
