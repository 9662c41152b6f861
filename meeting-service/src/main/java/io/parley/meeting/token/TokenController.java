package io.parley.meeting.token;

import io.parley.meeting.meeting.MeetingApi.Joined;
import io.parley.meeting.meeting.MeetingLookup;
import io.parley.meeting.participant.Admissions;
import io.parley.meeting.web.Caller;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/tokens}: an integration (API key) adds one of its own users to a
 * meeting and gets the join token for them, with the user id as {@code sub} and the role
 * it chooses. The same admission rules as a guest join apply (open, not full).
 */
@RestController
class TokenController {

    private final ApiKeys apiKeys;

    private final MeetingLookup lookup;

    private final Admissions admissions;

    TokenController(ApiKeys apiKeys, MeetingLookup lookup, Admissions admissions) {
        this.apiKeys = apiKeys;
        this.lookup = lookup;
        this.admissions = admissions;
    }

    record MintRequest(String meetingId, String userId, String name, String role) {
    }

    @PostMapping(path = "/api/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Joined> mint(@RequestBody Mono<MintRequest> body, Caller caller) {
        // the key is checked before the body is read: a caller without one learns nothing
        // about the input rules
        apiKeys.requireIntegration(caller);
        return body.flatMap(this::mint);
    }

    private Mono<Joined> mint(MintRequest body) {
        Inputs inputs = new Inputs();
        String meetingId = inputs.requiredText("meetingId", body.meetingId(), 64);
        String userId = inputs.userId("userId", body.userId(), true);
        String name = inputs.name("name", body.name());
        Role role = Role.fromClaim(body.role()).orElse(null);
        if (role == null) {
            inputs.fail("role", "role must be \"host\" or \"participant\".");
        }
        inputs.validate();
        return lookup.resolve(meetingId)
            .flatMap(meeting -> admissions.admit(meeting, name, role, userId, "api-key")
                .map(credentials -> Joined.of(meeting.id(), credentials)));
    }

}
