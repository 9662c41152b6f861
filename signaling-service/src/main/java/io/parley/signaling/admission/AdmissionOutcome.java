package io.parley.signaling.admission;

import java.util.Map;

import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.JoinToken;
import io.parley.tokens.RevocationList;

/**
 * What admission decided for a new meeting socket: let it in, or close it with a code
 * that says why.
 */
public sealed interface AdmissionOutcome {

    /**
     * Let in: the verified token, the raw one (forwarded to stream-limit) and
     * meeting-service's snapshot.
     */
    record Admitted(JoinToken token, String rawToken, Map<String, Object> meeting) implements AdmissionOutcome {
    }

    record Refused(CloseCode code) implements AdmissionOutcome {
    }

    /**
     * A revoked token: its meeting ended, or its participant was removed, or the token
     * itself was withdrawn.
     */
    static Refused revoked(RevocationList.Revocation revocation) {
        return new Refused(switch (revocation) {
            case MEETING_ENDED -> CloseCode.MEETING_ENDED;
            case PARTICIPANT -> CloseCode.FORBIDDEN;
            case NONE, TOKEN -> CloseCode.BAD_TOKEN;
        });
    }

}
