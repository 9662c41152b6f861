package io.parley.people.call;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.call.CallStore.Call;
import io.parley.people.contact.ContactEnding;
import io.parley.people.event.Outbox;
import io.parley.people.message.Conversations;
import io.parley.people.message.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What each change of a call leaves behind, in the transaction of the change: the events
 * for the two people's devices and, when a call ends, its one entry in their
 * conversation.
 */
@Component
class CallRecords implements ContactEnding {

    private final CallStore store;

    private final Conversations conversations;

    private final Outbox outbox;

    private final Clock clock;

    CallRecords(CallStore store, Conversations conversations, Outbox outbox, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every device of the callee rings. */
    Mono<Void> ringing(Call call) {
        return store.party(call.callerId())
            .flatMap(from -> outbox.appendFor(call.calleeId(), EventType.CALL_RINGING,
                    Map.of("callId", call.id(), "contactId", call.contactId(), "meetingId", call.meetingId(), "from",
                            from, "expiresAt", call.ringExpiresAt())));
    }

    /**
     * The callee's devices stop ringing, reason {@code answered} (the one that answered
     * ignores it). The caller hears nothing: they see the callee join the meeting.
     */
    Mono<Void> answered(Call call) {
        return callEnded(call.calleeId(), call, CallState.ANSWERED);
    }

    /**
     * A call that ended: its entry in both people's history, and {@code call-ended} to
     * both.
     */
    Mono<Void> ended(Call call) {
        Message.CallEntry entry = new Message.CallEntry(call.id(), call.state().value(),
                CallRules.durationSeconds(call.answeredAt(), call.endedAt()), call.callerId());
        return conversations.appendCall(call.contactId(), call.callerId(), entry, CallRules.knownToCallee(call.state()))
            .then(callEnded(call.calleeId(), call, call.state()))
            .then(callEnded(call.callerId(), call, call.state()));
    }

    /**
     * A contact that ends (removed or blocked) takes its calls along: a ringing one stops
     * as cancelled, a running one as hung up. No history entry: the history goes with the
     * contact.
     */
    @Override
    public Mono<Void> contactEnding(UUID contactId) {
        return store.activeOf(contactId).concatMap(call -> {
            CallRules.Transition stop = CallRules.stop(call.state(), CallRules.Party.CALLER).orElseThrow();
            return store.transition(call.id(), stop, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .flatMap(stopped -> callEnded(stopped.calleeId(), stopped, stopped.state())
                    .then(callEnded(stopped.callerId(), stopped, stopped.state())));
        }).then();
    }

    private Mono<Void> callEnded(UUID recipient, Call call, CallState state) {
        return outbox.appendFor(recipient, EventType.CALL_ENDED,
                Map.of("callId", call.id(), "contactId", call.contactId(), "reason", CallRules.reason(state)));
    }

}
