package io.parley.meeting.meeting;

import java.net.URI;

import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.meeting.MeetingApi.MeetingView;
import io.parley.meeting.meeting.MeetingApi.TimerRequest;
import io.parley.meeting.meeting.MeetingApi.TimerView;
import io.parley.meeting.person.People;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/meetings}: create, read, and the meeting-wide host controls. */
@RestController
@RequestMapping(path = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
class MeetingController {

    private final MeetingService meetings;
    private final People people;

    MeetingController(MeetingService meetings, People people) {
        this.meetings = meetings;
        this.people = people;
    }

    /** 201 with the host's credentials; 200 when the named room existed and the caller joined it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> create(@RequestBody Mono<CreateMeetingRequest> body, ServerHttpRequest request) {
        return people.optionalPerson(request).flatMap(person -> meetings.create(body, request, person)).map(result -> result.created() != null
                ? ResponseEntity.created(URI.create("/api/meetings/" + result.created().meetingId()))
                    .body(result.created())
                : ResponseEntity.ok(result.joined()));
    }

    @GetMapping("/{id}")
    Mono<MeetingView> get(@PathVariable String id) {
        return meetings.get(id);
    }

    @PostMapping("/{id}/mute-all")
    Mono<ResponseEntity<Void>> muteAll(@PathVariable String id, ServerHttpRequest request) {
        return meetings.muteAll(id, request).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/{id}/timer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TimerView> timer(@PathVariable String id, @RequestBody TimerRequest body, ServerHttpRequest request) {
        return meetings.startTimer(id, body, request);
    }

    @PostMapping("/{id}/lock")
    Mono<ResponseEntity<Void>> lock(@PathVariable String id, ServerHttpRequest request) {
        return meetings.lock(id, request).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/end")
    Mono<ResponseEntity<Void>> end(@PathVariable String id, ServerHttpRequest request) {
        return meetings.end(id, request).thenReturn(ResponseEntity.noContent().build());
    }
}
