package io.parley.meeting.person;

import java.util.Optional;

import io.parley.meeting.web.Caller;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The signed-in person behind a create or join request, if any: creating and joining are
 * open to guests, so no token is fine, but a token that is there must be a valid access
 * token (a join token or a forged one is 401).
 */
@Component
public class People {

    private final AccessTokenVerifier verifier;

    People(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Mono<Optional<AccessToken>> optionalPerson(Caller caller) {
        return caller.bearerToken()
            .map(token -> verifier.verify(token).map(Optional::of))
            .orElseGet(() -> Mono.just(Optional.empty()));
    }

}
