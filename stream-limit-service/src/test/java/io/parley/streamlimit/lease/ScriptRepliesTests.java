package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptRepliesTests {

    @Test
    void readsAnAdmissionWithExpiredAndEvictedLeases() {
        Acquisition acquisition = ScriptReplies.acquisition(List.of("admitted", 3L, 1700000030000L, 4L, 1L, "old",
                "1700000000000", 1L, "evicted", "1.7000000100e+12"));

        assertThat(acquisition.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
        assertThat(acquisition.streamCount()).isEqualTo(3);
        assertThat(acquisition.limit()).isEqualTo(4);
        assertThat(acquisition.leaseExpiresAt()).isEqualTo(Instant.ofEpochMilli(1700000030000L));
        assertThat(acquisition.expired())
            .containsExactly(new ExpiredLease("old", Instant.ofEpochMilli(1700000000000L)));
        assertThat(acquisition.evicted())
            .containsExactly(new ExpiredLease("evicted", Instant.ofEpochMilli(1700000010000L)));
    }

    @Test
    void readsARejection() {
        Acquisition acquisition = ScriptReplies.acquisition(List.of("rejected", 2L, 1700000000000L, 2L, 0L, 0L));

        assertThat(acquisition.holdsLease()).isFalse();
        assertThat(acquisition.streamCount()).isEqualTo(2);
        assertThat(acquisition.limit()).isEqualTo(2);
        assertThat(acquisition.expired()).isEmpty();
    }

    @Test
    void readsRenewalsAndEnds() {
        assertThat(ScriptReplies.change(List.of("renewed", 2L, 5L, 0L), "renewed").changed()).isTrue();
        assertThat(ScriptReplies.change(List.of("missing", 2L, 5L, 0L), "renewed").changed()).isFalse();
        assertThat(ScriptReplies.change(List.of("ended", 0L, 0L, 0L), "ended").streamCount()).isZero();
    }

    @Test
    void readsOldestEndsSweepsAndDueUsers() {
        assertThat(ScriptReplies.oldestEnd(List.of("ended", 1L, "seed:x", 0L)).streamId()).isEqualTo("seed:x");
        assertThat(ScriptReplies.oldestEnd(List.of("unknown", 0L, "", 0L)).streamId()).isNull();
        assertThat(ScriptReplies.sweep(List.of("", 1L, "s1", "5")).earliestRemaining()).isEmpty();
        assertThat(ScriptReplies.sweep(List.of("9", 0L)).earliestRemaining()).hasValue(9);
        assertThat(ScriptReplies.dueUsers(List.of("u1", "4", "u2", "0"))).containsExactly(new DueUser("u1", "4"),
                new DueUser("u2", "0"));
    }

    @Test
    void refusesRepliesItDoesNotKnow() {
        assertThatIllegalStateException()
            .isThrownBy(() -> ScriptReplies.acquisition(List.of("maybe", 1L, 1L, 3L, 0L, 0L)));
        assertThatIllegalStateException().isThrownBy(() -> ScriptReplies.acquisition(List.of("admitted", 1L)));
        // a v1 reply (no limit) is too short for v2
        assertThatIllegalStateException()
            .isThrownBy(() -> ScriptReplies.acquisition(List.of("admitted", 1L, 1700000000000L, 0L, 0L)));
    }

}
