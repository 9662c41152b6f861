package io.parley.devstack.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.parley.devstack.DevstackException;
import io.parley.devstack.Usage;

/**
 * What `./parley up` was asked for. Relative paths are taken from the caller's working
 * directory.
 */
public record UpOptions(Path root, int signalingInstances, Path dataDir, boolean jsonLogs, boolean embeddedRedis,
        boolean fatJars, Duration readyTimeout) {

    /**
     * Enough for five services starting together on two idle cores, with room to spare;
     * see docs/devstack.md.
     */
    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Extra signaling instances take 8086, 8087, ...; more than this would run into ports
     * other tools favour.
     */
    static final int MAX_SIGNALING_INSTANCES = 8;

    public static UpOptions parse(List<String> args, Path root) {
        int signalingInstances = 1;
        Path dataDir = root.resolve(".parley");
        boolean jsonLogs = false;
        boolean embeddedRedis = false;
        boolean fatJars = false;
        Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        // "--name value" is split into two so that "--name=value" and "--name value" read
        // the same
        List<String> words = args.stream()
            .flatMap(arg -> arg.startsWith("--") && arg.contains("=")
                    ? Stream.of(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1))
                    : Stream.of(arg))
            .toList();
        for (int i = 0; i < words.size(); i++) {
            String name = words.get(i);
            switch (name) {
                case "--signaling-instances" -> signalingInstances = parseInstances(valueAfter(words, i++, name));
                case "--data-dir" -> dataDir = Path.of(valueAfter(words, i++, name)).toAbsolutePath().normalize();
                case "--ready-timeout" -> readyTimeout = parseSeconds(valueAfter(words, i++, name));
                case "--json-logs" -> jsonLogs = true;
                case "--embedded-redis" -> embeddedRedis = true;
                case "--fat-jars" -> fatJars = true;
                // the script consumes it; tolerated here so a direct `java ... up
                // --no-build` does not fail
                case "--no-build" -> {
                }
                default -> throw new DevstackException("unknown option '" + name + "' for up\n\n" + Usage.TEXT);
            }
        }
        return new UpOptions(root, signalingInstances, dataDir, jsonLogs, embeddedRedis, fatJars, readyTimeout);
    }

    private static String valueAfter(List<String> words, int index, String name) {
        if (index + 1 >= words.size()) {
            throw new DevstackException(name + " needs a value\n\n" + Usage.TEXT);
        }
        return words.get(index + 1);
    }

    private static Duration parseSeconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DevstackException("--ready-timeout takes a number of seconds, not '" + value + "'");
    }

    private static int parseInstances(String value) {
        try {
            int instances = Integer.parseInt(value.trim());
            if (instances >= 1 && instances <= MAX_SIGNALING_INSTANCES) {
                return instances;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DevstackException("--signaling-instances must be a number from 1 to " + MAX_SIGNALING_INSTANCES
                + ", not '" + value + "'");
    }
}
