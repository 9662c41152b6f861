package io.parley.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Tokens that stopped working before they expire: one token (by {@code jti}), every token of a removed participant,
 * every token of an ended meeting. Entries expire with the longest-lived token they can affect. All keys of a meeting
 * share one hash tag, so a single EXISTS answers for all three, also on Redis Cluster.
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

    public Mono<Boolean> isRevoked(JoinToken token) {
        return redis
            .countExistingKeys(java.util.List.of(tokenKey(token.meetingId(), token.id()),
                    participantKey(token.meetingId(), token.participantId()), meetingKey(token.meetingId())))
            .map(count -> count > 0);
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
