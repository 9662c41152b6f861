package io.parley.meeting.meeting;

import io.parley.meeting.meeting.MeetingApi.MeetingView;
import io.parley.meeting.meeting.MeetingApi.TimerRequest;
import io.parley.meeting.meeting.MeetingApi.TimerView;
import io.parley.meeting.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/meetings/{id}}: read a meeting, and the meeting-wide host controls.
 * Creating is {@code creation}'s.
 */
@RestController
@RequestMapping(path = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
class MeetingController {

    private final MeetingViews views;

    private final HostCommands commands;

    MeetingController(MeetingViews views, HostCommands commands) {
        this.views = views;
        this.commands = commands;
    }

    @GetMapping("/{id}")
    Mono<MeetingView> get(@PathVariable String id) {
        return views.get(id);
    }

    @PostMapping("/{id}/mute-all")
    Mono<ResponseEntity<Void>> muteAll(@PathVariable String id, Caller caller) {
        return commands.muteAll(id, caller).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/{id}/timer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TimerView> timer(@PathVariable String id, @RequestBody TimerRequest body, Caller caller) {
        return commands.startTimer(id, body.preset(), caller);
    }

    @PostMapping("/{id}/lock")
    Mono<ResponseEntity<Void>> lock(@PathVariable String id, Caller caller) {
        return commands.lock(id, caller).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/end")
    Mono<ResponseEntity<Void>> end(@PathVariable String id, Caller caller) {
        return commands.end(id, caller).thenReturn(ResponseEntity.noContent().build());
    }

}
