package io.parley.gateway.auth;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import io.parley.gateway.ratelimit.RequestBudget;
import io.parley.tokens.BearerTokens;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.KeysUnavailableException;
import io.parley.tokens.RevocationList.Revocation;
import io.parley.tokens.RevokedTokenException;
import io.parley.tokens.TokenType;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Verifies tokens before routing, so forged, expired and revoked tokens never reach a
 * service (which verifies again). {@link ProtectedPaths} says which kind a request needs;
 * each verifier refuses the other kind ({@code typ}), so a join token never passes where
 * an access token is required, nor the other way round.
 * <p>
 * One exception: a join token revoked only because its meeting ended goes on to the
 * service, which answers what happened — 409 "ended" for a host control, close 4410 on
 * the signaling socket — where the gateway could only say 401; the service's own check
 * refuses it all the same. The verified caller is kept on the exchange for the rate
 * limiter; a refused request spends its address's {@link RequestBudget} before it is
 * answered, so bad tokens are metered like any other request. Redis down while a join
 * token's revocation is checked is a 503 to retry. The token itself is never logged: it
 * travels in a header or in the query string, and neither is written anywhere by the
 * gateway.
 */
@Component
public class TokenCheckFilter implements GlobalFilter, Ordered {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final JoinTokenVerifier joinTokens;

    private final AccessTokenVerifier accessTokens;

    private final ProtectedPaths protectedPaths;

    private final RequestBudget budget;

    private final GatewayMetrics metrics;

    public TokenCheckFilter(JoinTokenVerifier joinTokens, AccessTokenVerifier accessTokens,
            GatewayProperties properties, RequestBudget budget, GatewayMetrics metrics) {
        this.joinTokens = joinTokens;
        this.accessTokens = accessTokens;
        this.protectedPaths = new ProtectedPaths(properties.auth().anonymousBeacons());
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean hasApiKey = request.getHeaders().containsHeader(API_KEY_HEADER);
        TokenRequirement requirement = protectedPaths.requirementFor(request.getMethod(), request.getPath(), hasApiKey);
        if (requirement == TokenRequirement.NONE
                || !requirement.required() && BearerTokens.resolve(request).isEmpty()) {
            return chain.filter(exchange);
        }
        TokenType type = requirement.tokenType() != null ? requirement.tokenType() : claimedType(request);
        return verify(type, request).onErrorMap(DataAccessException.class, RevocationsUnavailableException::new)
            .onErrorResume(refusal -> {
                metrics.tokenRefused(reason(refusal));
                return budget.refuse(exchange, refusal);
            })
            .flatMap(caller -> {
                caller.ifPresent(verified -> VerifiedCaller.keep(exchange, verified));
                return chain.filter(exchange);
            });
    }

    private static String reason(Throwable refusal) {
        if (refusal instanceof RevokedTokenException) {
            return "revoked";
        }
        if (refusal instanceof InvalidTokenException) {
            return "invalid";
        }
        if (refusal instanceof KeysUnavailableException) {
            return "keys-unavailable";
        }
        return refusal instanceof RevocationsUnavailableException ? "revocations-unavailable" : "error";
    }

    /**
     * The kind of token the request's token says it is: only a hint for choosing the
     * verifier, which refuses the other kind. Anything unreadable goes to the join-token
     * verifier, which answers it with the usual 401.
     */
    private static TokenType claimedType(ServerHttpRequest request) {
        return BearerTokens.resolve(request).filter(TokenCheckFilter::saysAccess).isPresent() ? TokenType.ACCESS
                : TokenType.JOIN;
    }

    private static boolean saysAccess(String token) {
        try {
            return TokenType.ACCESS.claim().equals(JWTParser.parse(token).getJWTClaimsSet().getClaim(TokenType.CLAIM));
        }
        catch (ParseException notAJwt) {
            return false;
        }
    }

    private Mono<Optional<VerifiedCaller>> verify(TokenType type, ServerHttpRequest request) {
        return switch (type) {
            case ACCESS -> accessTokens.verify(request)
                .map(token -> Optional.<VerifiedCaller>of(new VerifiedCaller.Account(token)));
            case JOIN -> joinTokens.verify(request)
                .map(token -> Optional.<VerifiedCaller>of(new VerifiedCaller.Participant(token)))
                .onErrorResume(RevokedTokenException.class, revoked -> revoked.revocation() == Revocation.MEETING_ENDED
                        ? Mono.just(Optional.empty()) : Mono.error(revoked));
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

}
