package io.parley.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Tokens that stopped working before they expire: one token (by {@code jti}), every token
 * of a removed participant, every token of an ended meeting. Entries expire with the
 * longest-lived token they can affect. All keys of a meeting share one hash tag, so a
 * single EXISTS answers for all three, also on Redis Cluster.
 */
public class RevocationList {

    private final ReactiveStringRedisTemplate redis;

    private final Duration maxTokenLifetime;

    private final Clock clock;

    public RevocationList(ReactiveStringRedisTemplate redis, Duration maxTokenLifetime, Clock clock) {
        this.redis = redis;
        this.maxTokenLifetime = maxTokenLifetime;
        this.clock = clock;
    }

    /**
     * Why a token no longer works, if it does not; the meeting's end takes precedence
     * over a removal.
     */
    public enum Revocation {

        NONE, TOKEN, PARTICIPANT, MEETING_ENDED

    }

    public Mono<Boolean> isRevoked(JoinToken token) {
        return revocation(token).map(revocation -> revocation != Revocation.NONE);
    }

    public Mono<Revocation> revocation(JoinToken token) {
        return redis.opsForValue()
            .multiGet(List.of(meetingKey(token.meetingId()), participantKey(token.meetingId(), token.participantId()),
                    tokenKey(token.meetingId(), token.id())))
            .map(values -> values.get(0) != null ? Revocation.MEETING_ENDED : values.get(1) != null
                    ? Revocation.PARTICIPANT : values.get(2) != null ? Revocation.TOKEN : Revocation.NONE);
    }

    public Mono<Void> revokeToken(JoinToken token) {
        Duration ttl = Duration.between(Instant.now(clock), token.expiresAt());
        if (ttl.isNegative() || ttl.isZero()) {
            return Mono.empty();
        }
        return redis.opsForValue().set(tokenKey(token.meetingId(), token.id()), "1", ttl).then();
    }

    public Mono<Void> revokeParticipant(String meetingId, String participantId) {
        return redis.opsForValue().set(participantKey(meetingId, participantId), "1", maxTokenLifetime).then();
    }

    public Mono<Void> revokeMeeting(String meetingId) {
        return redis.opsForValue().set(meetingKey(meetingId), "1", maxTokenLifetime).then();
    }

    private static String prefix(String meetingId) {
        return "tokens:{meeting:" + meetingId + "}:";
    }

    static String tokenKey(String meetingId, String jti) {
        return prefix(meetingId) + "jti:" + jti;
    }

    static String participantKey(String meetingId, String participantId) {
        return prefix(meetingId) + "pid:" + participantId;
    }

    static String meetingKey(String meetingId) {
        return prefix(meetingId) + "ended";
    }

}
