package io.parley.devstack.services;

import java.util.Arrays;
import java.util.List;

/**
 * JVM flags for the processes of a local stack: six JVMs share a laptop (or a 2-core
 * box), so start time and resident memory matter more than peak throughput.
 * docs/devstack.md has the measurements behind the choice.
 */
public final class JvmOptions {

    /**
     * <ul>
     * <li>{@code TieredStopAtLevel=1}: C1 only. Startup is mostly interpreted and C1
     * code; C2 compiler threads would compete for the two cores during startup and grow
     * the code cache.</li>
     * <li>{@code UseSerialGC}: no parallel GC threads and no G1 remembered sets; an idle
     * service's heap is small.</li>
     * <li>{@code Xss512k}: Netty, Kafka and Lettuce threads need far less than the 1 MB
     * default.</li>
     * <li>{@code MaxRAM}: size the heap as if the machine had this much memory, instead
     * of a quarter of the host's RAM, so the heap (and so the RSS) stays small.</li>
     * </ul>
     */
    static final List<String> SERVICE_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxRAM=1g", "-XX:+ExitOnOutOfMemoryError");

    /** Kafka is one JVM with a larger working set; the harness adds SerialGC itself. */
    static final List<String> KAFKA_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx384m");

    /**
     * Lets a developer (or a measurement) try other flags without rebuilding:
     * whitespace-separated.
     */
    static final String OVERRIDE_VARIABLE = "PARLEY_DEVSTACK_JVM_OPTS";

    private JvmOptions() {
    }

    public static List<String> forServices() {
        String override = System.getenv(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Arrays.stream(override.trim().split("\\s+")).toList();
        }
        return SERVICE_DEFAULTS;
    }

    public static List<String> forKafka() {
        return KAFKA_DEFAULTS;
    }

}
