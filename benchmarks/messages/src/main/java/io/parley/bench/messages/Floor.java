package io.parley.bench.messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.parley.harness.PostgresServerProcess;

/**
 * The floor: single-row INSERT commits per second on the same PostgreSQL server at the same concurrency, driven by
 * pgbench ({@code -M prepared}, one connection per client, autocommit) into a table shaped like the message table.
 * Latencies come from pgbench's per-transaction log; pgbench's own CPU from bash's {@code times}.
 */
final class Floor {

    static final String DATABASE = "floor";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s\\s*$");

    private final PostgresServerProcess postgres;
    private final Path insertScript;
    private final Path logs;

    /** What one run came to; {@code cpuSeconds} is pgbench's own CPU. */
    record Result(int concurrency, double tps, long transactions, long failed, Samples latency, double cpuSeconds,
            String command) {
    }

    private Floor(PostgresServerProcess postgres, Path insertScript, Path logs) {
        this.postgres = postgres;
        this.insertScript = insertScript;
        this.logs = logs;
    }

    static Floor prepare(PostgresServerProcess postgres, Path schemaScript, Path insertScript, Path work)
            throws IOException, InterruptedException {
        postgres.createDatabase(DATABASE);
        Floor floor = new Floor(postgres, insertScript, Files.createDirectories(work.resolve("pgbench")));
        floor.pgbench(List.of("-n", "-t", "1", "-c", "1", "-f", schemaScript.toString()));
        return floor;
    }

    Result run(int concurrency, Duration duration) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(logs.resolve("c" + concurrency + "-" + System.nanoTime()));
        List<String> args = List.of("-n", "-M", "prepared", "-c", String.valueOf(concurrency), "-j",
                String.valueOf(Math.min(concurrency, 2)), "-T", String.valueOf(duration.toSeconds()), "-l",
                "--log-prefix=" + dir.resolve("tx"), "-f", insertScript.toString());
        String output = pgbench(args);
        Samples latency = new Samples();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    // client_id transaction_no time script_no time_epoch time_us: time is the latency in µs
                    lines.forEach(line -> latency.add(Long.parseLong(line.split(" ")[2]) * 1000));
                }
            }
        }
        return new Result(concurrency, Double.parseDouble(find(output, TPS)), Long.parseLong(find(output, PROCESSED)),
                FAILED.matcher(output).find() ? Long.parseLong(find(output, FAILED)) : 0, latency, childCpu(output),
                "pgbench " + String.join(" ", args).replace(dir.toString(), "<dir>") + " " + DATABASE);
    }

    /** Runs pgbench in {@link #logs} (it writes its logs to the working directory) and answers its output. */
    private String pgbench(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status",
                "timed", "pgbench", "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-U",
                postgres.username()));
        command.addAll(args);
        command.add(DATABASE);
        Process process = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    /** The second line of {@code times}: the children's user and system time. */
    private static double childCpu(String output) {
        String[] lines = output.strip().split("\n");
        Matcher matcher = TIMES.matcher(lines[lines.length - 1]);
        if (!matcher.find()) {
            return Double.NaN;
        }
        return Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
                + Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
    }

    private static String find(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in pgbench's output:\n" + text);
        }
        return matcher.group(1);
    }
}
