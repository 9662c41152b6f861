package io.parley.quality;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the collector accepts, stores and serves quality samples ({@code parley.quality.*}).
 *
 * @param anonymousBeaconsEnabled whether Daily-style beacons without a join token are accepted (default false;
 *        {@code ./parley up} switches it on with {@code PARLEY_QUALITY_ANONYMOUS_BEACONS_ENABLED=true})
 * @param maxBeaconSize the largest beacon body accepted; larger ones get 413 (default 16KB)
 * @param maxClockSkew how far in the future a sample's timestamp may lie, for clients with fast clocks (default 1m)
 * @param maxSampleAge how old a sample may be when it arrives (default 1h)
 * @param publishTimeout how long a beacon waits for Kafka's acknowledgement before it is answered 503; below the
 *        gateway's time limit so the client sees the collector's answer (default 3s)
 * @param retention how long a meeting's quality data lives after its last sample (default 24h)
 * @param maxPointsPerParticipant how many samples of one participant the views keep, newest first (default 720: an
 *        hour at one sample every five seconds)
 * @param maxParticipantsPerMeeting how many participants of one meeting the views track (default 100)
 * @param storeTimeout how long the consumer waits for Redis before it retries the batch (default 10s)
 * @param verifiedTokenCacheSize how many verified join tokens are remembered, so a beacon every few seconds does
 *        not check the same signature again (default 10000; expiry is checked on every use, revocation too)
 * @param verifiedTokenCacheTtl how long a verified token is remembered at most (default 5m)
 */
@Validated
@ConfigurationProperties("parley.quality")
public record QualityProperties(
        @DefaultValue("false") boolean anonymousBeaconsEnabled,
        @NotNull @DefaultValue("16KB") DataSize maxBeaconSize,
        @NotNull @DefaultValue("1m") Duration maxClockSkew,
        @NotNull @DefaultValue("1h") Duration maxSampleAge,
        @NotNull @DefaultValue("3s") Duration publishTimeout,
        @NotNull @DefaultValue("24h") Duration retention,
        @Min(1) @Max(100_000) @DefaultValue("720") int maxPointsPerParticipant,
        @Min(1) @Max(10_000) @DefaultValue("100") int maxParticipantsPerMeeting,
        @NotNull @DefaultValue("10s") Duration storeTimeout,
        @Min(1) @DefaultValue("10000") int verifiedTokenCacheSize,
        @NotNull @DefaultValue("5m") Duration verifiedTokenCacheTtl) {

    /** What each 503 of the collector asks the client to wait: Kafka and Redis hiccups are short. */
    public static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(2);
}
