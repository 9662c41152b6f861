package io.parley.meeting.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.meeting.person.MeetingAccess;
import io.parley.tokens.Role;

/**
 * A meeting as read from Redis in one atomic snapshot.
 *
 * @param media how its media travels, as the host chose ({@code auto} unless they did)
 * @param recording the recording under way, or null
 */
public record Meeting(String id, String slug, String title, MeetingState state, int maxParticipants, Instant createdAt,
        Instant endedAt, List<Participant> participants, Timer timer, MeetingAccess access, MediaMode media,
        Recording recording) {

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
    }

    /**
     * @param userId the token subject: {@code guest:<uuid>} for guests, the app's own
     * user id for minted tokens; never shown by the API
     * @param muted the host muted them (the live microphone state travels over signaling)
     * @param online signaling reports at least one open connection
     */
    public record Participant(String id, String name, Role role, String userId, Instant joinedAt, boolean muted,
            boolean online) {
    }

    /**
     * A countdown started by the host; kept server-side so late joiners see the time
     * left.
     */
    public record Timer(String preset, int seconds, Instant startedAt, Instant endsAt) {
    }

    /**
     * A recording the host started; it runs until a host stops it, the meeting ends, the
     * host who started it leaves, or {@code maxSeconds} have passed.
     *
     * @param by the host who started it
     */
    public record Recording(String id, Instant startedAt, int maxSeconds, String by) {
    }

}
