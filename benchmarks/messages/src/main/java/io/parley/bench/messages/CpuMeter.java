package io.parley.bench.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds of each process of the run between two snapshots: the five services (and their threads by group),
 * PostgreSQL with its backends, Redis, the Kafka broker, this JVM (the load generator), and the whole machine.
 */
final class CpuMeter {

    static final String POSTGRES = "PostgreSQL";
    static final String REDIS = "Redis";
    static final String KAFKA = "Kafka broker";
    static final String GENERATOR = "generator";

    private final Stack stack;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    /** CPU seconds per process and per service thread group over an interval, and the machine's. */
    record Usage(Map<String, Double> processes, Map<String, Map<String, Double>> threads, double machineBusy,
            double machineTotal, double wallSeconds) {

        double ours() {
            return processes.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double of(String name) {
            return processes.getOrDefault(name, 0.0);
        }
    }

    /** A snapshot; {@link #since} gives the usage from it until now. */
    final class Snapshot {
        private final Map<String, Long> ticks = ticks();
        private final Map<String, Map<Long, Proc.ThreadTicks>> threads = threads();
        private final long[] machine = Proc.machine();
        private final long nanos = System.nanoTime();

        Usage since() {
            Map<String, Long> now = ticks();
            Map<String, Map<Long, Proc.ThreadTicks>> threadsNow = threads();
            long[] machineNow = Proc.machine();
            Map<String, Double> processes = new LinkedHashMap<>();
            now.forEach((name, value) -> processes.put(name, Proc.seconds(value - ticks.getOrDefault(name, 0L))));
            Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
            threadsNow.forEach((name, value) -> groups.put(name, Proc.byGroup(threads.get(name), value)));
            return new Usage(processes, groups, Proc.seconds(machineNow[0] - machine[0]),
                    Proc.seconds(machineNow[1] - machine[1]), (System.nanoTime() - nanos) / 1e9);
        }
    }

    Snapshot snapshot() {
        return new Snapshot();
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Service service : stack.services()) {
            ticks.put(service.name(), Proc.process(service.pid()));
        }
        ticks.put(POSTGRES, Proc.tree(stack.postgres().pid().orElseThrow()));
        ticks.put(REDIS, Proc.process(stack.redis().pid().orElseThrow()));
        ticks.put(KAFKA, Proc.process(stack.kafka().pid().orElseThrow()));
        ticks.put(GENERATOR, Proc.process(ProcessHandle.current().pid()));
        return ticks;
    }

    private Map<String, Map<Long, Proc.ThreadTicks>> threads() {
        Map<String, Map<Long, Proc.ThreadTicks>> threads = new LinkedHashMap<>();
        for (Service service : List.of(stack.gateway(), stack.people(), stack.signalingA(), stack.signalingB())) {
            threads.put(service.name(), Proc.threads(service.pid()));
        }
        return threads;
    }
}
