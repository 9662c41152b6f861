package io.parley.signaling.leases;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.SignalingProperties;
import io.parley.tokens.JoinToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Stream leases held for signaling sockets, one per participant, with stream id
 * {@code <meetingId>:<participantId>} so a reconnect renews the same lease instead of
 * taking a second one. Calls carry the participant's own join token, so
 * stream-limit-service counts the token's subject. A time limit and a circuit breaker
 * keep a slow or dead stream-limit-service from holding up joins.
 */
@Component
public class StreamLeases {

    /**
     * The answer to an acquire: admitted, over the limit, or not known because the
     * service could not be asked.
     */
    public enum Outcome {

        ADMITTED, LIMIT_REACHED, UNAVAILABLE, DISABLED

    }

    /**
     * The answer to a renewal: renewed, no longer held (expired, or Redis lost it), or
     * not known.
     */
    public enum Renewal {

        RENEWED, NOT_HELD, UNAVAILABLE, DISABLED

    }

    private final WebClient client;

    private final SignalingProperties.Leases leases;

    private final CircuitBreaker breaker;

    private final SignalingMetrics metrics;

    public StreamLeases(ObjectProvider<WebClient.Builder> builder, SignalingProperties properties,
            SignalingMetrics metrics) {
        this.leases = properties.leases();
        this.client = builder.getIfAvailable(WebClient::builder).baseUrl(leases.streamLimitUri().toString()).build();
        this.metrics = metrics;
        this.breaker = CircuitBreaker.of("stream-limit-service",
                CircuitBreakerConfig.custom()
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(10)
                    .waitDurationInOpenState(Duration.ofSeconds(10))
                    // an answer such as 409 (over the limit) or 404 (lease gone) shows
                    // the service is well
                    .recordException(error -> !(error instanceof WebClientResponseException response
                            && response.getStatusCode().is4xxClientError()))
                    .build());
    }

    public static String streamId(JoinToken token) {
        return token.meetingId() + ":" + token.participantId();
    }

    public Mono<Outcome> acquire(JoinToken token, String rawToken) {
        return acquire(streamId(token), token.meetingId(), rawToken);
    }

    /** A lease for another stream of the token's subject, such as a video it watches. */
    public Mono<Outcome> acquire(String streamId, String meetingId, String rawToken) {
        if (!leases.enabled()) {
            return Mono.just(Outcome.DISABLED);
        }
        return client.post()
            .uri("/api/streams")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + rawToken)
            .bodyValue(Map.of("streamId", streamId, "meetingId", meetingId))
            .retrieve()
            .toBodilessEntity()
            .map(response -> Outcome.ADMITTED)
            .timeout(leases.timeout())
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .onErrorResume(WebClientResponseException.class,
                    error -> error.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT) ? Mono.just(Outcome.LIMIT_REACHED)
                            : unavailable("acquire", error))
            .onErrorResume(error -> !(error instanceof WebClientResponseException),
                    error -> unavailable("acquire", error));
    }

    public Mono<Renewal> renew(JoinToken token, String rawToken) {
        return renew(streamId(token), rawToken);
    }

    public Mono<Renewal> renew(String streamId, String rawToken) {
        if (!leases.enabled()) {
            return Mono.just(Renewal.DISABLED);
        }
        return client.put()
            .uri("/api/streams/{id}/lease", streamId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + rawToken)
            .retrieve()
            .toBodilessEntity()
            .map(response -> Renewal.RENEWED)
            .timeout(leases.timeout())
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .onErrorResume(error -> {
                if (error instanceof WebClientResponseException response
                        && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return Mono.just(Renewal.NOT_HELD);
                }
                metrics.leaseFailed("renew");
                return Mono.just(Renewal.UNAVAILABLE);
            });
    }

    public Mono<Void> release(JoinToken token, String rawToken) {
        return release(streamId(token), rawToken);
    }

    public Mono<Void> release(String streamId, String rawToken) {
        if (!leases.enabled()) {
            return Mono.empty();
        }
        return client.delete()
            .uri("/api/streams/{id}", streamId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + rawToken)
            .retrieve()
            .toBodilessEntity()
            .timeout(leases.timeout())
            .doOnError(error -> metrics.leaseFailed("release"))
            .onErrorResume(error -> Mono.empty())
            .then();
    }

    public Duration renewInterval() {
        return leases.renewInterval();
    }

    private Mono<Outcome> unavailable(String operation, Throwable error) {
        metrics.leaseFailed(operation);
        return Mono.just(Outcome.UNAVAILABLE);
    }

}
