package io.parley.recording.access;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;
import io.parley.tokens.BearerTokens;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevocationList;
import io.parley.tokens.RevokedTokenException;
import io.parley.tokens.TokenType;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the caller from the bearer token: its {@code typ} claim picks the verifier,
 * which then checks everything (each refuses the other kind). A host's join token still
 * works after the meeting ended (meeting-service revokes an ended meeting's tokens): a
 * guest host can fetch the recording until the token itself expires. A token revoked on
 * its own, or a removed participant's, does not. No token, or an invalid one: 401.
 */
@Component
public class RecordingReaders {

    private final JoinTokenVerifier joinTokens;

    private final AccessTokenVerifier accessTokens;

    RecordingReaders(JoinTokenVerifier joinTokens, AccessTokenVerifier accessTokens) {
        this.joinTokens = joinTokens;
        this.accessTokens = accessTokens;
    }

    public Mono<Caller> caller(ServerHttpRequest request) {
        Optional<String> token = BearerTokens.resolve(request);
        if (token.isEmpty()) {
            return Mono.error(new InvalidTokenException(
                    "The host's access token or join token, or an organization admin's access token, is required."));
        }
        return isAccessToken(token.get()) ? accessTokens.verify(token.get()).map(account -> new Caller(account, null))
                : participant(token.get()).map(participant -> new Caller(null, participant));
    }

    /** The caller, who must have signed in (an access token). */
    public Mono<Caller> account(ServerHttpRequest request) {
        return accessTokens.verify(request).map(account -> new Caller(account, null));
    }

    private Mono<JoinToken> participant(String token) {
        return joinTokens.verify(token)
            .onErrorResume(RevokedTokenException.class,
                    ex -> (ex.revocation() == RevocationList.Revocation.MEETING_ENDED) ? Mono.just(ex.token())
                            : Mono.error(ex));
    }

    private static boolean isAccessToken(String token) {
        try {
            return TokenType.ACCESS.claim().equals(JWTParser.parse(token).getJWTClaimsSet().getClaim(TokenType.CLAIM));
        }
        catch (ParseException notAJwt) {
            // the join-token verifier refuses it with the usual 401
            return false;
        }
    }

}
