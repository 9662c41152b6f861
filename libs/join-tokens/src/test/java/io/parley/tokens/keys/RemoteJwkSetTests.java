package io.parley.tokens.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class RemoteJwkSetTests {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final RSAKey OLD = RsaKeys.generate();

    private static final RSAKey NEW = RsaKeys.generate();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    /** What the publisher serves right now; an error when it is down. */
    private final AtomicReference<Mono<JWKSet>> published = new AtomicReference<>(Mono.just(set(OLD)));

    private final AtomicInteger fetches = new AtomicInteger();

    private final RemoteJwkSet keys = new RemoteJwkSet(() -> {
        fetches.incrementAndGet();
        return published.get();
    }, INTERVAL, clock);

    private static JWKSet set(RSAKey... keys) {
        return new JWKSet(List.of(keys).stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    private static JWSHeader signedBy(RSAKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
    }

    private List<String> kidsFor(RSAKey key) {
        return keys.keysFor(signedBy(key)).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(5));
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Test
    void fetchesTheKeysOnFirstUseAndKeepsThem() {
        assertThat(kidsFor(OLD)).containsExactly(OLD.getKeyID());
        advance(Duration.ofHours(1));
        assertThat(kidsFor(OLD)).containsExactly(OLD.getKeyID());

        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetchesAgainForUnknownKeyIdsAtMostOncePerInterval() {
        kidsFor(OLD);
        RSAKey forged = RsaKeys.generate();

        for (int i = 0; i < 100; i++) {
            assertThat(kidsFor(forged)).isEmpty();
        }
        assertThat(fetches).as("no refetch within the interval of the first fetch").hasValue(1);

        advance(INTERVAL);
        for (int i = 0; i < 100; i++) {
            assertThat(kidsFor(RsaKeys.generate())).isEmpty();
        }
        assertThat(fetches).as("one refetch once the interval has passed").hasValue(2);
    }

    @Test
    void picksUpARotatedKeyOnceTheIntervalHasPassed() {
        kidsFor(OLD);
        published.set(Mono.just(set(OLD, NEW)));

        assertThat(kidsFor(NEW)).isEmpty();
        advance(INTERVAL);

        assertThat(kidsFor(NEW)).containsExactly(NEW.getKeyID());
        assertThat(kidsFor(OLD)).containsExactly(OLD.getKeyID());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void sharesOneFetchAmongTheCallersThatArriveWhileItRuns() {
        Sinks.One<JWKSet> slow = Sinks.one();
        published.set(slow.asMono());

        Mono<List<JWK>> first = keys.keysFor(signedBy(OLD)).collectList();
        Mono<List<JWK>> second = keys.keysFor(signedBy(OLD)).collectList();
        StepVerifier.create(Mono.zip(first, second))
            .then(() -> slow.tryEmitValue(set(OLD)))
            .assertNext(both -> assertThat(both.getT1()).hasSize(1).isEqualTo(both.getT2()))
            .verifyComplete();

        assertThat(fetches).hasValue(1);
    }

    @Test
    void keepsTheKnownKeysWhenARefetchFails() {
        kidsFor(OLD);
        published.set(Mono.error(new IllegalStateException("meeting-service is down")));
        advance(INTERVAL);

        assertThat(kidsFor(NEW)).isEmpty();
        assertThat(kidsFor(OLD)).containsExactly(OLD.getKeyID());
        assertThat(kidsFor(NEW)).as("a failed refetch counts against the interval too").isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void reportsTheFailureWhileNoKeysHaveEverBeenFetched() {
        published.set(Mono.error(new IllegalStateException("meeting-service is down")));

        StepVerifier.create(keys.keysFor(signedBy(OLD))).verifyError(IllegalStateException.class);
        published.set(Mono.just(set(OLD)));
        assertThat(kidsFor(OLD)).as("the next caller tries again").containsExactly(OLD.getKeyID());
    }

    @Test
    void matchesNoKeyWithoutFetchingForAnAlgorithmNoKeyTypeServes() {
        JWSHeader unknownAlgorithm = new JWSHeader.Builder(new JWSAlgorithm("XX512")).keyID("k").build();

        StepVerifier.create(keys.keysFor(unknownAlgorithm)).verifyComplete();
        assertThat(fetches).hasValue(0);
    }

}
