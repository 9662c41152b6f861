package io.parley.quality.sfu;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The endpoint Janus's sample event handler posts to
 * ({@code parley.quality.sfu-events.*}, docs/quality.md "What the server sees").
 *
 * @param username the basic-auth user Janus is configured with ({@code backend_user};
 * default {@code janus})
 * @param password the basic-auth password ({@code backend_pwd}); empty (the default)
 * switches the endpoint off, and it answers 404
 * @param maxBodySize the largest post accepted; larger ones get 413 (default 1MB)
 * @param maxStreams how many streams' previous counters are kept for the loss and NACKs
 * of a period (default 20000)
 * @param streamIdleTimeout after how long without statistics a stream's counters are
 * forgotten (default 2m)
 */
@Validated
@ConfigurationProperties("parley.quality.sfu-events")
public record SfuEventsProperties(@NotBlank @DefaultValue("janus") String username, @DefaultValue("") String password,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @Min(100) @Max(1_000_000) @DefaultValue("20000") int maxStreams,
        @NotNull @DefaultValue("2m") Duration streamIdleTimeout) {

    public boolean enabled() {
        return password != null && !password.isEmpty();
    }

    @AssertTrue(message = "password must be empty (endpoint off) or at least 16 characters")
    boolean isPasswordStrongEnough() {
        return !enabled() || password.length() >= 16;
    }

    @AssertTrue(message = "max-body-size must be between 1KB and 16MB")
    boolean isMaxBodySizeSensible() {
        return maxBodySize == null
                || maxBodySize.toBytes() >= 1024 && maxBodySize.compareTo(DataSize.ofMegabytes(16)) <= 0;
    }

    @AssertTrue(message = "stream-idle-timeout must be between 10s and 1h")
    boolean isStreamIdleTimeoutSensible() {
        return streamIdleTimeout == null || streamIdleTimeout.compareTo(Duration.ofSeconds(10)) >= 0
                && streamIdleTimeout.compareTo(Duration.ofHours(1)) <= 0;
    }

}
