package io.parley.people.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.parley.events.Ids;
import io.parley.people.PeopleProperties;
import io.parley.people.account.Account;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenSigner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues the 15-minute access token of a session, with the account's current name and
 * memberships.
 */
@Component
class AccessTokens {

    private final AccessTokenSigner signer;

    private final DatabaseClient db;

    private final Duration lifetime;

    private final Clock clock;

    AccessTokens(AccessTokenSigner signer, DatabaseClient db, PeopleProperties properties, Clock clock) {
        this.signer = signer;
        this.db = db;
        this.lifetime = properties.tokens().accessLifetime();
        this.clock = clock;
    }

    /** A signed token and when it expires. */
    record Issued(String token, Instant expiresAt) {
    }

    Mono<Issued> issue(Account account, UUID sessionId) {
        return memberships(account.id()).collectList().map(orgs -> {
            // JWT times have whole seconds; the answer shows the same expiry the token
            // holds
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            AccessToken token = new AccessToken(account.id().toString(), account.displayName(), orgs,
                    sessionId.toString(), Ids.random(), now, now.plus(lifetime));
            return new Issued(signer.sign(token), token.expiresAt());
        });
    }

    private Flux<AccessToken.Membership> memberships(UUID accountId) {
        return db.sql("select org_id, role from org_member where account_id = :account order by joined_at")
            .bind("account", accountId)
            .map(row -> new AccessToken.Membership(row.get("org_id", UUID.class).toString(),
                    row.get("role", String.class)))
            .all();
    }

}
