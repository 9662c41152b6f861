package io.parley.meeting.participant;

import java.net.URI;

import io.parley.meeting.meeting.MeetingApi.Joined;
import io.parley.meeting.meeting.MeetingLookup;
import io.parley.meeting.person.People;
import io.parley.meeting.token.TokenIssuer;
import io.parley.meeting.web.Caller;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.Role;
import io.parley.tokens.access.AccessToken;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/meetings/{id}/participants}: join as a guest, leave or be removed, be
 * muted.
 */
@RestController
@RequestMapping(path = "/api/meetings/{id}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantController {

    private final Admissions admissions;

    private final ParticipantCommands commands;

    private final MeetingLookup lookup;

    private final People people;

    ParticipantController(Admissions admissions, ParticipantCommands commands, MeetingLookup lookup, People people) {
        this.admissions = admissions;
        this.commands = commands;
        this.lookup = lookup;
        this.people = people;
    }

    record JoinRequest(String name) {
    }

    /**
     * The meeting id (or room name) is the invitation: anyone holding it may join while
     * the meeting is open, unless the meeting is for an organization or for invited
     * accounts. A signed-in person joins as their account.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Joined>> join(@PathVariable String id, @RequestBody JoinRequest body, Caller caller) {
        return people.optionalPerson(caller).flatMap(person -> {
            Inputs inputs = new Inputs();
            String name = person.isPresent() ? person.get().name() : inputs.name("name", body.name());
            inputs.validate();
            String subject = person.map(AccessToken::accountId).orElseGet(TokenIssuer::guestSubject);
            return lookup.resolve(id)
                .flatMap(meeting -> admissions.checkAccess(meeting, person)
                    .then(admissions.admit(meeting, name, Role.PARTICIPANT, subject,
                            person.isPresent() ? "account" : "guest"))
                    .map(credentials -> Joined.of(meeting.id(), credentials)));
        })
            .map(joined -> ResponseEntity
                .created(URI.create("/api/meetings/" + joined.meetingId() + "/participants/" + joined.participantId()))
                .body(joined));
    }

    /** The host removes a participant, or a participant removes themself (leaves). */
    @DeleteMapping("/{participantId}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id, @PathVariable String participantId, Caller caller) {
        return commands.remove(id, participantId, caller).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{participantId}/mute")
    Mono<ResponseEntity<Void>> mute(@PathVariable String id, @PathVariable String participantId, Caller caller) {
        return commands.mute(id, participantId, caller).thenReturn(ResponseEntity.noContent().build());
    }

}
