package io.parley.streamlimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.caller.ApiKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real application on a free port, pointed at a real Redis and Kafka, trusting
 * {@link TestTokens}. BlockHound watches every instance: a blocking call on an event loop
 * fails where it happens and is reported again when the instance closes, so a failure the
 * service swallows (a background send, a logged error) still fails the test.
 */
public final class RunningService implements AutoCloseable {

    private static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();

    static {
        // install(...), not builder(): only the former loads the integrations that name
        // Reactor's and Netty's
        // event loops non-blocking (and allow the few blocking calls they make on
        // purpose)
        BlockHound.install(builder -> builder
            // locks held for a moment, which a thread waits for only while another holds
            // them: Lettuce's writer
            // lock, the circuit breaker's window of recent calls and the Kafka producer's
            // buffer pool (whose wait
            // for free memory is 0 with max.block.ms=0: it fails instead; a buffer that
            // lost the race for a batch
            // is given back under the same lock, which a burst of sends contends for)
            .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
            // and the same lock taken exclusively when a connection comes back after
            // Redis was down (CI caught an event loop waiting there in
            // OrgLimitsRedisOutageIT)
            .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive")
            .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "lockWritersExclusive")
            .allowBlockingCallsInside("io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics", "record")
            .allowBlockingCallsInside("org.apache.kafka.clients.producer.internals.BufferPool", "allocate")
            .allowBlockingCallsInside("org.apache.kafka.clients.producer.internals.BufferPool", "deallocate")
            // Spring Kafka hands every send the shared producer under a lock (CI caught
            // two
            // event loops meeting there in ConcurrentLeasesIT)
            .allowBlockingCallsInside("org.springframework.kafka.core.DefaultKafkaProducerFactory", "doCreateProducer")
            // the test client's first decompressor loads the zstd native library (once
            // per JVM)
            .allowBlockingCallsInside("io.netty.handler.codec.http.HttpContentDecompressor", "newContentDecoder")
            .blockingMethodCallback(method -> {
                BLOCKING_CALLS.add(method + " on " + Thread.currentThread().getName() + " from " + callers());
                throw new BlockingOperationError(method);
            }));
    }

    // the report names where the call came from: a bare "Unsafe#park on
    // reactor-http-epoll-2"
    // from CI could not be traced
    private static List<String> callers() {
        return StackWalker.getInstance()
            .walk(frames -> frames.map(frame -> frame.getClassName() + "#" + frame.getMethodName())
                .filter(frame -> !frame.startsWith("java.") && !frame.startsWith("jdk.")
                        && !frame.startsWith("reactor.blockhound.")
                        && !frame.startsWith(RunningService.class.getName()))
                .limit(8)
                .toList());
    }

    /** An API key configured for tenant {@code acme} in every instance started here. */
    public static final String API_KEY = "test-api-key-acme";

    /** An API key configured for tenant {@code big}, whose limit is 5. */
    public static final String BIG_TENANT_API_KEY = "test-api-key-big";

    private static final String LEASE_TTL = "--parley.streams.lease.ttl";

    private final ConfigurableApplicationContext context;

    private final int port;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public static RunningService start(String... extraArgs) {
        return start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(), extraArgs);
    }

    public static RunningService start(RedisServerProcess redis, KafkaBrokerProcess kafka, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.streams.api-keys[0].tenant=acme",
                "--parley.streams.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY),
                "--parley.streams.api-keys[1].tenant=big",
                "--parley.streams.api-keys[1].sha256=" + ApiKeys.sha256(BIG_TENANT_API_KEY),
                "--parley.streams.tenant-limits.big=5"));
        args.addAll(List.of(extraArgs));
        // leases outlive any test on a slow machine unless the test is about expiry (a
        // repeated argument would be
        // read as a list, so the default is only added when the test sets none)
        if (args.stream().noneMatch(arg -> arg.startsWith(LEASE_TTL))) {
            args.add(LEASE_TTL + "=10m");
        }
        return new RunningService(new SpringApplicationBuilder(StreamLimitServiceApplication.class, TestTokens.class)
            .run(args.toArray(String[]::new)));
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        List<String> blocking = List.copyOf(BLOCKING_CALLS);
        BLOCKING_CALLS.clear();
        if (!blocking.isEmpty()) {
            throw new AssertionError("Blocking calls on event loops: " + blocking);
        }
    }

}
