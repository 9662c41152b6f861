package io.parley.people.me;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.web.PeopleProblem;
import io.parley.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The account's recordings for its export, as recording-service lists them at
 * {@code GET /api/me/recordings}, asked with the person's own access token: what
 * recording-service lets that token read is what the export shows, nothing more.
 * Recordings live only there, so an export without them would be incomplete: when
 * recording-service is out of reach, too slow or fails, the export is 503 with
 * Retry-After, and when it refuses the token, 401 (the client refreshes and asks again).
 */
@Component
class AccountRecordings {

    private static final Logger log = LoggerFactory.getLogger(AccountRecordings.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * recording-service lists at most 500 recordings of a few hundred bytes each; the
     * service's 16 KB limit is for request bodies.
     */
    private static final int MAX_LISTING_BYTES = 1024 * 1024;

    private static final ParameterizedTypeReference<List<Recording>> LISTING = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;

    private final Duration timeout;

    private final PeopleMetrics metrics;

    AccountRecordings(ObjectProvider<WebClient.Builder> builder, PeopleProperties properties, PeopleMetrics metrics) {
        this.timeout = properties.export().recordingsTimeout();
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
            .responseTimeout(timeout);
        this.client = builder.getIfAvailable(WebClient::builder)
            .baseUrl(properties.export().recordingsUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_LISTING_BYTES))
            .build();
        this.metrics = metrics;
    }

    /**
     * One recording as recording-service lists it; {@code url} is where the file is
     * fetched through the gateway.
     */
    record Recording(String recordingId, String meetingId, String state, Instant startedAt, Double durationSeconds,
            String url) {
    }

    Mono<List<Recording>> of(String accessToken) {
        return client.get()
            .uri("/api/me/recordings")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(LISTING)
            .defaultIfEmpty(List.of())
            .timeout(timeout)
            .onErrorMap(this::failed);
    }

    private RuntimeException failed(Throwable error) {
        if (error instanceof WebClientResponseException response
                && response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
            metrics.recordingServiceFailed("refused");
            return PeopleProblem.unauthorized("recording-service did not accept your access token; sign in again.");
        }
        String cause;
        if (error instanceof TimeoutException || error.getCause() instanceof io.netty.handler.timeout.TimeoutException
                || error.getCause() instanceof ConnectTimeoutException) {
            metrics.recordingServiceFailed("timeout");
            cause = "no answer within " + timeout;
        }
        else if (error instanceof WebClientRequestException) {
            metrics.recordingServiceFailed("unreachable");
            cause = "unreachable: " + error.getMessage();
        }
        else if (error instanceof WebClientResponseException response) {
            metrics.recordingServiceFailed("status");
            cause = "answered " + response.getStatusCode().value();
        }
        else {
            metrics.recordingServiceFailed("unreadable");
            cause = error.toString();
        }
        log.warn("Could not list an account's recordings on recording-service for its export: {}", cause);
        return Problems.unavailable(
                "Your recordings cannot be listed at the moment, so the export would be incomplete; try again shortly.",
                RETRY_AFTER, error);
    }

}
