package io.parley.people.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.parley.people.call.CallRules.Party;
import io.parley.people.call.CallRules.Transition;
import io.parley.people.web.PeopleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static final Instant RINGS_UNTIL = NOW.plusSeconds(30);

    private static int status(Runnable decision) {
        try {
            decision.run();
            return 0;
        }
        catch (PeopleProblem problem) {
            return problem.getStatusCode().value();
        }
    }

    @Test
    void theCalleeAnswersARingingCall() {
        assertThat(CallRules.answer(CallState.RINGING, Party.CALLEE, RINGS_UNTIL, NOW))
            .isEqualTo(new Transition(CallState.RINGING, CallState.ANSWERED));
        assertThat(CallRules.decline(CallState.RINGING, Party.CALLEE, RINGS_UNTIL, NOW))
            .isEqualTo(new Transition(CallState.RINGING, CallState.DECLINED));
    }

    @Test
    void theCallerNeitherAnswersNorDeclinesTheirOwnCall() {
        assertThat(status(() -> CallRules.answer(CallState.RINGING, Party.CALLER, RINGS_UNTIL, NOW))).isEqualTo(403);
        assertThat(status(() -> CallRules.decline(CallState.RINGING, Party.CALLER, RINGS_UNTIL, NOW))).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = "RINGING", mode = EnumSource.Mode.EXCLUDE)
    void aCallThatStoppedRingingCannotBeAnsweredAgain(CallState state) {
        assertThat(status(() -> CallRules.answer(state, Party.CALLEE, RINGS_UNTIL, NOW))).isEqualTo(409);
    }

    @Test
    void aCallPastItsRingTimeIsNotRingingEvenBeforeTheSweeperMarksItMissed() {
        assertThat(status(() -> CallRules.answer(CallState.RINGING, Party.CALLEE, NOW, NOW))).isEqualTo(409);
        assertThat(status(() -> CallRules.decline(CallState.RINGING, Party.CALLEE, NOW.minusSeconds(1), NOW)))
            .isEqualTo(409);
    }

    @Test
    void hangingUpCancelsDeclinesOrEndsByStateAndParty() {
        assertThat(CallRules.stop(CallState.RINGING, Party.CALLER))
            .contains(new Transition(CallState.RINGING, CallState.CANCELLED));
        assertThat(CallRules.stop(CallState.RINGING, Party.CALLEE))
            .contains(new Transition(CallState.RINGING, CallState.DECLINED));
        assertThat(CallRules.stop(CallState.ANSWERED, Party.CALLER))
            .contains(new Transition(CallState.ANSWERED, CallState.ENDED));
        assertThat(CallRules.stop(CallState.ANSWERED, Party.CALLEE))
            .contains(new Transition(CallState.ANSWERED, CallState.ENDED));
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = { "RINGING", "ANSWERED" }, mode = EnumSource.Mode.EXCLUDE)
    void hangingUpACallThatIsOverChangesNothing(CallState state) {
        assertThat(state.isOver()).isTrue();
        assertThat(CallRules.stop(state, Party.CALLER)).isEmpty();
        assertThat(CallRules.stop(state, Party.CALLEE)).isEmpty();
    }

    @Test
    void everyEndHasTheReasonTheSocketSends() {
        assertThat(CallRules.reason(CallState.ANSWERED)).isEqualTo("answered");
        assertThat(CallRules.reason(CallState.ENDED)).isEqualTo("hung-up");
        assertThat(CallRules.reason(CallState.DECLINED)).isEqualTo("declined");
        assertThat(CallRules.reason(CallState.CANCELLED)).isEqualTo("cancelled");
        assertThat(CallRules.reason(CallState.MISSED)).isEqualTo("missed");
        assertThat(CallRules.reason(CallState.BUSY)).isEqualTo("busy");
        assertThatThrownBy(() -> CallRules.reason(CallState.RINGING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCallsTheCalleeTookPartInAreNoNewsToThem() {
        assertThat(CallRules.knownToCallee(CallState.DECLINED)).isTrue();
        assertThat(CallRules.knownToCallee(CallState.ENDED)).isTrue();
        assertThat(CallRules.knownToCallee(CallState.MISSED)).isFalse();
        assertThat(CallRules.knownToCallee(CallState.CANCELLED)).isFalse();
        assertThat(CallRules.knownToCallee(CallState.BUSY)).isFalse();
    }

    @Test
    void durationCountsWholeSecondsFromTheAnswer() {
        assertThat(CallRules.durationSeconds(NOW, NOW.plusMillis(61_900))).isEqualTo(61);
        assertThat(CallRules.durationSeconds(null, NOW)).isZero();
        assertThat(CallRules.durationSeconds(NOW, NOW.minusSeconds(1))).isZero();
    }

    @Test
    void theFourthCallWithinAMinuteWaitsUntilTheFirstIsAMinuteOld() {
        List<Instant> three = List.of(NOW.minusSeconds(50), NOW.minusSeconds(20), NOW.minusSeconds(5));

        assertThat(CallRules.ringWait(three.subList(0, 2), 3, NOW)).isEmpty();
        assertThat(CallRules.ringWait(three, 3, NOW)).contains(Duration.ofSeconds(10));
        assertThat(CallRules.ringWait(List.of(NOW.minusSeconds(70), NOW.minusSeconds(20), NOW.minusSeconds(5)), 3, NOW))
            .isEmpty();
    }

}
