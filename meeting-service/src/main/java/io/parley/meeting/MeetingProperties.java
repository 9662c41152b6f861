package io.parley.meeting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * meeting-service settings ({@code parley.meetings.*}); docs/meetings.md lists them with
 * their defaults.
 *
 * @param publicUrl where people open the web client; join URLs are
 * {@code <publicUrl>/m/<id or slug>} (default {@code http://localhost:8080}, the local
 * gateway)
 * @param maxParticipants participants a meeting admits, host included, unless its creator
 * asks for fewer or more (default 50)
 * @param maxParticipantsLimit the most a creator may ask for (default 100)
 * @param idleTtl a meeting that nobody changed for this long is forgotten, even if never
 * ended (default 24h)
 * @param endedRetention how long an ended meeting stays readable before it expires
 * (default 1h)
 * @param timerPresets timer presets by id, in seconds; when unset
 * {@code seconds_15=15, seconds_30=30,
 *        seconds_45=45}. Setting the map replaces the defaults.
 * @param guestCreationEnabled whether callers without an API key may create meetings
 * (default true)
 * @param apiKeys keys of server-side integrations, stored only as SHA-256 hashes
 * (default: none)
 * @param creationLimits how many meetings one client address or one account may create
 * per window
 * @param tokens how join tokens are signed
 * @param events how state changes reach Kafka
 * @param presence how the online flags are fed
 * @param recording limits on recordings
 */
@Validated
@ConfigurationProperties("parley.meetings")
public record MeetingProperties(@NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
        @Min(2) @DefaultValue("50") int maxParticipants, @Min(2) @DefaultValue("100") int maxParticipantsLimit,
        @NotNull @DefaultValue("24h") Duration idleTtl, @NotNull @DefaultValue("1h") Duration endedRetention,
        Map<@Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String, @Positive Integer> timerPresets,
        @DefaultValue("true") boolean guestCreationEnabled, @DefaultValue List<@Valid ApiKey> apiKeys,
        @Valid @DefaultValue CreationLimits creationLimits, @Valid @DefaultValue Tokens tokens,
        @Valid @DefaultValue Events events, @Valid @DefaultValue Presence presence,
        @Valid @DefaultValue Recording recording) {

    public MeetingProperties {
        if (timerPresets == null || timerPresets.isEmpty()) {
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("seconds_15", 15);
            defaults.put("seconds_30", 30);
            defaults.put("seconds_45", 45);
            timerPresets = defaults;
        }
        timerPresets = Map.copyOf(timerPresets);
        apiKeys = List.copyOf(apiKeys);
    }

    @AssertTrue(message = "max-participants must not exceed max-participants-limit")
    boolean isDefaultWithinLimit() {
        return maxParticipants <= maxParticipantsLimit;
    }

    /**
     * A recording must end before its meeting could expire unchanged, or nobody would
     * stop it.
     */
    @AssertTrue(message = "recording.max-length must be shorter than idle-ttl")
    boolean isRecordingShorterThanIdleTtl() {
        return recording == null || recording.maxLength() == null || idleTtl == null
                || recording.maxLength().compareTo(idleTtl) < 0;
    }

    /**
     * One integration's key. Compute the hash with {@code printf %s "$KEY" | sha256sum}.
     *
     * @param name who holds the key; shows up in logs and metrics, never the key itself
     * @param sha256 lowercase hex SHA-256 of the key
     */
    public record ApiKey(@NotBlank String name, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
    }

    /**
     * Caps on new meetings, counted in Redis in a window that opens with the first
     * meeting counted and closes {@code window} later. A guest is counted by client
     * address, a signed-in person by account (people behind one office address do not
     * share a budget); an integration's API key is not capped, it stands for many users.
     * Joining a running named room creates nothing and is not counted.
     *
     * @param perAddress meetings guests may create from one client address per window
     * (default 60)
     * @param perAccount meetings one signed-in account may create per window (default
     * 120)
     * @param window how long a window lasts (default 1h)
     */
    public record CreationLimits(@Positive @DefaultValue("60") int perAddress,
            @Positive @DefaultValue("120") int perAccount, @NotNull @DefaultValue("1h") Duration window) {

        @AssertTrue(message = "window must be at least one second")
        boolean isWindowLongEnough() {
            return window == null || window.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

    /**
     * @param lifetime how long a join token is valid (default 4h; at most
     * {@code parley.tokens.max-lifetime})
     * @param keysDir a directory of signing keys (PEM or JWK JSON files, e.g. a mounted
     * Kubernetes Secret); the key whose file name, without extension, sorts last signs,
     * every other key is only published. When unset, a development key is generated once
     * under {@code <dataDir>/keys} and reused after restarts.
     * @param dataDir local data directory for the generated development key (default
     * {@code .parley/data})
     */
    public record Tokens(@NotNull @DefaultValue("4h") Duration lifetime, Path keysDir,
            @NotNull @DefaultValue(".parley/data") Path dataDir) {
    }

    /**
     * State changes are written to a per-meeting outbox in the same Redis script that
     * changes the state, then published to Kafka; see docs/meetings.md, "Delivery".
     *
     * @param publishTimeout how long a request waits for its events to reach Kafka before
     * answering anyway; the outbox keeps them, so this only trades answer time for
     * "already on Kafka" (default 500ms)
     * @param drainInterval how often the outboxes left behind (Kafka down, an instance
     * killed) are retried (default 5s)
     * @param drainAfter an outbox is retried in the background once it has been pending
     * this long, so the drainer does not race requests that are publishing their own
     * events (default 10s)
     * @param outboxRetention how long unpublished events are kept in Redis while Kafka is
     * unreachable (default 7d)
     */
    public record Events(@NotNull @DefaultValue("500ms") Duration publishTimeout,
            @NotNull @DefaultValue("5s") Duration drainInterval, @NotNull @DefaultValue("10s") Duration drainAfter,
            @NotNull @DefaultValue("7d") Duration outboxRetention) {
    }

    /**
     * @param groupId consumer group reading {@code parley.presence.events} (default
     * {@code meeting-service})
     * @param dedupeWindow how long a presence event id is remembered, so redelivered
     * events are ignored (default 1h)
     */
    public record Presence(@NotEmpty @DefaultValue("meeting-service") String groupId,
            @NotNull @DefaultValue("1h") Duration dedupeWindow) {
    }

    /**
     * @param maxLength a recording stops by itself this long after it started (default
     * 4h, at least 1s)
     */
    public record Recording(@NotNull @DefaultValue("4h") Duration maxLength) {

        @AssertTrue(message = "max-length must be at least one second")
        boolean isMaxLengthLongEnough() {
            return maxLength == null || maxLength.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

}
