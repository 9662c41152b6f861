package io.parley.signaling.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;

class CallPresenceTests {

    private static JoinToken token(String subject, String meetingId, String participantId) {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        return new JoinToken(subject, meetingId, participantId, "Ada", Role.PARTICIPANT, UUID.randomUUID().toString(),
                now, now.plusSeconds(600));
    }

    @Test
    void aSignedInPersonsMeetingSocketCountsForTheirAccount() {
        String account = UUID.randomUUID().toString();

        assertThat(CallPresence.accountOf(token(account, "m1", "p1"))).contains(account);
    }

    @Test
    void guestsAndIntegrationsUsersAreNobodysContact() {
        assertThat(CallPresence.accountOf(token("guest:" + UUID.randomUUID(), "m1", "p1"))).isEmpty();
        assertThat(CallPresence.accountOf(token("crm-user-42", "m1", "p1"))).isEmpty();
        assertThat(CallPresence.accountOf(token(UUID.randomUUID().toString().toUpperCase(), "m1", "p1")))
            .as("not the canonical form meeting-service writes")
            .isEmpty();
        assertThat(CallPresence.accountOf(token("1-2-3-4-5".repeat(4).substring(0, 36), "m1", "p1"))).isEmpty();
    }

    @Test
    void oneEntryPerParticipantOfAMeetingWhicheverSocketOrInstanceHoldsIt() {
        String account = UUID.randomUUID().toString();

        assertThat(CallPresence.member(token(account, "m1", "p1"))).isEqualTo("m:m1:p1")
            .isEqualTo(CallPresence.member(token(account, "m1", "p1")))
            .isNotEqualTo(CallPresence.member(token(account, "m2", "p1")))
            .isNotEqualTo(CallPresence.member(token(account, "m1", "p2")));
    }

}
