package io.parley.recording.web;

import java.util.List;

import io.parley.recording.RecordingMetrics;
import io.parley.recording.access.RecordingReaders;
import io.parley.recording.catalog.Recording;
import io.parley.recording.catalog.RecordingState;
import io.parley.recording.catalog.Recordings;
import io.parley.recording.storage.RecordingStorage;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recordings over HTTP. The caller is checked first (401), the id's form next (400), then
 * the recording is looked up (404) and the caller's right to it checked (403). The file
 * is served with range requests (206), so a {@code <video>} element can seek
 * ({@link RecordingFiles}).
 */
@RestController
class RecordingController {

    private static final int MY_RECORDINGS_LIMIT = 500;

    private final RecordingReaders readers;

    private final Recordings recordings;

    private final RecordingStorage storage;

    private final RecordingMetrics metrics;

    RecordingController(RecordingReaders readers, Recordings recordings, RecordingStorage storage,
            RecordingMetrics metrics) {
        this.readers = readers;
        this.recordings = recordings;
        this.storage = storage;
        this.metrics = metrics;
    }

    /**
     * A meeting's recordings that the caller may read: all of them for its host's join
     * token; for an account, those it may read (404 when the meeting has none, 403 when
     * none of them is the caller's).
     */
    @GetMapping("/api/meetings/{meetingId}/recordings")
    Mono<List<RecordingView>> ofMeeting(@PathVariable String meetingId, ServerHttpRequest request) {
        return readers.caller(request).flatMap(caller -> {
            if (!Recording.isMeetingId(meetingId)) {
                return Mono.error(RecordingProblems.badRequest("Not a meeting id."));
            }
            if (caller.participant() != null && !caller.hosts(meetingId)) {
                return Mono.error(RecordingProblems.forbidden());
            }
            return recordings.ofMeeting(meetingId).collectList().flatMap(all -> {
                if (caller.participant() != null) {
                    return Mono.just(all.stream().map(RecordingView::of).toList());
                }
                if (all.isEmpty()) {
                    return Mono.error(RecordingProblems.notFound("The meeting has no recordings."));
                }
                List<RecordingView> mine = all.stream().filter(caller::mayRead).map(RecordingView::of).toList();
                return mine.isEmpty() ? Mono.error(RecordingProblems.forbidden()) : Mono.just(mine);
            });
        });
    }

    @GetMapping("/api/recordings/{recordingId}")
    Mono<RecordingView> one(@PathVariable String recordingId, ServerHttpRequest request) {
        return readable(recordingId, request).map(RecordingView::of);
    }

    @GetMapping("/api/recordings/{recordingId}/file")
    Mono<Void> file(@PathVariable String recordingId, ServerHttpRequest request, ServerHttpResponse response) {
        return readable(recordingId, request).flatMap(recording -> {
            if (recording.state() != RecordingState.READY) {
                return Mono.error(RecordingProblems.notReady(recording.state().value()));
            }
            return storage.composed(recordingId)
                .switchIfEmpty(Mono.error(() -> RecordingProblems.notFound("The recording's file is gone.")))
                .flatMap(file -> RecordingFiles.write(recordingId, file, request, response));
        });
    }

    @DeleteMapping("/api/recordings/{recordingId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String recordingId, ServerHttpRequest request) {
        return readable(recordingId, request)
            .flatMap(recording -> Mono.fromRunnable(() -> storage.delete(recordingId))
                .subscribeOn(Schedulers.boundedElastic())
                .then(recordings.delete(recordingId)))
            .doOnNext(deleted -> metrics.deletedByRequest())
            .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The signed-in person's recordings: those they hosted and those of the organizations
     * they own or administer, newest first.
     */
    @GetMapping("/api/me/recordings")
    Mono<List<RecordingView>> mine(ServerHttpRequest request) {
        return readers.account(request)
            .flatMap(caller -> recordings
                .readableBy(caller.account().accountId(), caller.adminOrgs(), MY_RECORDINGS_LIMIT)
                .map(RecordingView::of)
                .collectList());
    }

    private Mono<Recording> readable(String recordingId, ServerHttpRequest request) {
        return readers.caller(request).flatMap(caller -> {
            if (!Recording.isRecordingId(recordingId)) {
                return Mono.error(RecordingProblems.badRequest("Not a recording id."));
            }
            return recordings.find(recordingId)
                .switchIfEmpty(Mono.error(() -> RecordingProblems.notFound("No such recording.")))
                .filter(caller::mayRead)
                .switchIfEmpty(Mono.error(RecordingProblems::forbidden));
        });
    }

}
