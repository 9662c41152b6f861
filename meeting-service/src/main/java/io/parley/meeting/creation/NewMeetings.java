package io.parley.meeting.creation;

import java.time.Clock;
import java.time.Instant;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.MeetingApi.Credentials;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.meeting.MeetingStore.StoredParticipant;
import io.parley.meeting.token.TokenIssuer;
import io.parley.tokens.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Founds meetings: counts each against its creator's cap (429 before anything is stored),
 * stores it with its host and the {@code created} event in one script, announces it, and
 * signs the host's token.
 */
@Component
class NewMeetings {

    private final MeetingStore store;

    private final MeetingChanges changes;

    private final CreationQuota quota;

    private final TokenIssuer tokens;

    private final MeetingMetrics metrics;

    private final MeetingIds ids;

    private final Clock clock;

    NewMeetings(MeetingStore store, MeetingChanges changes, CreationQuota quota, TokenIssuer tokens,
            MeetingMetrics metrics, MeetingIds ids, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.quota = quota;
        this.tokens = tokens;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
    }

    /** A stored meeting not yet announced, and its host's participant id. */
    record Draft(String meetingId, String hostId, MeetingSpec spec) {
    }

    /** A meeting without a room name: counted, stored, announced. */
    Mono<Entry.Founded> create(MeetingSpec spec) {
        return quota.charge(spec.creator()).then(Mono.defer(() -> {
            Draft draft = new Draft(ids.newMeetingId(), ids.newParticipantId(), spec);
            return changes.apply(draft.meetingId(), () -> write(draft)).map(ok -> founded(draft));
        }));
    }

    /**
     * A meeting for a room name: counted and stored, but announced only once the name
     * points at it ({@link #announce}); until then nobody can find it.
     */
    Mono<Draft> draft(MeetingSpec spec) {
        return quota.charge(spec.creator()).then(Mono.defer(() -> {
            Draft draft = new Draft(ids.newMeetingId(), ids.newParticipantId(), spec);
            return write(draft).flatMap(
                    outcome -> outcome == Outcome.OK ? Mono.just(draft) : Mono.error(MeetingChanges.refusal(outcome)));
        }));
    }

    Mono<Entry.Founded> announce(Draft draft) {
        return changes.announce(draft.meetingId()).then(Mono.fromSupplier(() -> founded(draft)));
    }

    /**
     * A draft whose room name another caller claimed first: deleted, and given back to
     * its creator's cap.
     */
    Mono<Void> discard(Draft draft) {
        return store.discard(draft.meetingId()).then(quota.refund(draft.spec().creator()));
    }

    private Mono<Outcome> write(Draft draft) {
        MeetingSpec spec = draft.spec();
        Instant now = clock.instant();
        StoredParticipant host = new StoredParticipant(draft.hostId(), spec.hostName(), Role.HOST.claim(),
                spec.subject(), now);
        var event = new MeetingEvents.Created(draft.meetingId(), spec.slug(), spec.title(), spec.maxParticipants(),
                new MeetingEvents.ParticipantData(draft.hostId(), spec.hostName(), Role.HOST.claim(), spec.subject()),
                now, spec.access().orgId(), spec.media().value());
        return store.create(draft.meetingId(), spec.slug(), spec.title(), spec.maxParticipants(), spec.media(), now,
                spec.access(), host, EventType.MEETING_CREATED, event);
    }

    private Entry.Founded founded(Draft draft) {
        metrics.meetingCreated();
        MeetingSpec spec = draft.spec();
        TokenIssuer.Issued issued = tokens.issue(spec.subject(), draft.meetingId(), draft.hostId(), spec.hostName(),
                Role.HOST, spec.kind());
        return new Entry.Founded(draft.meetingId(), spec.slug(),
                new Credentials(draft.hostId(), Role.HOST.claim(), issued.token(), issued.expiresAt()));
    }

}
