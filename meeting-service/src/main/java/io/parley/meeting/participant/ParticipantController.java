package io.parley.meeting.participant;

import java.net.URI;

import io.parley.meeting.meeting.MeetingApi.Joined;
import io.parley.meeting.meeting.MeetingLookup;
import io.parley.meeting.token.TokenIssuer;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/meetings/{id}/participants}: join as a guest, leave or be removed, be muted. */
@RestController
@RequestMapping(path = "/api/meetings/{id}/participants", produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantController {

    private final ParticipantService participants;
    private final MeetingLookup lookup;

    ParticipantController(ParticipantService participants, MeetingLookup lookup) {
        this.participants = participants;
        this.lookup = lookup;
    }

    record JoinRequest(String name) {
    }

    /** The meeting id (or room name) is the invitation: anyone holding it may join while the meeting is open. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Joined>> join(@PathVariable String id, @RequestBody JoinRequest body) {
        Inputs inputs = new Inputs();
        String name = inputs.name("name", body.name());
        inputs.validate();
        return lookup.resolve(id)
            .flatMap(meeting -> participants
                .admit(meeting, name, Role.PARTICIPANT, TokenIssuer.guestSubject(), "guest")
                .map(credentials -> Joined.of(meeting.id(), credentials)))
            .map(joined -> ResponseEntity.created(URI.create("/api/meetings/" + joined.meetingId() + "/participants/"
                    + joined.participantId())).body(joined));
    }

    /** The host removes a participant, or a participant removes themself (leaves). */
    @DeleteMapping("/{participantId}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id, @PathVariable String participantId,
            ServerHttpRequest request) {
        return participants.remove(id, participantId, request).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{participantId}/mute")
    Mono<ResponseEntity<Void>> mute(@PathVariable String id, @PathVariable String participantId,
            ServerHttpRequest request) {
        return participants.mute(id, participantId, request).thenReturn(ResponseEntity.noContent().build());
    }
}
