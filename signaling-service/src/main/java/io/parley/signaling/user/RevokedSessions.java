package io.parley.signaling.user;

import java.time.Duration;
import java.util.List;

import io.parley.signaling.SignalingProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sign-in sessions people-service revoked, remembered in Redis for as long as their
 * access tokens could still be valid. A socket is closed by the revocation event at once;
 * this record also refuses a revoked session's token at connect and refresh, and lets
 * every instance's heartbeat find a socket whose event it missed.
 */
@Component
class RevokedSessions {

    private final ReactiveStringRedisTemplate redis;

    private final Duration ttl;

    RevokedSessions(ReactiveStringRedisTemplate redis, SignalingProperties properties) {
        this.redis = redis;
        this.ttl = properties.users().revokedSessionTtl();
    }

    private static String key(String sessionId) {
        return "user:revoked-session:" + sessionId;
    }

    Mono<Boolean> revoke(String sessionId) {
        return redis.opsForValue().set(key(sessionId), "1", ttl);
    }

    Mono<Boolean> isRevoked(String sessionId) {
        return redis.hasKey(key(sessionId));
    }

    /** For each session asked, in order, whether it was revoked. */
    Mono<List<Boolean>> revoked(List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return redis.opsForValue()
            .multiGet(sessionIds.stream().map(RevokedSessions::key).toList())
            .map(values -> values.stream().map(value -> value != null).toList());
    }

}
