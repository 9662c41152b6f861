package io.parley.meeting.meeting;

import java.util.function.Function;

import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every host control (and leaving) runs through {@link #run}: authorize, run, count. The
 * checks come in this order: the meeting exists (404); it has not ended (409, before the
 * token, because ending revoked every token of the meeting and the honest answer is
 * "ended", not "bad token"); the bearer token verifies, revocations included (401); then
 * {@link HostRules} (403, 404 for an unknown target).
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

    /**
     * A caller allowed to run a command on a meeting, with the snapshot they were checked
     * against.
     */
    public record Authorized(Meeting meeting, JoinToken caller) {
    }

    /**
     * Runs {@code action} once the caller is allowed to, and counts the outcome by
     * command.
     * @param target the participant the command acts on ({@code MUTE}, {@code REMOVE}),
     * otherwise null
     */
    public <T> Mono<T> run(Command command, String idOrSlug, Caller caller, String target,
            Function<Authorized, Mono<T>> action) {
        return authorize(idOrSlug, caller, command, target).flatMap(action)
            .doOnSuccess(done -> metrics.hostCommandDone(command.label()))
            .doOnError(error -> metrics.hostCommandFailed(command.label(), error));
    }

    private Mono<Authorized> authorize(String idOrSlug, Caller caller, Command command, String target) {
        return lookup.resolve(idOrSlug).flatMap(meeting -> {
            if (!meeting.state().acceptsCommands()) {
                return Mono.error(denial(HostRules.Denial.ENDED));
            }
            return verify(caller).flatMap(token -> HostRules.check(command, meeting, token, target)
                .<Mono<Authorized>>map(denial -> Mono.error(denial(denial)))
                .orElseGet(() -> Mono.just(new Authorized(meeting, token))));
        });
    }

    private Mono<JoinToken> verify(Caller caller) {
        return caller.bearerToken()
            .map(verifier::verify)
            .orElseGet(() -> Mono.error(new InvalidTokenException("A join token is required.")));
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
