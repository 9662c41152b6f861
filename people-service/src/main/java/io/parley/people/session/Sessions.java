package io.parley.people.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.event.Outbox;
import io.parley.people.token.SecretTokens;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sign-in sessions and their refresh tokens (PEOPLE.md §2). A refresh rotates the token;
 * the token rotated last may come back within the grace (two tabs of one browser
 * refreshing at once) and gets the same successor, kept in Redis for exactly that long;
 * any other retired token proves that someone else holds a copy, and the whole session is
 * revoked.
 */
@Component
public class Sessions {

    private final SessionStore store;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final ReactiveStringRedisTemplate redis;

    private final PeopleMetrics metrics;

    private final Duration lifetime;

    private final Duration grace;

    private final Clock clock;

    Sessions(SessionStore store, Outbox outbox, TransactionalOperator transaction, ReactiveStringRedisTemplate redis,
            PeopleMetrics metrics, PeopleProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.transaction = transaction;
        this.redis = redis;
        this.metrics = metrics;
        this.lifetime = properties.sessions().lifetime();
        this.grace = properties.sessions().refreshGrace();
        this.clock = clock;
    }

    /** A new session and its first refresh token; joins the caller's transaction. */
    public record Started(Session session, String refreshToken) {
    }

    public Mono<Started> start(UUID accountId, String userAgent, String clientAddress) {
        Instant now = clock.instant();
        Session session = new Session(UUID.randomUUID(), accountId, now, now, now.plus(lifetime), null, null,
                truncate(userAgent, 256), clientAddress);
        String token = SecretTokens.generate();
        return store.insert(session, SecretTokens.hash(token)).thenReturn(new Started(session, token));
    }

    /**
     * The outcome of presenting a refresh token: the session and its (new) token, or
     * empty when refused.
     */
    Mono<Started> refresh(String token) {
        if (!SecretTokens.wellFormed(token)) {
            metrics.refresh("refused");
            return Mono.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        return store.byCurrentToken(hash)
            .flatMap(session -> session.isLive(now) ? rotate(session, hash, now) : refused())
            .switchIfEmpty(
                    Mono.defer(() -> store.byRetiredToken(hash).flatMap(retired -> retired(retired, hash, now))));
    }

    private Mono<Started> rotate(Session session, byte[] hash, Instant now) {
        String next = SecretTokens.generate();
        return store.rotate(session.id(), hash, SecretTokens.hash(next), now, now.plus(lifetime))
            .as(transaction::transactional)
            .flatMap(rotated -> {
                if (!rotated) {
                    // another tab rotated the same token a moment ago: it is now retired,
                    // and within the grace
                    return store.byRetiredToken(hash).flatMap(retired -> retired(retired, hash, now));
                }
                metrics.refresh("rotated");
                return redis.opsForValue()
                    .set(graceKey(hash), next, grace)
                    .onErrorResume(error -> Mono.just(false))
                    .thenReturn(new Started(session, next));
            });
    }

    private Mono<Started> retired(SessionStore.Retired retired, byte[] hash, Instant now) {
        Session session = retired.session();
        if (!session.isLive(now)) {
            return refused();
        }
        boolean inGrace = retired.latest() && session.rotatedAt() != null
                && !session.rotatedAt().plus(grace).isBefore(now);
        if (inGrace) {
            return redis.opsForValue().get(graceKey(hash)).map(successor -> {
                metrics.refresh("grace");
                return new Started(session, successor);
            }).switchIfEmpty(refused());
        }
        metrics.refresh("reuse-detected");
        return revoke(session.accountId(), session.id(), "refresh-token-reused").then(refused());
    }

    private <T> Mono<T> refused() {
        metrics.refresh("refused");
        return Mono.empty();
    }

    /**
     * Revokes one session of the account; false when it was not a live session of that
     * account.
     */
    public Mono<Boolean> revoke(UUID accountId, UUID sessionId, String reason) {
        return store.revoke(sessionId, accountId, reason, clock.instant())
            .flatMap(revoked -> revoked ? announce(accountId, sessionId, reason).thenReturn(true) : Mono.just(false))
            .as(transaction::transactional);
    }

    /**
     * Revokes every session of the account except {@code keep} (null revokes all); joins
     * the caller's transaction.
     */
    public Mono<Void> revokeAll(UUID accountId, UUID keep, String reason) {
        return store.revokeAll(accountId, keep, reason, clock.instant())
            .concatMap(sessionId -> announce(accountId, sessionId, reason))
            .then();
    }

    /**
     * Signs out the device holding this token (current or recently retired); unknown
     * tokens are ignored.
     */
    Mono<Void> signOut(String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Mono.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        return store.byCurrentToken(hash)
            .switchIfEmpty(Mono.defer(() -> store.byRetiredToken(hash).map(SessionStore.Retired::session)))
            .flatMap(session -> revoke(session.accountId(), session.id(), "signed-out"))
            .then();
    }

    public Mono<Session> byId(UUID sessionId) {
        return store.byId(sessionId);
    }

    public Flux<Session> liveOf(UUID accountId) {
        return store.liveOf(accountId, clock.instant());
    }

    private Mono<Void> announce(UUID accountId, UUID sessionId, String reason) {
        return outbox.append(EventType.SESSION_REVOKED, accountId.toString(),
                Map.of("accountId", accountId.toString(), "sessionId", sessionId.toString(), "reason", reason));
    }

    private static String graceKey(byte[] retiredHash) {
        return "people:refresh-grace:" + HexFormat.of().formatHex(retiredHash);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

}
