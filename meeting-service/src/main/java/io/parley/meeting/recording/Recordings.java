package io.parley.meeting.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.meeting.HostAccess;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingApi.RecordingView;
import io.parley.meeting.meeting.MeetingChanges;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import io.parley.support.problem.Problems;
import io.parley.support.problem.UnavailableException;
import io.parley.tokens.JoinToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Starting and stopping a meeting's recording: by a host (through {@link HostAccess}),
 * and at the maximum length ({@link RecordingDeadlines}). Ending the meeting and the host
 * leaving stop it inside those changes' own scripts.
 */
@Service
class Recordings {

    private static final Duration NO_MEDIA_SERVER_RETRY = Duration.ofSeconds(15);

    private final RecordingStore store;

    private final MeetingChanges changes;

    private final HostAccess access;

    private final MeetingIds ids;

    private final MeetingMetrics metrics;

    private final MeetingProperties.Recording settings;

    private final Clock clock;

    Recordings(RecordingStore store, MeetingChanges changes, HostAccess access, MeetingIds ids, MeetingMetrics metrics,
            MeetingProperties properties, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.access = access;
        this.ids = ids;
        this.metrics = metrics;
        this.settings = properties.recording();
        this.clock = clock;
    }

    /**
     * Its deadline is stored before the recording, so no recording is ever without one; a
     * refused start takes its entry back.
     */
    Mono<RecordingView> start(String idOrSlug, Caller caller) {
        return access.run(Command.RECORDING_START, idOrSlug, caller, null, allowed -> {
            Meeting meeting = allowed.meeting();
            JoinToken host = allowed.caller();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int maxSeconds = (int) settings.maxLength().toSeconds();
            var recording = new Meeting.Recording(ids.newRecordingId(), now, maxSeconds, host.participantId());
            var event = new MeetingEvents.RecordingStarted(meeting.id(), recording.id(), now, host.participantId(),
                    host.participantId(), RecordingOwner.accountOf(meeting, host), meeting.access().orgId(),
                    maxSeconds);
            var entry = new DeadlineEntry(meeting.id(), recording.id());
            return store.mediaServerAvailable()
                .flatMap(available -> available ? store.addDeadline(entry, now.plus(settings.maxLength()))
                        : Mono.error(noMediaServer()))
                .then(changes.apply(meeting.id(), () -> store.start(meeting.id(), recording, event),
                        Recordings::refusal))
                .onErrorResume(ApiProblem.class,
                        refused -> store.removeDeadline(entry.member()).then(Mono.error(refused)))
                .doOnNext(started -> metrics.recordingStarted())
                .thenReturn(RecordingView.of(recording));
        });
    }

    /**
     * Janus captures a recording; accepting one that nothing would capture would promise
     * a file that never comes.
     */
    private static UnavailableException noMediaServer() {
        return Problems.unavailable(
                "Recording needs the media server (Janus), and none answers now: "
                        + "either this deployment runs without one (meetings stay peer-to-peer) or it is down.",
                NO_MEDIA_SERVER_RETRY, null);
    }

    /** Any host may stop the recording, not only the one who started it. */
    Mono<Void> stop(String idOrSlug, Caller caller) {
        return access.run(Command.RECORDING_STOP, idOrSlug, caller, null, allowed -> {
            Meeting meeting = allowed.meeting();
            return changes
                .apply(meeting.id(), () -> store.stop(meeting.id(), clock.instant(), "host", null), Recordings::refusal)
                .doOnNext(stopped -> metrics.recordingStopped("host"))
                // the recording it saw is stopped now, whichever ran at the script
                .then(meeting.recording() == null ? Mono.empty()
                        : store.removeDeadline(new DeadlineEntry(meeting.id(), meeting.recording().id()).member()));
        }).then();
    }

    /**
     * Stops the recording an entry names, if it still runs; of several instances doing
     * this at once, one emits the event. The entry goes either way.
     */
    Mono<Void> stopAtDeadline(DeadlineEntry entry) {
        return changes
            .apply(entry.meetingId(),
                    () -> store.stop(entry.meetingId(), clock.instant(), "max-length", entry.recordingId())
                        .map(outcome -> outcome == Outcome.OK ? outcome : Outcome.UNCHANGED))
            .doOnNext(outcome -> {
                if (outcome == Outcome.OK) {
                    metrics.recordingStopped("max-length");
                }
            })
            .then(store.removeDeadline(entry.member()));
    }

    private static ApiProblem refusal(Outcome outcome) {
        return switch (outcome) {
            case RECORDING -> ApiProblem.conflict("recording", "A recording of this meeting is already under way.");
            case NOT_RECORDING -> ApiProblem.conflict("not-recording", "No recording of this meeting is under way.");
            default -> MeetingChanges.refusal(outcome);
        };
    }

}
