package io.parley.streamlimit.api;

import java.net.URI;
import java.util.List;

import io.parley.events.Ids;
import io.parley.streamlimit.StreamLimitProperties;
import io.parley.streamlimit.caller.BadRequestException;
import io.parley.streamlimit.caller.Caller;
import io.parley.streamlimit.caller.CallerResolver;
import io.parley.streamlimit.caller.Identifiers;
import io.parley.streamlimit.lease.Lease;
import io.parley.streamlimit.lease.LeaseChange;
import io.parley.streamlimit.lease.StreamLeases;
import io.parley.support.problem.Problems;
import io.parley.support.problem.UnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/streams} (PLATFORM.md §4.2): leases for the caller's user, who is the join
 * token's {@code sub} or, with an API key, the {@code userId} named in the body (POST) or
 * query (other methods). Every {@code limit} it reports is the user's effective limit:
 * the largest of the user's organization limits, else the base limit.
 */
@RestController
@RequestMapping("/api/streams")
class StreamsController {

    private final StreamLeases leases;

    private final CallerResolver callers;

    private final StreamLimitProperties properties;

    StreamsController(StreamLeases leases, CallerResolver callers, StreamLimitProperties properties) {
        this.leases = leases;
        this.callers = callers;
        this.properties = properties;
    }

    /**
     * {@code streamId} defaults to a new UUID; a token holder's {@code meetingId}
     * defaults to the token's.
     */
    record StartRequest(String streamId, String meetingId, String userId) {
    }

    record StreamLease(String streamId, Integer streamCount, int limit, String leaseExpiresAt) {
    }

    record StreamCount(Integer streamCount) {
    }

    record ActiveStreams(String userId, int streamCount, int limit, List<ActiveStream> streams) {
    }

    record ActiveStream(String streamId, String leaseExpiresAt) {
    }

    /**
     * Over the limit is an answer, not a failure: the 409 is returned rather than thrown
     * (no stack trace to fill).
     */
    @PostMapping
    Mono<ResponseEntity<?>> start(ServerHttpRequest request, @RequestBody(required = false) StartRequest body) {
        StartRequest start = body != null ? body : new StartRequest(null, null, null);
        String streamId = start.streamId() != null ? requireId("streamId", start.streamId()) : Ids.random();
        if (start.meetingId() != null) {
            requireId("meetingId", start.meetingId());
        }
        return callers.resolve(request, start.userId()).flatMap(caller -> {
            String meetingId = meetingOf(caller, start.meetingId());
            return leases.start(caller.userId(), caller.tenant(), streamId, meetingId, properties.lease().ttl())
                .map(acquisition -> {
                    if (!acquisition.holdsLease()) {
                        return overLimit(acquisition.streamCount(), acquisition.limit(), request);
                    }
                    return ResponseEntity.created(URI.create("/api/streams/" + streamId))
                        .body(new StreamLease(streamId, acquisition.streamCount(), acquisition.limit(),
                                acquisition.leaseExpiresAt().toString()));
                });
        });
    }

    /**
     * The limit is read beside the renewal. It only informs: when it cannot be read
     * (Redis went away, or a renewal let through under fail-open) the answer names the
     * base limit rather than failing a renewal that happened.
     */
    @PutMapping("/{streamId}/lease")
    Mono<StreamLease> renew(ServerHttpRequest request, @PathVariable String streamId,
            @RequestParam(required = false) String userId) {
        requireId("streamId", streamId);
        return callers.resolve(request, userId)
            .flatMap(caller -> Mono
                .zip(leases.renew(caller.userId(), streamId, properties.lease().ttl()),
                        leases.limit(caller.userId(), caller.tenant())
                            .onErrorReturn(UnavailableException.class, properties.limitFor(caller.tenant())))
                .map(renewal -> {
                    LeaseChange change = renewal.getT1();
                    if (!change.changed()) {
                        throw notHeld(streamId);
                    }
                    return new StreamLease(streamId, change.streamCount(), renewal.getT2(),
                            change.leaseExpiresAt().toString());
                }));
    }

    @DeleteMapping("/{streamId}")
    Mono<StreamCount> end(ServerHttpRequest request, @PathVariable String streamId,
            @RequestParam(required = false) String userId) {
        requireId("streamId", streamId);
        return callers.resolve(request, userId)
            .flatMap(caller -> leases.end(caller.userId(), streamId))
            .map(change -> new StreamCount(change.streamCount()));
    }

    @GetMapping
    Mono<ActiveStreams> active(ServerHttpRequest request, @RequestParam(required = false) String userId) {
        return callers.resolve(request, userId)
            .flatMap(caller -> Mono.zip(leases.active(caller.userId()), leases.limit(caller.userId(), caller.tenant()))
                .map(found -> new ActiveStreams(caller.userId(), found.getT1().size(), found.getT2(),
                        found.getT1().stream().map(StreamsController::view).toList())));
    }

    private static ActiveStream view(Lease lease) {
        return new ActiveStream(lease.streamId(), lease.expiresAt().toString());
    }

    /** A join token is for one meeting: its holder can only start streams there. */
    private static String meetingOf(Caller caller, String requested) {
        if (caller.token() == null) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.token().meetingId())) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    Problems.of(HttpStatus.FORBIDDEN, "The join token is for another meeting."), null);
        }
        return caller.token().meetingId();
    }

    private static String requireId(String name, String value) {
        if (!Identifiers.isValid(value)) {
            throw new BadRequestException(
                    name + " must be 1 to " + Identifiers.MAX_LENGTH + " letters, digits or . _ : ~ @ + = -");
        }
        return value;
    }

    private static ResponseEntity<ProblemDetail> overLimit(int streamCount, int limit, ServerHttpRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT,
                "The user already holds " + streamCount + " of " + limit + " allowed streams.");
        problem.setProperty("streamCount", streamCount);
        problem.setProperty("limit", limit);
        problem.setInstance(URI.create(request.getPath().value()));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * 404 with {@code reason: not-held}: the lease is gone (never started, ended,
     * expired, evicted, or lost with Redis's data). A renewal never brings it back; the
     * client starts the stream again, under the limit.
     */
    private static ErrorResponseException notHeld(String streamId) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "No lease on stream " + streamId
                + " is held (it was never started, ended, expired or was lost); start the stream again.");
        problem.setProperty("reason", "not-held");
        problem.setProperty("streamId", streamId);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

}
