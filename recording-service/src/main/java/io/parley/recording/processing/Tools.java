package io.parley.recording.processing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool (janus-pp-rec, ffmpeg, ffprobe) to completion, its output going
 * to a file (a pipe nobody drains would stall a chatty tool). Interrupting the waiting
 * thread, as a cancelled job does, kills the tool.
 */
final class Tools {

    private Tools() {
    }

    /**
     * The tool's standard output and error, once it exited with 0.
     * @throws ProcessingException when it cannot start, fails or overruns the timeout
     */
    static String run(List<String> command, Path output, Duration timeout)
            throws ProcessingException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        }
        catch (IOException ex) {
            throw new ProcessingException(name(command) + " could not be started", ex);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ProcessingException(name(command) + " took longer than " + timeout);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            throw ex;
        }
        String text = read(output);
        if (process.exitValue() != 0) {
            throw new ProcessingException(name(command) + " failed (exit " + process.exitValue() + ")",
                    new IllegalStateException(tail(text)));
        }
        return text;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static String tail(String text) {
        return (text.length() > 2000) ? text.substring(text.length() - 2000) : text;
    }

    private static String name(List<String> command) {
        return Path.of(command.get(0)).getFileName().toString();
    }

}
