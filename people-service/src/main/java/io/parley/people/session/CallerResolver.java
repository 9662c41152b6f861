package io.parley.people.session;

import java.time.Clock;
import java.util.UUID;

import io.parley.people.web.PeopleProblem;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a {@link Caller} argument: the access token must verify, and its session must
 * still be live, so that signing out a device, a password change or a detected token
 * theft takes effect at once here rather than when the token expires.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    private final AccessTokenVerifier verifier;

    private final Sessions sessions;

    private final Clock clock;

    CallerResolver(AccessTokenVerifier verifier, Sessions sessions, Clock clock) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return verifier.verify(exchange.getRequest()).flatMap(this::caller);
    }

    private Mono<Object> caller(AccessToken token) {
        UUID accountId;
        UUID sessionId;
        try {
            accountId = UUID.fromString(token.accountId());
            sessionId = UUID.fromString(token.sessionId());
        }
        catch (IllegalArgumentException ex) {
            return Mono.error(PeopleProblem.unauthorized("The access token is not valid."));
        }
        return sessions.byId(sessionId)
            .filter(session -> session.accountId().equals(accountId) && session.isLive(clock.instant()))
            .switchIfEmpty(Mono.error(() -> PeopleProblem.unauthorized("This session has ended; sign in again.")))
            .map(session -> new Caller(accountId, sessionId, token));
    }

}
