package io.parley.meeting.creation;

import java.net.URI;

import io.parley.meeting.meeting.JoinUrls;
import io.parley.meeting.meeting.MeetingApi;
import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.person.People;
import io.parley.meeting.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/meetings}: a new meeting, or, for a room name in use, the running
 * meeting joined.
 */
@RestController
class CreationController {

    private final MeetingCreation creation;

    private final People people;

    private final JoinUrls joinUrls;

    CreationController(MeetingCreation creation, People people, JoinUrls joinUrls) {
        this.creation = creation;
        this.people = people;
        this.joinUrls = joinUrls;
    }

    /**
     * 201 with the host's credentials; 200 when the named room existed and the caller
     * joined it.
     */
    @PostMapping(path = "/api/meetings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> create(@RequestBody Mono<CreateMeetingRequest> body, Caller caller) {
        return people.optionalPerson(caller)
            .flatMap(person -> creation.create(body, caller, person))
            .map(this::response);
    }

    private ResponseEntity<Object> response(Entry entry) {
        if (entry instanceof Entry.Founded founded) {
            return ResponseEntity.created(URI.create("/api/meetings/" + founded.meetingId()))
                .body(new MeetingApi.Created(founded.meetingId(), founded.slug(),
                        joinUrls.of(founded.meetingId(), founded.slug()), true, founded.host()));
        }
        Entry.JoinedRoom joined = (Entry.JoinedRoom) entry;
        return ResponseEntity.ok(new MeetingApi.JoinedRoom(joined.meeting().id(), joined.meeting().slug(),
                joinUrls.of(joined.meeting().id(), joined.meeting().slug()), false, joined.participant()));
    }

}
