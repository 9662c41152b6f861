package io.parley.tokens.keys;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.tokens.JoinTokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public keys another service publishes as a JWKS, fetched on first use and kept. A
 * token whose {@code kid} is not among them makes the set be fetched again, so a rotated
 * key is picked up, but at most once per {@code minRefetchInterval}: otherwise every
 * forged token with a made-up {@code kid} would cost the publisher a request, and a flood
 * of them would be amplified onto it. Between refetches such a token matches no key and
 * is refused as invalid.
 * <p>
 * Concurrent fetches are one fetch. A refetch that fails keeps the keys already known;
 * without any, the error reaches the verifier, which answers 503 (the keys are
 * unavailable, the token may be fine).
 */
public final class RemoteJwkSet {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwkSet.class);

    /** A JWKS endpoint slower than this counts as unavailable. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final Duration minRefetchInterval;

    private final Clock clock;

    private final AtomicReference<JWKSet> known = new AtomicReference<>();

    private final AtomicReference<Instant> lastFetch = new AtomicReference<>();

    private final Mono<JWKSet> fetch;

    RemoteJwkSet(Supplier<Mono<JWKSet>> fetcher, Duration minRefetchInterval, Clock clock) {
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
        // a zero time to live shares one fetch among the callers that arrive while it
        // runs, and keeps nothing after
        this.fetch = Mono.defer(() -> {
            lastFetch.set(clock.instant());
            return fetcher.get();
        }).doOnNext(known::set).cache(keys -> Duration.ZERO, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The keys at {@code uri}, fetched with a plain WebClient. */
    public static RemoteJwkSet fetchedFrom(URI uri, Duration minRefetchInterval, Clock clock) {
        WebClient client = WebClient.create();
        return new RemoteJwkSet(() -> client.get()
            .uri(uri)
            .retrieve()
            .bodyToMono(String.class)
            .timeout(FETCH_TIMEOUT)
            .map(RemoteJwkSet::parse), minRefetchInterval, clock);
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("Not a JWK set: " + ex.getMessage(), ex);
        }
    }

    /**
     * A decoder of RS256 tokens signed by these keys, with the issuer, audience and
     * timestamp checks of Parley.
     */
    public ReactiveJwtDecoder decoder(String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
            .withJwkSource((SignedJWT jwt) -> keysFor(jwt.getHeader()))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(JoinTokenVerifier.validator(issuer));
        return decoder;
    }

    /**
     * The keys that may have signed a token with this header; none when its {@code kid}
     * is unknown.
     */
    public Flux<JWK> keysFor(JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            // an algorithm no key type serves: nothing can have signed it, and that is
            // the caller's fault, not a 5xx
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(matcher);
        return Mono.defer(() -> {
            JWKSet current = known.get();
            if (current == null) {
                return fetch.map(selector::select);
            }
            List<JWK> found = selector.select(current);
            if (!found.isEmpty() || !claimRefetch()) {
                return Mono.just(found);
            }
            return fetch.map(selector::select).onErrorResume(error -> {
                log.warn("Refetching the token keys failed; keeping the {} known: {}", current.size(),
                        error.toString());
                return Mono.just(List.of());
            });
        }).flatMapIterable(Function.identity());
    }

    /** True for exactly one caller once the interval since the last fetch has passed. */
    private boolean claimRefetch() {
        Instant last = lastFetch.get();
        Instant now = clock.instant();
        return (last == null || !now.isBefore(last.plus(minRefetchInterval))) && lastFetch.compareAndSet(last, now);
    }

}
