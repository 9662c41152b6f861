package io.parley.people.call;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.parley.people.session.Caller;
import io.parley.people.web.PeopleProblem;
import io.parley.tokens.BearerTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Calls between contacts (PEOPLE.md §3, §5). */
@RestController
class CallController {

    private final Calls calls;

    CallController(Calls calls) {
        this.calls = calls;
    }

    /**
     * {@code state} is {@code ringing} while the callee's devices ring, {@code answered}
     * when this call joined the contact's call to me instead; {@code token} is the join
     * token for {@code meetingId}.
     */
    record CallStarted(UUID callId, String meetingId, String token, String state, Instant expiresAt) {
    }

    record Answered(String meetingId, String token) {
    }

    /**
     * 201 with a new ringing call; 200 when the contact was calling me at that moment and
     * this joined their call; 409 {@code busy} when they are in another call (stored as a
     * busy call, with its history entry).
     */
    @PostMapping("/api/contacts/{contactId}/calls")
    Mono<ResponseEntity<CallStarted>> start(Caller caller, @PathVariable String contactId, ServerHttpRequest request) {
        UUID contact;
        try {
            contact = UUID.fromString(contactId);
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.forbidden("not-contact", "You can only write to and call your contacts.");
        }
        return calls.start(caller.accountId(), contact, accessToken(request)).map(started -> {
            CallStore.Call call = started.call();
            if (call.state() == CallState.BUSY) {
                throw PeopleProblem.conflict("busy", "Your contact is in another call.");
            }
            CallStarted body = new CallStarted(call.id(), call.meetingId(), started.token(), call.state().value(),
                    call.ringExpiresAt());
            return call.callerId().equals(caller.accountId())
                    ? ResponseEntity.created(URI.create("/api/calls/" + call.id())).body(body)
                    : ResponseEntity.ok(body);
        });
    }

    @GetMapping("/api/calls")
    Mono<Calls.RingingList> ringing(Caller caller, @RequestParam(required = false) String state) {
        if (!"ringing".equals(state)) {
            throw PeopleProblem.invalid("state", "state must be ringing: the calls ringing for you now.");
        }
        return calls.ringing(caller.accountId());
    }

    @PostMapping("/api/calls/{callId}/answer")
    Mono<Answered> answer(Caller caller, @PathVariable String callId, ServerHttpRequest request) {
        return calls.answer(caller.accountId(), callId(callId), accessToken(request))
            .map(answer -> new Answered(answer.meetingId(), answer.token()));
    }

    @PostMapping("/api/calls/{callId}/decline")
    Mono<ResponseEntity<Void>> decline(Caller caller, @PathVariable String callId) {
        return calls.decline(caller.accountId(), callId(callId)).thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/api/calls/{callId}")
    Mono<ResponseEntity<Void>> hangUp(Caller caller, @PathVariable String callId) {
        return calls.hangUp(caller.accountId(), callId(callId)).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The caller's own token goes on to meeting-service, which admits people by it (the
     * {@link Caller} checked it).
     */
    private static String accessToken(ServerHttpRequest request) {
        return BearerTokens.resolve(request)
            .orElseThrow(() -> PeopleProblem.unauthorized("Sign in first: an access token is required."));
    }

    private static UUID callId(String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.notFound("No such call of yours.");
        }
    }

}
