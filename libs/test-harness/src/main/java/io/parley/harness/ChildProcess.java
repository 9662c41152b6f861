package io.parley.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes either to a log file or, line by line with a name
 * prefix, to a stream. Stopping sends SIGTERM and waits, so servers get to flush (Redis
 * AOF, Kafka logs); killing sends SIGKILL, which is what fault tests need to simulate a
 * crash; pausing sends SIGSTOP, a server that hangs.
 */
public final class ChildProcess {

    private final String name;

    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Output output) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            if (output.logFile() != null) {
                Files.createDirectories(output.logFile().toAbsolutePath().getParent());
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.logFile().toFile()));
            }
            Process process = builder.start();
            if (output.logFile() == null) {
                pumpWithPrefix(name, process, output.console());
            }
            return new ChildProcess(name, process);
        }
        catch (IOException ex) {
            throw new HarnessException("Could not start " + name + " (" + command.get(0) + "): " + ex.getMessage(), ex);
        }
    }

    private static void pumpWithPrefix(String name, Process process, PrintStream console) {
        String prefix = "[" + name + "] ";
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    console.println(prefix + line);
                }
            }
            catch (IOException ex) {
                console.println(prefix + "output closed: " + ex.getMessage());
            }
        }, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void stop(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    /**
     * SIGKILL to the process and everything it started, and waits until all of them are
     * gone: a server started again at once must not find a killed one's children still
     * holding its resources (PostgreSQL's backends keep its shared memory attached for a
     * moment after their postmaster died, and the new postmaster refuses to start).
     */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
        for (ProcessHandle descendant : descendants) {
            try {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                // it outlived SIGKILL for 10 s (a zombie nobody reaps): nothing more can
                // be done from here
            }
        }
    }

    /**
     * SIGSTOP to the process and everything it started: it keeps its memory, its sockets
     * and its clients' connections, but runs no instruction, as a server in a long GC
     * pause or on a frozen VM; the kernel still accepts new connections for it, which
     * then get no answer. True if every process got the signal.
     */
    public boolean pause() {
        return Signals.send("STOP", withDescendants());
    }

    /** SIGCONT: a paused process runs on from where it stopped. */
    public boolean resume() {
        return Signals.send("CONT", withDescendants());
    }

    /**
     * SIGINT to the process alone (not the processes it started); true if it was
     * delivered.
     */
    public boolean interrupt() {
        return Signals.send("INT", List.of(process.pid()));
    }

    private List<Long> withDescendants() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().forEach(descendant -> pids.add(descendant.pid()));
        return pids;
    }

    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Where a child's output goes: a log file, or the console with a name prefix. */
    public record Output(Path logFile, PrintStream console) {

        public static Output toFile(Path logFile) {
            return new Output(logFile, null);
        }

        public static Output prefixed(PrintStream console) {
            return new Output(null, console);
        }
    }

    static String readTail(Path logFile, int maxChars) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            String text = Files.readString(logFile, StandardCharsets.UTF_8);
            return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
