package io.parley.meeting.person;

import java.util.Optional;

import io.parley.tokens.BearerTokens;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The signed-in person behind a create or join request, if any: creating and joining are open to guests, so no
 * token is fine, but a token that is there must be a valid access token (a join token or a forged one is 401).
 */
@Component
public class People {

    private final AccessTokenVerifier verifier;

    People(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Mono<Optional<AccessToken>> optionalPerson(ServerHttpRequest request) {
        if (BearerTokens.resolve(request).isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return verifier.verify(request).map(Optional::of);
    }
}
