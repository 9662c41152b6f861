package io.parley.support.redis;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.support.lifecycle.PeriodicTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis's memory as the services see it ({@code INFO memory}), so that an alert can warn
 * before {@code maxmemory} is reached, when Redis (with {@code noeviction}) starts
 * refusing writes: {@code parley_redis_memory_used_bytes} and
 * {@code parley_redis_memory_max_bytes} (0 while Redis has no limit). Every service that
 * talks to Redis reports the same server, so the alert takes the maximum; no exporter
 * process is needed beside Redis.
 */
public class RedisMemoryMetrics extends PeriodicTask {

    /** Memory moves slowly against a limit of hundreds of megabytes. */
    static final Duration PERIOD = Duration.ofSeconds(30);

    private static final Log logger = LogFactory.getLog(RedisMemoryMetrics.class);

    private final ReactiveRedisConnectionFactory connections;

    private final AtomicLong used = new AtomicLong(-1);

    private final AtomicLong max = new AtomicLong(-1);

    private volatile boolean lastFailed;

    public RedisMemoryMetrics(ReactiveRedisConnectionFactory connections, MeterRegistry registry) {
        super(Duration.ofSeconds(1), PERIOD);
        this.connections = connections;
        Gauge.builder("parley.redis.memory.used", used, AtomicLong::get)
            .description("Memory Redis uses (INFO memory used_memory); -1 until first read")
            .baseUnit("bytes")
            .register(registry);
        Gauge.builder("parley.redis.memory.max", max, AtomicLong::get)
            .description("Redis's maxmemory (0: no limit); -1 until first read")
            .baseUnit("bytes")
            .register(registry);
    }

    @Override
    protected Mono<?> runOnce() {
        // taking the shared connection may wait for a reconnect, and a tick can follow
        // the
        // previous run on a Lettuce event loop: never there
        return Mono.usingWhen(
                Mono.fromSupplier(connections::getReactiveConnection).subscribeOn(Schedulers.boundedElastic()),
                (connection) -> connection.serverCommands().info("memory").doOnNext(this::record),
                (connection) -> connection.closeLater());
    }

    void record(Properties info) {
        used.set(number(info, "used_memory"));
        max.set(number(info, "maxmemory"));
        lastFailed = false;
    }

    private static long number(Properties info, String name) {
        String value = info.getProperty(name);
        try {
            return (value != null) ? Long.parseLong(value.trim()) : -1;
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    @Override
    protected void failed(Throwable error) {
        // an outage is the Redis alerts' to report; once per outage is enough here
        if (!lastFailed) {
            logger.warn("Redis memory could not be read: " + error.getMessage());
        }
        lastFailed = true;
    }

}
