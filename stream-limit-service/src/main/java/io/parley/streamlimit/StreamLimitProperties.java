package io.parley.streamlimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stream-limit policy ({@code parley.streams.*}); docs/stream-limits.md describes every
 * key.
 *
 * @param limit the most streams one user may hold at once (default 3)
 * @param tenantLimits per API-key tenant overrides of {@code limit} (default none)
 * @param apiKeys the API keys server-side integrations call with, stored as SHA-256
 * hashes (default none)
 * @param overLimitPolicy what a start over the limit does: {@code reject} (default) or
 * {@code evict-oldest}
 * @param redisFailurePolicy what a start does while Redis cannot be reached:
 * {@code fail-closed} (default, 503) or {@code fail-open} (admit unchecked)
 * @param lease lease lifetimes
 * @param seedApi the seed-compatible API
 * @param sweeper the sweeper that reports expired leases
 * @param circuitBreaker the circuit breaker around Redis
 * @param knownUserRetention how long a user who started a stream stays "present in the
 * database" for the seed API after their last start (default 30d)
 * @param meetingIndexTtl how long the per-meeting index of leases is kept after its last
 * new lease (default 24h)
 */
@Validated
@ConfigurationProperties("parley.streams")
public record StreamLimitProperties(@Min(0) @DefaultValue("3") int limit,
        @NotNull @DefaultValue Map<String, @NotNull @Min(0) Integer> tenantLimits,
        @NotNull @DefaultValue List<@Valid @NotNull ApiKey> apiKeys,
        @NotNull @DefaultValue("reject") OverLimitPolicy overLimitPolicy,
        @NotNull @DefaultValue("fail-closed") RedisFailurePolicy redisFailurePolicy,
        @Valid @NotNull @DefaultValue Lease lease, @Valid @NotNull @DefaultValue SeedApi seedApi,
        @Valid @NotNull @DefaultValue Sweeper sweeper, @Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker,
        @NotNull @DefaultValue("30d") Duration knownUserRetention,
        @NotNull @DefaultValue("24h") Duration meetingIndexTtl) {

    public StreamLimitProperties {
        requirePositive("parley.streams.known-user-retention", knownUserRetention);
        requirePositive("parley.streams.meeting-index-ttl", meetingIndexTtl);
    }

    /**
     * The limit that applies to a tenant's users; token holders ({@code tenant} null) get
     * the default.
     */
    public int limitFor(String tenant) {
        return tenant == null ? limit : tenantLimits.getOrDefault(tenant, limit);
    }

    public enum OverLimitPolicy {

        REJECT("reject"), EVICT_OLDEST("evict-oldest");

        private final String scriptArgument;

        OverLimitPolicy(String scriptArgument) {
            this.scriptArgument = scriptArgument;
        }

        /** How acquire-v2.lua spells it. */
        public String scriptArgument() {
            return scriptArgument;
        }

    }

    public enum RedisFailurePolicy {

        FAIL_CLOSED, FAIL_OPEN

    }

    /**
     * @param tenant the tenant the key belongs to: its users get
     * {@code tenant-limits.<tenant>}
     * @param sha256 the hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     */
    public record ApiKey(@NotBlank String tenant, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
    }

    /**
     * @param ttl lifetime of a lease started through {@code /api/streams}; holders renew
     * it (default 30s)
     * @param seedTtl lifetime of a lease started through the seed-compatible API, whose
     * clients never renew (default 4h)
     */
    public record Lease(@NotNull @DefaultValue("30s") Duration ttl, @NotNull @DefaultValue("4h") Duration seedTtl) {

        public Lease {
            requirePositive("parley.streams.lease.ttl", ttl);
            requirePositive("parley.streams.lease.seed-ttl", seedTtl);
        }
    }

    /**
     * @param enabled serve {@code /api/startstream}, {@code /api/endstream} and the
     * {@code /api} index (default false)
     */
    public record SeedApi(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param interval how often each instance looks for expired leases (default 5s)
     * @param batchSize the most users one sweep visits; more wait for the next (default
     * 500)
     */
    public record Sweeper(@NotNull @DefaultValue("5s") Duration interval,
            @Min(1) @Max(10_000) @DefaultValue("500") int batchSize) {

        public Sweeper {
            requirePositive("parley.streams.sweeper.interval", interval);
        }
    }

    /**
     * @param failureRateThreshold percentage of failed Redis calls that opens the circuit
     * (default 50)
     * @param slidingWindowSize how many recent calls the rate is taken over (default 20)
     * @param minimumCalls calls needed before the rate counts (default 10)
     * @param openStateWait how long an open circuit answers 503 at once before it tries
     * Redis again (default 5s)
     */
    public record CircuitBreaker(@Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize, @Min(1) @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("5s") Duration openStateWait) {

        public CircuitBreaker {
            requirePositive("parley.streams.circuit-breaker.open-state-wait", openStateWait);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
