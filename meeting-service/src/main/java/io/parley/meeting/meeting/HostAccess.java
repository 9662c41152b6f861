package io.parley.meeting.meeting;

import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.web.ApiProblem;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Mono;

/**
 * The checks in front of every host control, in this order: the meeting exists (404); it has not ended (409, before
 * the token, because ending revoked every token of the meeting and the honest answer is "ended", not "bad token");
 * the bearer token verifies, revocations included (401); then {@link HostRules} (403, 404 for an unknown target).
 */
@Component
public class HostAccess {

    private final MeetingLookup lookup;
    private final JoinTokenVerifier verifier;
    private final MeetingMetrics metrics;

    public HostAccess(MeetingLookup lookup, JoinTokenVerifier verifier, MeetingMetrics metrics) {
        this.lookup = lookup;
        this.verifier = verifier;
        this.metrics = metrics;
    }

    /** A caller allowed to run a command on a meeting, with the snapshot they were checked against. */
    public record Authorized(Meeting meeting, JoinToken caller) {
    }

    public Mono<Authorized> authorize(String idOrSlug, ServerHttpRequest request, Command command, String target) {
        return lookup.resolve(idOrSlug).flatMap(meeting -> {
            if (!meeting.state().acceptsCommands()) {
                return Mono.error(denial(HostRules.Denial.ENDED));
            }
            return verifier.verify(request).flatMap(caller -> HostRules.check(command, meeting, caller, target)
                .<Mono<Authorized>>map(denial -> Mono.error(denial(denial)))
                .orElseGet(() -> Mono.just(new Authorized(meeting, caller))));
        });
    }

    /** Counts the command's outcome by HTTP status class. */
    public <T> Mono<T> tracked(Command command, Mono<T> execution) {
        return execution.doOnSuccess(done -> metrics.hostCommand(command.label(), "ok")).doOnError(error -> {
            int status = error instanceof ErrorResponse response ? response.getStatusCode().value() : 500;
            metrics.hostCommand(command.label(), switch (status) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 409 -> "conflict";
                default -> "error";
            });
        });
    }

    private static ApiProblem denial(HostRules.Denial denial) {
        return switch (denial) {
            case ENDED -> ApiProblem.conflict(denial.reason(), "The meeting has ended.");
            case OTHER_MEETING -> ApiProblem.forbidden(denial.reason(), "The token is for another meeting.");
            case NOT_HOST -> ApiProblem.forbidden(denial.reason(), "Only the host may do this.");
            case NO_PARTICIPANT -> ApiProblem.participantNotFound();
        };
    }
}
