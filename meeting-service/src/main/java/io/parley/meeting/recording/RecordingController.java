package io.parley.meeting.recording;

import io.parley.meeting.meeting.MeetingApi.RecordingView;
import io.parley.meeting.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/meetings/{id}/recording}: the host starts (POST) and stops (DELETE). */
@RestController
@RequestMapping(path = "/api/meetings/{id}/recording", produces = MediaType.APPLICATION_JSON_VALUE)
class RecordingController {

    private final Recordings recordings;

    RecordingController(Recordings recordings) {
        this.recordings = recordings;
    }

    /**
     * A body is not needed and its content ignored; it is read as text all the same, so
     * that one above the size limit gets 413 as everywhere else.
     */
    @PostMapping
    Mono<ResponseEntity<RecordingView>> start(@PathVariable String id,
            @RequestBody(required = false) Mono<String> ignored, Caller caller) {
        return ignored.then(recordings.start(id, caller))
            .map(started -> ResponseEntity.status(HttpStatus.CREATED).body(started));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> stop(@PathVariable String id, Caller caller) {
        return recordings.stop(id, caller).thenReturn(ResponseEntity.noContent().build());
    }

}
