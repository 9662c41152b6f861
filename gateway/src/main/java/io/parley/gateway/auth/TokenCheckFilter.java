package io.parley.gateway.auth;

import java.util.Optional;

import io.parley.gateway.GatewayProperties;
import io.parley.tokens.BearerTokens;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevocationList.Revocation;
import io.parley.tokens.RevokedTokenException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Verifies join tokens before routing, so forged, expired and revoked tokens never reach a service (which verifies
 * again). One exception: a token revoked only because its meeting ended goes on to the service, which answers what
 * happened — 409 "ended" for a host control, close 4410 on the signaling socket — where the gateway could only say
 * 401; the service's own check refuses it all the same. The verified token is kept on the exchange for the rate
 * limiter. The token itself is never logged: it
 * travels in a header or in the query string, and neither is written anywhere by the gateway.
 */
@Component
public class TokenCheckFilter implements GlobalFilter, Ordered {

    public static final String VERIFIED_TOKEN = TokenCheckFilter.class.getName() + ".token";
    static final String API_KEY_HEADER = "X-Api-Key";

    private final JoinTokenVerifier verifier;
    private final ProtectedPaths protectedPaths;

    public TokenCheckFilter(JoinTokenVerifier verifier, GatewayProperties properties) {
        this.verifier = verifier;
        this.protectedPaths = new ProtectedPaths(properties.auth().anonymousBeacons());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean hasApiKey = request.getHeaders().containsHeader(API_KEY_HEADER);
        TokenRequirement requirement = protectedPaths.requirementFor(request.getMethod(), request.getPath().value(),
                hasApiKey);
        boolean hasToken = BearerTokens.resolve(request).isPresent();
        if (requirement == TokenRequirement.IF_PRESENT && !hasToken) {
            return chain.filter(exchange);
        }
        return verifier.verify(request)
            .map(Optional::of)
            .onErrorResume(RevokedTokenException.class, revoked -> revoked.revocation() == Revocation.MEETING_ENDED
                    ? Mono.just(Optional.empty()) : Mono.error(revoked))
            .flatMap(token -> {
                token.ifPresent(verified -> exchange.getAttributes().put(VERIFIED_TOKEN, verified));
                return chain.filter(exchange);
            });
    }

    public static JoinToken verifiedToken(ServerWebExchange exchange) {
        return exchange.getAttribute(VERIFIED_TOKEN);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
