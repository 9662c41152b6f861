package io.parley.tokens.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.tokens.BearerTokens;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.KeysUnavailableException;
import io.parley.tokens.TokenType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies an access token: signature against people-service's keys, issuer, audience,
 * expiry, {@code typ} = {@code access} (a join token is refused here), and the Parley
 * claims. Every failure is an {@link InvalidTokenException} (401); an unreachable JWKS
 * endpoint is a {@link KeysUnavailableException} (503).
 */
public class AccessTokenVerifier {

    private final ReactiveJwtDecoder decoder;

    public AccessTokenVerifier(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    public Mono<AccessToken> verify(ServerHttpRequest request) {
        return BearerTokens.resolve(request)
            .map(this::verify)
            .orElseGet(() -> Mono.error(new InvalidTokenException("Sign in first: an access token is required.")));
    }

    public Mono<AccessToken> verify(String rawToken) {
        return decoder.decode(rawToken)
            .onErrorMap(JwtException.class, AccessTokenVerifier::translate)
            .onErrorMap(IllegalStateException.class, KeysUnavailableException::new)
            .map(AccessTokenVerifier::toAccessToken);
    }

    private static RuntimeException translate(JwtException error) {
        if (!(error instanceof BadJwtException)) {
            return new KeysUnavailableException(error);
        }
        String message = String.valueOf(error.getMessage()).toLowerCase();
        return new InvalidTokenException(
                message.contains("expired") ? "The access token has expired." : "The access token is not valid.",
                error);
    }

    static AccessToken toAccessToken(Jwt jwt) {
        if (!TokenType.ACCESS.isTypeOf(jwt.getClaims())) {
            throw new InvalidTokenException("Not an access token.");
        }
        if (jwt.getSubject() == null || jwt.getId() == null || jwt.getExpiresAt() == null) {
            throw new InvalidTokenException("The token lacks sub, jti or exp.");
        }
        String name = jwt.getClaimAsString(AccessToken.NAME);
        String session = jwt.getClaimAsString(AccessToken.SESSION);
        if (name == null || session == null) {
            throw new InvalidTokenException("The token lacks the name or sid claim.");
        }
        return new AccessToken(jwt.getSubject(), name, memberships(jwt.getClaims().get(AccessToken.ORGS)), session,
                jwt.getId(), jwt.getIssuedAt(), jwt.getExpiresAt());
    }

    private static List<AccessToken.Membership> memberships(Object claim) {
        List<AccessToken.Membership> orgs = new ArrayList<>();
        if (claim instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> org && org.get("id") instanceof String id
                        && org.get("role") instanceof String role) {
                    orgs.add(new AccessToken.Membership(id, role));
                }
            }
        }
        return orgs;
    }

}
