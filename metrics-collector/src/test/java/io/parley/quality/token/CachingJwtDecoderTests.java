package io.parley.quality.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachingJwtDecoderTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final AtomicInteger decodings = new AtomicInteger();

    /**
     * Stands in for signature checking: "good-*" tokens decode, expiring at the instant
     * after the dash.
     */
    private final ReactiveJwtDecoder verifying = token -> {
        decodings.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Instant expiresAt = Instant.parse(token.substring("good-".length()));
        return Mono.just(Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("u")
            .issuedAt(NOW.minusSeconds(60))
            .expiresAt(expiresAt)
            .build());
    };

    private CachingJwtDecoder decoderAt(Instant now) {
        return new CachingJwtDecoder(verifying, 100, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifiesAValidTokenOnceAndAnswersRepeatsFromMemory() {
        CachingJwtDecoder decoder = decoderAt(NOW);
        String token = "good-" + NOW.plusSeconds(600);

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
        }

        assertThat(decodings).hasValue(1);
    }

    @Test
    void neverRemembersARejectedToken() {
        CachingJwtDecoder decoder = decoderAt(NOW);

        StepVerifier.create(decoder.decode("forged")).verifyError(BadJwtException.class);
        StepVerifier.create(decoder.decode("forged")).verifyError(BadJwtException.class);

        assertThat(decodings).hasValue(2);
    }

    @Test
    void verifiesARememberedTokenAgainOnceItHasExpired() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {

            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Duration.ofMinutes(5), clock);
        String token = "good-" + NOW.plusSeconds(10);
        StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();

        now.set(NOW.plusSeconds(11));
        StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();

        assertThat(decodings).hasValue(2);
    }

}
