package io.parley.signaling.user;

import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a user socket may open, or a refresh may extend one: a valid access token (a
 * join token is refused) of a sign-in session that was not revoked. What could not be
 * checked refuses with 4503, so the device retries.
 */
@Component
class UserAdmission {

    private static final Logger log = LoggerFactory.getLogger(UserAdmission.class);

    /** Either a token to admit, or the close code that says why not. */
    record Outcome(AccessToken token, CloseCode refusal) {

        static Outcome refused(CloseCode code) {
            return new Outcome(null, code);
        }

        boolean admitted() {
            return refusal == null;
        }
    }

    private final AccessTokenVerifier verifier;

    private final RevokedSessions revokedSessions;

    UserAdmission(AccessTokenVerifier verifier, RevokedSessions revokedSessions) {
        this.verifier = verifier;
        this.revokedSessions = revokedSessions;
    }

    Mono<Outcome> admit(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return Mono.just(Outcome.refused(CloseCode.BAD_TOKEN));
        }
        return verifier.verify(rawToken)
            .flatMap(token -> revokedSessions.isRevoked(token.sessionId())
                .map(revoked -> revoked ? Outcome.refused(CloseCode.BAD_TOKEN) : new Outcome(token, null)))
            .onErrorResume(InvalidTokenException.class, invalid -> Mono.just(Outcome.refused(CloseCode.BAD_TOKEN)))
            .onErrorResume(error -> !(error instanceof InvalidTokenException), error -> {
                log.warn("Cannot admit a user socket right now: {}", error.toString());
                return Mono.just(Outcome.refused(CloseCode.TRY_AGAIN_LATER));
            });
    }

}
