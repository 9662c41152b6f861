package io.parley.tokens;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a join token: signature against the meeting-service keys, issuer, audience,
 * expiry, the Parley claims, and that it was not revoked. Every failure is an
 * {@link InvalidTokenException} (401), never a 5xx; only an unreachable JWKS endpoint is
 * a {@link KeysUnavailableException} (503), an unreachable Redis an error of its own.
 */
public class JoinTokenVerifier {

    public static final String AUDIENCE = "parley";

    private final ReactiveJwtDecoder decoder;

    private final RevocationList revocations;

    public JoinTokenVerifier(ReactiveJwtDecoder decoder, RevocationList revocations) {
        this.decoder = decoder;
        this.revocations = revocations;
    }

    /**
     * The validators every decoder of join tokens needs: timestamps, issuer and audience.
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience);
    }

    public Mono<JoinToken> verify(ServerHttpRequest request) {
        return BearerTokens.resolve(request)
            .map(this::verify)
            .orElseGet(() -> Mono.error(new InvalidTokenException("A join token is required.")));
    }

    public Mono<JoinToken> verify(String rawToken) {
        return decoder.decode(rawToken)
            .onErrorMap(JwtException.class, JoinTokenVerifier::translate)
            .onErrorMap(IllegalStateException.class, KeysUnavailableException::new)
            .map(JoinTokenVerifier::toJoinToken)
            .flatMap(token -> revocations.revocation(token)
                .flatMap(revocation -> revocation == RevocationList.Revocation.NONE ? Mono.just(token)
                        : Mono.error(new RevokedTokenException(token, revocation))));
    }

    private static RuntimeException translate(JwtException error) {
        if (mentions(error, "expired")) {
            return new InvalidTokenException("The token has expired.", error);
        }
        if (!(error instanceof BadJwtException)) {
            return new KeysUnavailableException(error);
        }
        return new InvalidTokenException("The token is not valid.", error);
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current.getMessage() != null && current.getMessage().toLowerCase().contains(text.toLowerCase())) {
                return true;
            }
        }
        return error instanceof JwtValidationException validation && validation.getErrors()
            .stream()
            .anyMatch(e -> e.getDescription() != null && e.getDescription().toLowerCase().contains(text.toLowerCase()));
    }

    static JoinToken toJoinToken(Jwt jwt) {
        if (!TokenType.JOIN.isTypeOf(jwt.getClaims())) {
            throw new InvalidTokenException("Not a join token.");
        }
        String meetingId = required(jwt, JoinToken.MEETING);
        String participantId = required(jwt, JoinToken.PARTICIPANT);
        String name = required(jwt, JoinToken.NAME);
        Role role = Role.fromClaim(required(jwt, JoinToken.ROLE))
            .orElseThrow(() -> new InvalidTokenException("The token has an unknown role."));
        if (jwt.getSubject() == null || jwt.getId() == null || jwt.getExpiresAt() == null) {
            throw new InvalidTokenException("The token lacks sub, jti or exp.");
        }
        return new JoinToken(jwt.getSubject(), meetingId, participantId, name, role, jwt.getId(), jwt.getIssuedAt(),
                jwt.getExpiresAt());
    }

    private static String required(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidTokenException("The token lacks the " + claim + " claim.");
        }
        return text;
    }

}
