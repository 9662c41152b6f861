package io.parley.quality;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the collector accepts, stores and serves quality samples
 * ({@code parley.quality.*}).
 *
 * @param anonymousBeaconsEnabled whether Daily-style beacons without a join token are
 * accepted (default false; {@code ./parley up} switches it on with
 * {@code PARLEY_QUALITY_ANONYMOUS_BEACONS_ENABLED=true})
 * @param maxBeaconSize the largest beacon body accepted; larger ones get 413 (default
 * 16KB)
 * @param maxClockSkew how far in the future a sample's timestamp may lie, for clients
 * with fast clocks (default 1m)
 * @param maxSampleAge how old a sample may be when it arrives (default 1h)
 * @param publishTimeout how long a beacon waits for Kafka's acknowledgement before it is
 * answered 503; below the gateway's time limit so the client sees the collector's answer
 * (default 3s)
 * @param retention how long samples are kept in PostgreSQL: a day's partition is dropped
 * once all of it is older than this (default 30d; at least a day)
 * @param partitionsAhead how many days of partitions exist ahead of today, so a day's
 * first sample never waits for one (default 3)
 * @param maintenanceInterval how often partitions are created ahead and expired ones
 * dropped (default 1h)
 * @param maxPointsPerParticipant how many samples of one participant the series view
 * returns, the newest of the range asked for (default 720: an hour at one sample every
 * five seconds); the export has them all
 * @param maxParticipantsPerMeeting how many participants the series view returns, the
 * first to measure (default 100)
 * @param storeTimeout how long the consumer waits for PostgreSQL before it retries the
 * batch (default 10s)
 * @param exportPageSize how many samples the export reads from PostgreSQL at a time: what
 * bounds its memory (default 1000)
 * @param verifiedTokenCacheSize how many verified join tokens are remembered, so a beacon
 * every few seconds does not check the same signature again (default 10000; expiry is
 * checked on every use, revocation too)
 * @param verifiedTokenCacheTtl how long a verified token is remembered at most (default
 * 5m)
 */
@Validated
@ConfigurationProperties("parley.quality")
public record QualityProperties(@DefaultValue("false") boolean anonymousBeaconsEnabled,
        @NotNull @DefaultValue("16KB") DataSize maxBeaconSize, @NotNull @DefaultValue("1m") Duration maxClockSkew,
        @NotNull @DefaultValue("1h") Duration maxSampleAge, @NotNull @DefaultValue("3s") Duration publishTimeout,
        @NotNull @DefaultValue("30d") Duration retention, @Min(1) @Max(31) @DefaultValue("3") int partitionsAhead,
        @NotNull @DefaultValue("1h") Duration maintenanceInterval,
        @Min(1) @Max(100_000) @DefaultValue("720") int maxPointsPerParticipant,
        @Min(1) @Max(10_000) @DefaultValue("100") int maxParticipantsPerMeeting,
        @NotNull @DefaultValue("10s") Duration storeTimeout,
        @Min(10) @Max(50_000) @DefaultValue("1000") int exportPageSize,
        @Min(1) @DefaultValue("10000") int verifiedTokenCacheSize,
        @NotNull @DefaultValue("5m") Duration verifiedTokenCacheTtl) {

    /**
     * What each 503 of the collector asks the client to wait: Kafka and Redis hiccups are
     * short.
     */
    public static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(2);

    @AssertTrue(message = "retention must be at least one day")
    boolean isRetentionAtLeastADay() {
        return retention == null || retention.compareTo(Duration.ofDays(1)) >= 0;
    }

    @AssertTrue(message = "maintenance-interval must be between one minute and one day")
    boolean isMaintenanceIntervalSensible() {
        return maintenanceInterval == null || maintenanceInterval.compareTo(Duration.ofMinutes(1)) >= 0
                && maintenanceInterval.compareTo(Duration.ofDays(1)) <= 0;
    }
}
