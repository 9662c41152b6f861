package io.parley.people.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.web.PeopleProblem;
import io.parley.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The meeting a call happens in, on meeting-service, through its public API and with the
 * person's own access token: the caller creates it ({@code access: invited}, the callee
 * invited) and becomes its host, the callee joins it. So the call is an ordinary Parley
 * meeting, and meeting-service decides who enters, as it does for any meeting.
 * meeting-service out of reach or too slow is 503 with Retry-After: the caller tries
 * again, nothing was stored.
 */
@Component
class MeetingRooms {

    private static final Logger log = LoggerFactory.getLogger(MeetingRooms.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final String TITLE = "Call";

    private final WebClient client;

    private final Duration timeout;

    private final PeopleMetrics metrics;

    MeetingRooms(ObjectProvider<WebClient.Builder> builder, PeopleProperties properties, PeopleMetrics metrics) {
        this.client = builder.getIfAvailable(WebClient::builder)
            .baseUrl(properties.calls().meetingServiceUri().toString())
            .build();
        this.timeout = properties.calls().meetingServiceTimeout();
        this.metrics = metrics;
    }

    /** A new meeting and the host's (the caller's) join token. */
    record Room(String meetingId, String token) {
    }

    Mono<Room> open(String callerAccessToken, UUID callee) {
        return client.post()
            .uri("/api/meetings")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + callerAccessToken)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", TITLE, "access", "invited", "invitedAccounts", List.of(callee.toString())))
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(created -> new Room(text(created.path("meetingId")), text(created.path("host").path("token"))))
            .timeout(timeout)
            .onErrorMap(error -> !(error instanceof ErrorResponseException),
                    error -> failed("create the call's meeting", error, false));
    }

    /** The callee's join token for the call's meeting. */
    Mono<String> join(String meetingId, String calleeAccessToken) {
        return client.post()
            .uri("/api/meetings/{id}/participants", meetingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + calleeAccessToken)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of())
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(joined -> text(joined.path("token")))
            .timeout(timeout)
            .onErrorMap(error -> !(error instanceof ErrorResponseException),
                    error -> failed("join the call's meeting", error, true));
    }

    private static String text(JsonNode node) {
        if (!node.isString() || node.asString().isEmpty()) {
            throw new IllegalStateException("meeting-service answered without the expected field");
        }
        return node.asString();
    }

    /**
     * meeting-service refusing the callee (the meeting ended, or is full) is the call's
     * end, not an outage: 409. Its creation cap reached is the caller's 429. Everything
     * else is 503.
     */
    private ErrorResponseException failed(String what, Throwable error, boolean joining) {
        if (error instanceof WebClientResponseException response) {
            if (response.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
                return PeopleProblem.tooMany("You started too many meetings and calls lately; try again later.",
                        retryAfter(response));
            }
            if (joining && (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                    || response.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT))) {
                return PeopleProblem.conflict("meeting-gone", "The call's meeting has ended; the call is over.");
            }
        }
        metrics.meetingServiceFailed();
        String cause = error instanceof TimeoutException ? "no answer within " + timeout
                : error instanceof WebClientRequestException ? "unreachable: " + error.getMessage() : error.toString();
        log.warn("Could not {} on meeting-service: {}", what, cause);
        return Problems.unavailable("Calls are unavailable for a moment; try again shortly.", RETRY_AFTER, error);
    }

    private static Duration retryAfter(WebClientResponseException response) {
        try {
            return Duration.ofSeconds(Long.parseLong(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }
        catch (NumberFormatException | NullPointerException unreadable) {
            return Duration.ofMinutes(1);
        }
    }

}
