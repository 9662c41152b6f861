package io.parley.signaling;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Signaling settings ({@code parley.signaling.*}).
 *
 * @param instanceId this instance's name in presence entries (application.yml: a random
 * id per start)
 * @param maxFrameSize largest inbound frame; a larger one closes the socket with 1009
 * (default 64KB)
 * @param outboundBuffer output queued for one slow client, in characters, before its
 * socket is closed with 1008 (default 1MB: a few large offers, or thousands of small
 * messages)
 * @param messagesPerSecond sustained inbound messages per socket before
 * {@code rate-limited} errors (default 50)
 * @param messageBurst inbound burst per socket (default 200, enough for an ICE candidate
 * storm)
 * @param chat chat limits and history
 * @param presence heartbeat and failure detection
 * @param meetingServiceUri where meeting snapshots for {@code welcome} come from (default
 * the local meeting-service)
 * @param meetingLookupTimeout how long {@code welcome} waits for the snapshot (default
 * 2s)
 * @param leases stream leases held for every socket
 * @param ice ICE servers handed to clients
 * @param users the user socket ({@code /ws/user})
 * @param authorityCheckInterval how often every open meeting socket's token is checked
 * again for expiry and revocation, closing sockets whose instance missed the event that
 * should have closed them (default 15s)
 */
@Validated
@ConfigurationProperties("parley.signaling")
public record SignalingProperties(@NotBlank String instanceId, @NotNull @DefaultValue("64KB") DataSize maxFrameSize,
        @NotNull @DefaultValue("1MB") DataSize outboundBuffer, @Positive @DefaultValue("50") int messagesPerSecond,
        @Positive @DefaultValue("200") int messageBurst, @Valid @DefaultValue Chat chat,
        @Valid @DefaultValue Presence presence, @NotNull @DefaultValue("http://127.0.0.1:8082") URI meetingServiceUri,
        @NotNull @DefaultValue("2s") Duration meetingLookupTimeout, @Valid @DefaultValue Leases leases,
        @Valid @DefaultValue Ice ice, @Valid @DefaultValue Users users,
        @NotNull @DefaultValue("15s") Duration authorityCheckInterval) {

    /**
     * @param maxLength longest chat text in characters (default 2000)
     * @param perSecond chat messages per second per socket (default 2)
     * @param burst chat burst per socket (default 5)
     * @param historySize messages kept per meeting and replayed in {@code welcome}
     * (default 100)
     * @param historyTtl how long a meeting's history is kept after its last message
     * (default 24h)
     */
    public record Chat(@Positive @Max(10_000) @DefaultValue("2000") int maxLength,
            @Positive @DefaultValue("2") int perSecond, @Positive @DefaultValue("5") int burst,
            @Positive @DefaultValue("100") int historySize, @NotNull @DefaultValue("24h") Duration historyTtl) {
    }

    /**
     * @param heartbeat how often an instance refreshes its participants' presence
     * (default 3s)
     * @param timeout presence older than this belongs to a dead instance and is removed
     * (default 7s)
     */
    public record Presence(@NotNull @DefaultValue("3s") Duration heartbeat,
            @NotNull @DefaultValue("7s") Duration timeout) {
    }

    /**
     * @param enabled acquire a stream lease for every socket (default true)
     * @param streamLimitUri stream-limit-service base URI (default the local one)
     * @param renewInterval how often a held lease is renewed (default 10s)
     * @param timeout time limit of one call to stream-limit-service (default 2s)
     */
    public record Leases(@DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("http://127.0.0.1:8083") URI streamLimitUri,
            @NotNull @DefaultValue("10s") Duration renewInterval, @NotNull @DefaultValue("2s") Duration timeout) {
    }

    /**
     * @param stunUris STUN servers (default none: clients on one network need none)
     * @param turnUris TURN servers, e.g. {@code turn:turn.example.org:3478} (default
     * none)
     * @param turnSecret the shared secret of coturn's TURN REST API
     * ({@code static-auth-secret}); empty = no TURN
     * @param turnCredentialTtl lifetime of issued TURN credentials (default 1h)
     */
    public record Ice(@DefaultValue List<String> stunUris, @DefaultValue List<String> turnUris,
            @DefaultValue("") String turnSecret, @NotNull @DefaultValue("1h") Duration turnCredentialTtl) {
    }

    /**
     * @param peopleServiceUri people-service base URI, for a device's catch-up (default
     * the local one)
     * @param catchUpTimeout how long a new user socket waits for its catch-up before
     * closing with 4503 (default 3s)
     * @param revokedSessionTtl how long a revoked session is remembered: at least an
     * access token's lifetime, after which its tokens are expired anyway (default 20m)
     * @param mostDevices how many user sockets one person may have open at once, over all
     * instances; one more is closed with 4429 (default 20)
     */
    public record Users(@NotNull @DefaultValue("http://127.0.0.1:8085") URI peopleServiceUri,
            @NotNull @DefaultValue("3s") Duration catchUpTimeout,
            @NotNull @DefaultValue("20m") Duration revokedSessionTtl,
            @Min(1) @Max(1000) @DefaultValue("20") int mostDevices) {
    }
}
