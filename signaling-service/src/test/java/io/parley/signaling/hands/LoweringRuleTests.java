package io.parley.signaling.hands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;

class LoweringRuleTests {

    private static JoinToken token(String participantId, Role role) {
        Instant now = Instant.now();
        return new JoinToken("user-" + participantId, "m-1", participantId, "Name", role, "jti", now,
                now.plusSeconds(60));
    }

    @Test
    void aHostMayLowerAnyonesHand() {
        assertThat(LoweringRule.allows(token("p-host", Role.HOST), "p-guest")).isTrue();
        assertThat(LoweringRule.allows(token("p-host", Role.HOST), "p-host")).isTrue();
    }

    @Test
    void aParticipantMayLowerOnlyItsOwnHand() {
        assertThat(LoweringRule.allows(token("p-guest", Role.PARTICIPANT), "p-guest")).isTrue();
        assertThat(LoweringRule.allows(token("p-guest", Role.PARTICIPANT), "p-other")).isFalse();
    }

}
