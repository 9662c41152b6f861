package io.parley.meeting.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingApi.Credentials;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingState;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.meeting.MeetingStore.StoredParticipant;
import io.parley.meeting.person.MeetingAccess;
import io.parley.meeting.token.TokenIssuer;
import io.parley.meeting.web.ApiProblem;
import io.parley.tokens.Role;
import io.parley.tokens.access.AccessToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Admitting participants: guests, signed-in people, named-room callers and minted tokens.
 */
@Service
public class Admissions {

    private final MeetingStore store;

    private final MeetingChanges changes;

    private final TokenIssuer tokens;

    private final MeetingMetrics metrics;

    private final MeetingIds ids;

    private final Clock clock;

    public Admissions(MeetingStore store, MeetingChanges changes, TokenIssuer tokens, MeetingMetrics metrics,
            MeetingIds ids, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.tokens = tokens;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Adds a participant if the meeting is open and not full, then signs their token. The
     * snapshot already tells a locked or ended meeting; the script decides for good (the
     * state may have changed since) and checks the seats.
     * @param subject the token's {@code sub}: {@code guest:<uuid>}, an account id or an
     * integration's user id
     * @param kind {@code guest}, {@code account} or {@code api-key}, for metrics
     */
    public Mono<Credentials> admit(Meeting meeting, String name, Role role, String subject, String kind) {
        if (!meeting.state().admitsJoins()) {
            Outcome refused = meeting.state() == MeetingState.LOCKED ? Outcome.LOCKED : Outcome.ENDED;
            countJoin(refused);
            return Mono.error(MeetingChanges.refusal(refused));
        }
        String meetingId = meeting.id();
        String participantId = ids.newParticipantId();
        Instant now = clock.instant();
        StoredParticipant participant = new StoredParticipant(participantId, name, role.claim(), subject, now);
        var event = new MeetingEvents.ParticipantJoined(meetingId,
                new MeetingEvents.ParticipantData(participantId, name, role.claim(), subject), now);
        return changes
            .apply(meetingId,
                    () -> store.join(meetingId, participant, EventType.PARTICIPANT_JOINED, event)
                        .doOnNext(this::countJoin),
                    outcome -> outcome == Outcome.FULL ? full(meeting) : MeetingChanges.refusal(outcome))
            .map(joined -> {
                TokenIssuer.Issued issued = tokens.issue(subject, meetingId, participantId, name, role, kind);
                return new Credentials(participantId, role.claim(), issued.token(), issued.expiresAt());
            });
    }

    /**
     * 401 for a guest where only people may enter, 403 for a person the meeting is not
     * for.
     */
    public Mono<Void> checkAccess(Meeting meeting, Optional<AccessToken> person) {
        boolean org = meeting.access().mode() == MeetingAccess.Mode.ORG;
        return switch (meeting.access().admits(person)) {
            case ADMIT -> Mono.empty();
            case SIGN_IN_REQUIRED -> Mono.error(ApiProblem.signInRequired("This meeting is only for "
                    + (org ? "members of its organization" : "invited people") + ": sign in to join."));
            case NOT_INVITED -> Mono.error(ApiProblem.forbidden("not-invited", "This meeting is only for "
                    + (org ? "members of its organization." : "the people its host invited.")));
        };
    }

    /**
     * The limit a full meeting reached, in words and as a member, so a client can say it
     * without parsing.
     */
    private static ApiProblem full(Meeting meeting) {
        return ApiProblem.conflict("full",
                "The meeting is full: it admits " + meeting.maxParticipants() + " participants, host included.",
                Map.of("maxParticipants", meeting.maxParticipants()));
    }

    private void countJoin(Outcome outcome) {
        switch (outcome) {
            case OK -> metrics.joinAdmitted();
            case FULL, LOCKED, ENDED -> metrics.joinRejected(outcome.name().toLowerCase(Locale.ROOT));
            default -> {
            }
        }
    }

}
