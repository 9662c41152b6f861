package io.parley.quality.token;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims were verified. A browser sends a beacon
 * every few seconds with the same join token, and checking its RS256 signature is the
 * largest share of the CPU a beacon costs. Only a successful decoding is kept, and expiry
 * is checked again on every use; revocation is not cached at all, since
 * {@link io.parley.tokens.JoinTokenVerifier} asks Redis on every request.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;

    private final Cache<String, Jwt> verified;

    private final Clock clock;

    public CachingJwtDecoder(ReactiveJwtDecoder delegate, int maximumSize, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(timeToLive).build();
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

}
