package io.parley.meeting.creation;

import java.time.Duration;

import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.participant.Admissions;
import io.parley.support.problem.Problems;
import io.parley.tokens.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A create with a room name: join the live meeting it points at, or found one and claim
 * the name. The meeting is written before the claim, so the name never points at nothing;
 * a creator that loses the race discards its meeting (never announced: it is only put up
 * for publishing once claimed) and joins the winner's.
 */
@Component
class NamedRooms {

    /**
     * How often a create retries a room name whose meeting vanished or ended under it.
     */
    private static final int ROOM_ATTEMPTS = 3;

    private final MeetingStore store;

    private final NewMeetings meetings;

    private final Admissions admissions;

    NamedRooms(MeetingStore store, NewMeetings meetings, Admissions admissions) {
        this.store = store;
        this.meetings = meetings;
        this.admissions = admissions;
    }

    Mono<Entry> enter(MeetingSpec spec) {
        return enter(spec, 1);
    }

    private Mono<Entry> enter(MeetingSpec spec, int attempt) {
        return store.meetingIdForSlug(spec.slug())
            .flatMap(current -> store.find(current)
                .filter(meeting -> meeting.state().acceptsCommands())
                .flatMap(meeting -> join(meeting, spec))
                .switchIfEmpty(Mono.defer(() -> claim(spec, current, attempt))))
            .switchIfEmpty(Mono.defer(() -> claim(spec, null, attempt)));
    }

    /**
     * Only a meeting that actually gets the name counts as created; {@code stale}: the
     * ended meeting it had.
     */
    private Mono<Entry> claim(MeetingSpec spec, String stale, int attempt) {
        if (attempt > ROOM_ATTEMPTS) {
            return Mono.error(Problems.unavailable("The room name is busy; try again.", Duration.ofSeconds(1), null));
        }
        return meetings.draft(spec)
            .flatMap(draft -> store.claimSlug(spec.slug(), draft.meetingId(), stale)
                .flatMap(owner -> owner.equals(draft.meetingId()) ? meetings.announce(draft).cast(Entry.class)
                        : meetings.discard(draft).then(enter(spec, attempt + 1))));
    }

    private Mono<Entry> join(Meeting meeting, MeetingSpec spec) {
        return admissions.checkAccess(meeting, spec.person())
            .then(admissions.admit(meeting, spec.hostName(), Role.PARTICIPANT, spec.subject(), spec.kind()))
            .map(credentials -> new Entry.JoinedRoom(meeting, credentials));
    }

}
