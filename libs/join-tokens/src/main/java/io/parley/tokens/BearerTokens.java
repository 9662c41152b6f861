package io.parley.tokens;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a request carries its join token: the {@code Authorization: Bearer} header, or
 * the {@code access_token} query parameter for the two clients that cannot set headers
 * (WebSocket upgrades and {@code sendBeacon}).
 */
public final class BearerTokens {

    public static final String QUERY_PARAMETER = "access_token";

    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    public static Optional<String> resolve(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of(header.substring(PREFIX.length()).trim()).filter(token -> !token.isEmpty());
        }
        return Optional.ofNullable(request.getQueryParams().getFirst(QUERY_PARAMETER)).filter(t -> !t.isBlank());
    }

}
