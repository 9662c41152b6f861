package io.parley.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings ({@code parley.gateway.*}).
 *
 * @param services base URIs of each backend service by service id; several URIs are
 * load-balanced round robin
 * @param rateLimit per-client request budget, kept in Redis
 * @param resilience circuit breaker and time limit applied to every HTTP route
 * @param maxRequestSize largest request body accepted (default 1MB); larger requests get
 * 413
 * @param cors origins other than the gateway's own that may call the API from a browser
 * (default: none)
 * @param auth which requests need a token at the gateway
 * @param websocket which browser origins may open the WebSockets
 */
@Validated
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(@NotEmpty Map<String, @NotEmpty List<@NotNull URI>> services,
        @Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Resilience resilience,
        @NotNull @DefaultValue("1MB") DataSize maxRequestSize, @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue Auth auth, @Valid @DefaultValue Websocket websocket) {

    /**
     * A token bucket per client: {@code burstCapacity} requests at once, refilled at
     * {@code replenishPerSecond}.
     *
     * @param enabled whether requests are limited at all (default true)
     * @param replenishPerSecond tokens added per second (default 50)
     * @param burstCapacity bucket size, the burst allowed (default 100)
     * @param trustedProxies how many proxies in front of the gateway (an ingress, a load
     * balancer) append the address they saw to {@code X-Forwarded-For}; a request without
     * a token is then limited by the entry that many places from the right, and
     * {@code X-Forwarded-Proto} is read the same way (HSTS, and what the services are
     * told). 0 (default): the headers are ignored and the connection counts, since a
     * client can write anything into them
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("50") int replenishPerSecond,
            @Positive @DefaultValue("100") int burstCapacity, @PositiveOrZero @DefaultValue("0") int trustedProxies) {
    }

    /**
     * @param timeout a call slower than this fails with 503 (default 5s)
     * @param slidingWindowSize calls the failure rate is computed over (default 20)
     * @param minimumCalls calls needed before the breaker may open (default 10)
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * (default 50)
     * @param openStateWait how long an open breaker rejects calls before probing again
     * (default 10s)
     */
    public record Resilience(@NotNull @DefaultValue("5s") Duration timeout,
            @Positive @DefaultValue("20") int slidingWindowSize, @Positive @DefaultValue("10") int minimumCalls,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
            @NotNull @DefaultValue("10s") Duration openStateWait) {
    }

    /**
     * @param allowedOrigins origins allowed to call the API cross-origin (default: none,
     * same origin only)
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * @param anonymousBeacons accept quality beacons without a join token, for
     * Daily-style clients (default false)
     */
    public record Auth(@DefaultValue("false") boolean anonymousBeacons) {
    }

    /**
     * A browser says in {@code Origin} which page opens a WebSocket; another site's page
     * must not open one with the browser's credentials (cross-site WebSocket hijacking),
     * so an upgrade from a foreign origin gets 403. Clients that are not browsers send no
     * {@code Origin} and are not affected.
     *
     * @param allowedOrigins origins besides the gateway's own that may open sockets, as
     * {@code scheme://host[:port]} (default: none). The gateway's own origin (the
     * {@code Host} the browser asked for: {@code
     *        http://localhost:8080} under {@code ./parley up}, the public URL behind the
     * ingress) is always allowed
     */
    public record Websocket(@DefaultValue List<String> allowedOrigins) {
    }
}
