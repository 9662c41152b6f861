package io.parley.meeting.meeting;

import java.util.function.Function;
import java.util.function.Supplier;

import io.parley.meeting.event.OutboxPublisher;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs a change to a meeting the way every change must run: note the meeting as having
 * pending events, apply the script (state and event in one atomic step), then publish the
 * event. A script's refusal becomes the matching problem: the state may have moved since
 * the snapshot the caller was checked against.
 */
@Component
public class MeetingChanges {

    private final OutboxPublisher publisher;

    public MeetingChanges(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    public Mono<Outcome> apply(String meetingId, Supplier<Mono<Outcome>> change) {
        return apply(meetingId, change, MeetingChanges::refusal);
    }

    /**
     * As {@link #apply(String, Supplier)}, with the caller's own words for some refusals.
     */
    public Mono<Outcome> apply(String meetingId, Supplier<Mono<Outcome>> change,
            Function<Outcome, ApiProblem> refusal) {
        return publisher.markPending(meetingId).then(Mono.defer(change)).flatMap(outcome -> switch (outcome) {
            case OK, STOPPED_RECORDING -> publisher.publishAfterChange(meetingId).thenReturn(outcome);
            case UNCHANGED -> Mono.just(outcome);
            default -> Mono.error(refusal.apply(outcome));
        });
    }

    /**
     * Puts a meeting that was stored without being announced (a named room, announced
     * once its name is claimed) up for publishing, and publishes its events.
     */
    public Mono<Void> announce(String meetingId) {
        return publisher.markPending(meetingId).then(publisher.publishAfterChange(meetingId));
    }

    /** A script's refusal as the problem a client sees. */
    public static ApiProblem refusal(Outcome outcome) {
        return switch (outcome) {
            case UNKNOWN -> ApiProblem.meetingNotFound();
            case NO_PARTICIPANT -> ApiProblem.participantNotFound();
            case FULL -> ApiProblem.conflict("full", "The meeting is full.");
            case LOCKED -> ApiProblem.conflict("locked", "The host locked the meeting; nobody new can join.");
            case ENDED -> ApiProblem.conflict("ended", "The meeting has ended.");
            default -> throw new IllegalStateException("A change cannot be refused with " + outcome);
        };
    }

}
