package io.parley.meeting.meeting;

import java.time.Clock;
import java.time.Instant;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.MeetingApi.TimerView;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import io.parley.tokens.RevocationList;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The meeting-wide host controls: mute all, timer, lock, end. Each runs through
 * {@link HostAccess#run}.
 */
@Service
class HostCommands {

    private final MeetingStore store;

    private final MeetingChanges changes;

    private final HostAccess access;

    private final RevocationList revocations;

    private final TimerPresets presets;

    private final MeetingMetrics metrics;

    private final Clock clock;

    HostCommands(MeetingStore store, MeetingChanges changes, HostAccess access, RevocationList revocations,
            TimerPresets presets, MeetingMetrics metrics, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.access = access;
        this.revocations = revocations;
        this.presets = presets;
        this.metrics = metrics;
        this.clock = clock;
    }

    Mono<Void> muteAll(String idOrSlug, Caller caller) {
        return access.run(Command.MUTE_ALL, idOrSlug, caller, null, allowed -> {
            String meetingId = allowed.meeting().id();
            String by = allowed.caller().participantId();
            var event = new MeetingEvents.MutedAll(meetingId, by, clock.instant());
            return changes.apply(meetingId, () -> store.muteAll(meetingId, by, EventType.MUTED_ALL, event));
        }).then();
    }

    /**
     * An unknown preset is the host's mistake: 400 listing the valid ones, counted as
     * {@code invalid}.
     */
    Mono<TimerView> startTimer(String idOrSlug, String preset, Caller caller) {
        return access.run(Command.TIMER, idOrSlug, caller, null, allowed -> {
            int seconds = presets.seconds(preset)
                .orElseThrow(
                        () -> ApiProblem.invalid("preset", "Unknown timer preset; use one of: " + presets.ids() + "."));
            String meetingId = allowed.meeting().id();
            Instant now = clock.instant();
            Meeting.Timer timer = new Meeting.Timer(preset, seconds, now, now.plusSeconds(seconds));
            var event = new MeetingEvents.TimerStarted(meetingId, preset, seconds, timer.startedAt(), timer.endsAt(),
                    allowed.caller().participantId());
            return changes.apply(meetingId, () -> store.startTimer(meetingId, timer, EventType.TIMER_STARTED, event))
                .thenReturn(TimerView.of(timer, clock));
        });
    }

    Mono<Void> lock(String idOrSlug, Caller caller) {
        return access.run(Command.LOCK, idOrSlug, caller, null, allowed -> {
            String meetingId = allowed.meeting().id();
            var event = new MeetingEvents.Locked(meetingId, allowed.caller().participantId(), clock.instant());
            return changes.apply(meetingId, () -> store.lock(meetingId, EventType.MEETING_LOCKED, event));
        }).then();
    }

    /**
     * Ends the meeting for everyone. Every token of the meeting is revoked before the
     * state changes, so no moment exists in which the meeting is ended but its tokens
     * still work. The room name is freed for a new meeting.
     */
    Mono<Void> end(String idOrSlug, Caller caller) {
        return access.run(Command.END, idOrSlug, caller, null, allowed -> {
            Meeting meeting = allowed.meeting();
            Instant now = clock.instant();
            var event = new MeetingEvents.Ended(meeting.id(), allowed.caller().participantId(), now);
            return revocations.revokeMeeting(meeting.id())
                .then(changes.apply(meeting.id(), () -> store.end(meeting.id(), now, EventType.MEETING_ENDED, event)))
                .doOnNext(outcome -> {
                    metrics.meetingEnded();
                    if (outcome == MeetingStore.Outcome.STOPPED_RECORDING) {
                        metrics.recordingStopped("meeting-ended");
                    }
                })
                .then(meeting.slug() == null ? Mono.empty() : store.releaseSlug(meeting.slug(), meeting.id()));
        }).then();
    }

}
