package io.parley.signaling.admission;

import java.util.Map;

import io.parley.signaling.SignalingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * The meeting snapshot for {@code welcome} (title, state, timer for late joiners), from
 * meeting-service. When meeting-service cannot answer in time the socket still opens with
 * the meeting id alone: the token already proved the meeting exists and was not ended.
 */
@Component
class MeetingDirectory {

    private static final Logger log = LoggerFactory.getLogger(MeetingDirectory.class);

    /**
     * What the lookup found. {@code snapshot} is meeting-service's JSON, or just the id
     * when it was unavailable.
     */
    record Lookup(boolean exists, boolean ended, Map<String, Object> snapshot) {
    }

    private final WebClient client;

    private final SignalingProperties properties;

    MeetingDirectory(org.springframework.beans.factory.ObjectProvider<WebClient.Builder> builder,
            SignalingProperties properties) {
        this.client = builder.getIfAvailable(WebClient::builder)
            .baseUrl(properties.meetingServiceUri().toString())
            .build();
        this.properties = properties;
    }

    @SuppressWarnings("unchecked")
    Mono<Lookup> find(String meetingId, String rawToken) {
        return client.get()
            .uri("/api/meetings/{id}", meetingId)
            .header("Authorization", "Bearer " + rawToken)
            .retrieve()
            .bodyToMono(Map.class)
            .map(snapshot -> new Lookup(true, "ended".equals(snapshot.get("state")), (Map<String, Object>) snapshot))
            .timeout(properties.meetingLookupTimeout())
            .onErrorResume(WebClientResponseException.class,
                    error -> error.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                            ? Mono.just(new Lookup(false, false, Map.of())) : degraded(meetingId, error))
            .onErrorResume(error -> !(error instanceof WebClientResponseException),
                    error -> degraded(meetingId, error));
    }

    private static Mono<Lookup> degraded(String meetingId, Throwable error) {
        log.warn("meeting-service did not describe meeting {}: {}", meetingId, error.toString());
        return Mono.just(new Lookup(true, false, Map.of("meetingId", meetingId)));
    }

}
