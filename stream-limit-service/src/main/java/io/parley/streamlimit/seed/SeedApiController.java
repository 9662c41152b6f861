package io.parley.streamlimit.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.events.Ids;
import io.parley.streamlimit.StreamLimitProperties;
import io.parley.streamlimit.lease.OldestEnd;
import io.parley.streamlimit.lease.StreamLeases;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The API of the service this one replaces, with its exact bodies and status codes
 * (PLATFORM.md §4.2), for clients not yet moved to {@code /api/streams}. It has no
 * authentication, as the original had none, so it is off unless
 * {@code parley.streams.seed-api.enabled} is set. Its leases live
 * {@code parley.streams.lease.seed-ttl}, since its clients never renew, and have stream
 * ids starting with {@code seed:}. Its bodies cannot say "admitted unchecked", so it
 * answers 503 while Redis is down whatever {@code parley.streams.redis-failure-policy}
 * says.
 */
@RestController
@ConditionalOnProperty(name = "parley.streams.seed-api.enabled", havingValue = "true")
class SeedApiController {

    static final String STREAM_ID_PREFIX = "seed:";

    private final StreamLeases leases;

    private final StreamLimitProperties properties;

    SeedApiController(StreamLeases leases, StreamLimitProperties properties) {
        this.leases = leases;
        this.properties = properties;
    }

    record Message(String msg) {
    }

    record StartStatus(StreamStarted streamStatus) {
    }

    @JsonPropertyOrder({ "isNewStreamAllowed", "streamCount" })
    record StreamStarted(@JsonProperty("isNewStreamAllowed") boolean isNewStreamAllowed, int streamCount) {
    }

    record EndStatus(StreamClosed streamStatus) {
    }

    @JsonPropertyOrder({ "msg", "streamCount" })
    record StreamClosed(String msg, int streamCount) {
    }

    @RequestMapping("/api/startstream/{userId}")
    Mono<ResponseEntity<Object>> start(ServerHttpRequest request, @PathVariable String userId) {
        if (request.getMethod() != HttpMethod.GET) {
            return Mono.just(methodNotAllowed());
        }
        return SeedUserIds.parse(userId)
            .map(user -> leases.startChecked(user, STREAM_ID_PREFIX + Ids.random(), properties.lease().seedTtl())
                .map(acquisition -> ok(
                        new StartStatus(new StreamStarted(acquisition.holdsLease(), acquisition.streamCount())))))
            .orElseGet(() -> Mono.just(invalidUserId()));
    }

    @RequestMapping("/api/endstream/{userId}")
    Mono<ResponseEntity<Object>> end(ServerHttpRequest request, @PathVariable String userId) {
        if (request.getMethod() != HttpMethod.GET) {
            return Mono.just(methodNotAllowed());
        }
        return SeedUserIds.parse(userId)
            .map(user -> leases.endOldest(user, STREAM_ID_PREFIX).map(SeedApiController::ended))
            .orElseGet(() -> Mono.just(invalidUserId()));
    }

    @RequestMapping("/api")
    ResponseEntity<Object> index(ServerHttpRequest request) {
        if (request.getMethod() != HttpMethod.GET) {
            return methodNotAllowed();
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("msg", "stream-limit-service: concurrent-stream limits per user");
        index.put("endpoints",
                List.of(endpoint("/api/startstream/{user_id}", "start a stream for the user if under the limit"),
                        endpoint("/api/endstream/{user_id}", "close one of the user's streams")));
        return ok(index);
    }

    private static Map<String, String> endpoint(String path, String description) {
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("method", "GET");
        endpoint.put("path", path);
        endpoint.put("description", description);
        return endpoint;
    }

    private static ResponseEntity<Object> ended(OldestEnd result) {
        return switch (result.status()) {
            case ENDED -> ok(new EndStatus(new StreamClosed("stream closed", result.streamCount())));
            case NONE -> badRequest("no active streams to close for user");
            case UNKNOWN -> badRequest("user_id not present in the database");
        };
    }

    private static ResponseEntity<Object> invalidUserId() {
        return badRequest("user_id is invalid , needs to be a number");
    }

    private static ResponseEntity<Object> methodNotAllowed() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
            .contentType(MediaType.APPLICATION_JSON)
            .body(new Message("Method not allowed"));
    }

    private static ResponseEntity<Object> badRequest(String message) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new Message(message));
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

}
