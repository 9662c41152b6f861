package io.parley.signaling.hands;

import io.parley.tokens.JoinToken;

/**
 * Whose hand a participant may lower: its own, or anyone's when it is a host.
 */
final class LoweringRule {

    private LoweringRule() {
    }

    static boolean allows(JoinToken sender, String participantId) {
        return sender.isHost() || sender.participantId().equals(participantId);
    }

}
