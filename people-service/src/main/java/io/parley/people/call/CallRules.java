package io.parley.people.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.people.web.PeopleProblem;

/**
 * What may happen to a call, decided on its stored state and who asks (PEOPLE.md §5). The
 * store then applies the decision as one conditional update from the state decided on, so
 * of two decisions on the same state only the first takes effect: the first answer wins
 * by the database, whatever the timing.
 */
final class CallRules {

    private CallRules() {
    }

    /** Who is asking, as far as the call is concerned. */
    enum Party {

        CALLER, CALLEE

    }

    /** A state change: from the state decided on, to the next. */
    record Transition(CallState from, CallState to) {
    }

    /**
     * Only the callee answers, and only while it rings (a call past its ring time rings
     * no more, swept or not).
     */
    static Transition answer(CallState state, Party party, Instant ringExpiresAt, Instant now) {
        return fromRinging(state, party, ringExpiresAt, now, CallState.ANSWERED);
    }

    static Transition decline(CallState state, Party party, Instant ringExpiresAt, Instant now) {
        return fromRinging(state, party, ringExpiresAt, now, CallState.DECLINED);
    }

    private static Transition fromRinging(CallState state, Party party, Instant ringExpiresAt, Instant now,
            CallState to) {
        if (party != Party.CALLEE) {
            throw PeopleProblem.forbidden("not-callee", "Only the person called answers or declines a call.");
        }
        if (state != CallState.RINGING || !now.isBefore(ringExpiresAt)) {
            throw notRinging();
        }
        return new Transition(CallState.RINGING, to);
    }

    /**
     * Hanging up ({@code DELETE}): the caller cancels a ringing call, the callee declines
     * it, either ends an answered one. A call that is over already stays as it is
     * (empty): hanging up twice, or together, is no mistake.
     */
    static Optional<Transition> stop(CallState state, Party party) {
        return switch (state) {
            case RINGING ->
                Optional.of(new Transition(state, party == Party.CALLER ? CallState.CANCELLED : CallState.DECLINED));
            case ANSWERED -> Optional.of(new Transition(state, CallState.ENDED));
            default -> Optional.empty();
        };
    }

    /**
     * What {@code call-ended} says to each device about why the call stopped (ringing)
     * there.
     */
    static String reason(CallState state) {
        return switch (state) {
            case ANSWERED -> "answered";
            case ENDED -> "hung-up";
            case DECLINED -> "declined";
            case CANCELLED -> "cancelled";
            case MISSED -> "missed";
            case BUSY -> "busy";
            case RINGING -> throw new IllegalArgumentException("A ringing call has not ended");
        };
    }

    /**
     * Whether the callee took part in the ending, so the entry it leaves is no news to
     * them: a call they declined or talked in. A missed, cancelled or busy call is, and
     * raises their unread count.
     */
    static boolean knownToCallee(CallState outcome) {
        return outcome == CallState.DECLINED || outcome == CallState.ENDED;
    }

    /** Whole seconds from the answer to the end; 0 for a call nobody answered. */
    static long durationSeconds(Instant answeredAt, Instant endedAt) {
        if (answeredAt == null || endedAt == null || endedAt.isBefore(answeredAt)) {
            return 0;
        }
        return Duration.between(answeredAt, endedAt).toSeconds();
    }

    /**
     * At most {@code perMinute} calls from one caller to one callee within any minute.
     * Given the times of the calls made in the last minute (oldest first), how long until
     * the next is allowed; empty when it is now.
     */
    static Optional<Duration> ringWait(List<Instant> lastMinute, int perMinute, Instant now) {
        if (lastMinute.size() < perMinute) {
            return Optional.empty();
        }
        Instant freedAt = lastMinute.get(lastMinute.size() - perMinute).plus(Duration.ofMinutes(1));
        return freedAt.isAfter(now) ? Optional.of(Duration.between(now, freedAt)) : Optional.empty();
    }

    static PeopleProblem notRinging() {
        return PeopleProblem.conflict("not-ringing", "This call is no longer ringing.");
    }

}
