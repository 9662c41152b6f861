package io.parley.people.session;

import java.time.Clock;
import java.util.Locale;

import io.parley.people.PeopleProperties;
import io.parley.people.token.SecretTokens;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The operator's {@code parley.people.sign-up} switch: {@code open}, {@code closed}, or
 * {@code invite-only}, where a new account needs an organization invitation that is still
 * usable and was sent to the address signing up (the person then accepts it as usual).
 * The invitation is only looked at here, not used up.
 */
@Component
class SignUpPolicy {

    private final PeopleProperties.SignUp mode;

    private final DatabaseClient db;

    private final Clock clock;

    SignUpPolicy(PeopleProperties properties, DatabaseClient db, Clock clock) {
        this.mode = properties.signUp();
        this.db = db;
        this.clock = clock;
    }

    /**
     * Completes empty when this email may get a new account; {@code invitation} may be
     * null.
     */
    Mono<Void> check(String email, String invitation) {
        if (mode == PeopleProperties.SignUp.OPEN) {
            return Mono.empty();
        }
        if (mode == PeopleProperties.SignUp.INVITE_ONLY && SecretTokens.wellFormed(invitation)) {
            return db
                .sql("select count(*) as usable from org_invitation where token_hash = :hash "
                        + "and accepted_at is null and expires_at > :now and lower(trim(email)) = :emailKey")
                .bind("hash", SecretTokens.hash(invitation))
                .bind("now", clock.instant())
                .bind("emailKey", Inputs.emailKey(email))
                .map(row -> row.get("usable", Long.class))
                .one()
                .flatMap(usable -> usable > 0 ? Mono.<Void>empty() : Mono.error(refused()));
        }
        return Mono.error(refused());
    }

    private PeopleProblem refused() {
        return PeopleProblem.forbidden("sign-up-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                mode == PeopleProperties.SignUp.CLOSED ? "This server does not take new accounts."
                        : "New accounts need an invitation to an organization, sent to this address.");
    }

}
