package io.parley.meeting.participant;

import java.time.Clock;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.HostAccess;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.web.Caller;
import io.parley.tokens.RevocationList;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The host controls on one participant: remove (or leave, on oneself) and mute. */
@Service
class ParticipantCommands {

    private final MeetingStore store;

    private final MeetingChanges changes;

    private final HostAccess access;

    private final RevocationList revocations;

    private final MeetingMetrics metrics;

    private final Clock clock;

    ParticipantCommands(MeetingStore store, MeetingChanges changes, HostAccess access, RevocationList revocations,
            MeetingMetrics metrics, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.access = access;
        this.revocations = revocations;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The host removes a participant, or a participant leaves. Their tokens are revoked
     * first: should the removal itself then fail, the participant is listed a little
     * longer but can no longer act, never the reverse. The host who started the recording
     * leaving stops it.
     */
    Mono<Void> remove(String idOrSlug, String participantId, Caller caller) {
        return access.run(Command.REMOVE, idOrSlug, caller, participantId, allowed -> {
            String meetingId = allowed.meeting().id();
            String by = allowed.caller().participantId();
            var event = new MeetingEvents.ParticipantRemoved(meetingId, participantId,
                    by.equals(participantId) ? "left" : "removed", by, clock.instant());
            return revocations.revokeParticipant(meetingId, participantId)
                .then(changes.apply(meetingId,
                        () -> store.remove(meetingId, participantId, EventType.PARTICIPANT_REMOVED, event)))
                .doOnNext(outcome -> {
                    if (outcome == Outcome.STOPPED_RECORDING) {
                        metrics.recordingStopped("host-left");
                    }
                });
        }).then();
    }

    Mono<Void> mute(String idOrSlug, String participantId, Caller caller) {
        return access.run(Command.MUTE, idOrSlug, caller, participantId, allowed -> {
            String meetingId = allowed.meeting().id();
            var event = new MeetingEvents.ParticipantMuted(meetingId, participantId, allowed.caller().participantId(),
                    clock.instant());
            return changes.apply(meetingId,
                    () -> store.mute(meetingId, participantId, EventType.PARTICIPANT_MUTED, event));
        }).then();
    }

}
