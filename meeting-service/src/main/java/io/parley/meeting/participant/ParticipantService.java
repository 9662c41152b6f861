package io.parley.meeting.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.HostAccess;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.MeetingApi.Credentials;
import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingState;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.meeting.MeetingStore.StoredParticipant;
import io.parley.meeting.token.TokenIssuer;
import io.parley.tokens.RevocationList;
import io.parley.meeting.person.MeetingAccess;
import io.parley.meeting.web.ApiProblem;
import io.parley.tokens.Role;
import io.parley.tokens.access.AccessToken;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Admitting participants (guests, named-room callers, minted tokens), and removing and muting them. */
@Service
public class ParticipantService {

    private final MeetingStore store;
    private final MeetingChanges changes;
    private final HostAccess access;
    private final TokenIssuer tokens;
    private final RevocationList revocations;
    private final MeetingMetrics metrics;
    private final MeetingIds ids;
    private final Clock clock;

    public ParticipantService(MeetingStore store, MeetingChanges changes, HostAccess access, TokenIssuer tokens,
            RevocationList revocations, MeetingMetrics metrics, MeetingIds ids, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.access = access;
        this.tokens = tokens;
        this.revocations = revocations;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Adds a participant if the meeting is open and not full, then signs their token. The snapshot already tells a
     * locked or ended meeting; the script decides for good (the state may have changed since) and checks the seats.
     *
     * @param subject the token's {@code sub}: {@code guest:<uuid>} or an integration's user id
     * @param kind {@code guest} or {@code api-key}, for metrics
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
        return changes.apply(meetingId, () -> store.join(meetingId, participant, EventType.PARTICIPANT_JOINED, event)
            .doOnNext(this::countJoin)).map(joined -> {
                TokenIssuer.Issued issued = tokens.issue(subject, meetingId, participantId, name, role, kind);
                return new Credentials(participantId, role.claim(), issued.token(), issued.expiresAt());
            });
    }

    /** 401 for a guest where only people may enter, 403 for a person the meeting is not for. */
    public Mono<Void> checkAccess(Meeting meeting, Optional<AccessToken> person) {
        return switch (meeting.access().admits(person)) {
            case ADMIT -> Mono.empty();
            case SIGN_IN_REQUIRED -> Mono.error(ApiProblem.signInRequired(
                    "This meeting is only for " + (meeting.access().mode() == MeetingAccess.Mode.ORG
                            ? "members of its organization" : "invited people") + ": sign in to join."));
            case NOT_INVITED -> Mono.error(ApiProblem.forbidden("not-invited",
                    "This meeting is only for " + (meeting.access().mode() == MeetingAccess.Mode.ORG
                            ? "members of its organization." : "the people its host invited.")));
        };
    }

    private void countJoin(Outcome outcome) {
        switch (outcome) {
            case OK -> metrics.joinAdmitted();
            case FULL, LOCKED, ENDED -> metrics.joinRejected(outcome.name().toLowerCase(java.util.Locale.ROOT));
            default -> {
            }
        }
    }

    /**
     * The host removes a participant, or a participant leaves. Their tokens are revoked first: should the removal
     * itself then fail, the participant is listed a little longer but can no longer act, never the reverse.
     */
    public Mono<Void> remove(String idOrSlug, String participantId, ServerHttpRequest request) {
        return access.tracked(Command.REMOVE,
                access.authorize(idOrSlug, request, Command.REMOVE, participantId).flatMap(allowed -> {
                    String meetingId = allowed.meeting().id();
                    String by = allowed.caller().participantId();
                    var event = new MeetingEvents.ParticipantRemoved(meetingId, participantId,
                            by.equals(participantId) ? "left" : "removed", by, clock.instant());
                    return revocations.revokeParticipant(meetingId, participantId)
                        .then(changes.apply(meetingId,
                                () -> store.remove(meetingId, participantId, EventType.PARTICIPANT_REMOVED, event)));
                })).then();
    }

    public Mono<Void> mute(String idOrSlug, String participantId, ServerHttpRequest request) {
        return access.tracked(Command.MUTE,
                access.authorize(idOrSlug, request, Command.MUTE, participantId).flatMap(allowed -> {
                    String meetingId = allowed.meeting().id();
                    var event = new MeetingEvents.ParticipantMuted(meetingId, participantId,
                            allowed.caller().participantId(), clock.instant());
                    return changes.apply(meetingId,
                            () -> store.mute(meetingId, participantId, EventType.PARTICIPANT_MUTED, event));
                })).then();
    }
}
