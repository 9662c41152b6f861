package io.parley.meeting.recording;

import io.parley.meeting.meeting.Meeting;
import io.parley.tokens.JoinToken;

/**
 * Whose account a recording belongs to: the signed-in person who founded the meeting,
 * when they are the host who starts it. A guest host, or a host an integration minted a
 * token for, has no account here; their recording is reached with the host's join token.
 */
final class RecordingOwner {

    private RecordingOwner() {
    }

    /** The account id, or null when the host starting the recording has none. */
    static String accountOf(Meeting meeting, JoinToken host) {
        String founder = meeting.access().hostAccount();
        return founder != null && founder.equals(host.subject()) ? founder : null;
    }

}
