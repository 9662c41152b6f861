package io.parley.signaling.user;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import io.parley.tokens.JoinToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person is in a call while a meeting socket of theirs lives, whichever meeting it is:
 * the meeting sockets of people (join tokens whose {@code sub} is an account id, as
 * meeting-service issues them to a signed-in person) enter the person's presence when
 * they join, stay in it with every heartbeat of their instance and leave it when they
 * close. Guests and integrations' users have no contacts and are left out.
 */
@Component
public class CallPresence {

    private static final Logger log = LoggerFactory.getLogger(CallPresence.class);

    /**
     * Scripts in flight at once while refreshing: one round trip each, none waits on
     * another.
     */
    private static final int CONCURRENCY = 16;

    private final UserPresence presence;

    private final UserChannels channels;

    private final Clock clock;

    CallPresence(UserPresence presence, UserChannels channels, Clock clock) {
        this.presence = presence;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * The account behind a meeting socket: its token's subject when that is an account id
     * (a UUID in its canonical form), none for guests ({@code guest:…}) and for user ids
     * an integration chose.
     */
    static Optional<String> accountOf(JoinToken token) {
        String subject = token.subject();
        if (subject == null || subject.length() != 36) {
            return Optional.empty();
        }
        try {
            return UUID.fromString(subject).toString().equals(subject) ? Optional.of(subject) : Optional.empty();
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /**
     * One entry per participant, not per socket or instance, so a participant whose
     * socket was replaced on another instance is still one entry.
     */
    static String member(JoinToken token) {
        return "m:" + token.meetingId() + ":" + token.participantId();
    }

    /** A meeting socket joined its meeting. */
    public void entered(JoinToken token) {
        accountOf(token).ifPresent(accountId -> presence.inCall(accountId, member(token), clock.millis())
            .flatMap(state -> channels.announce(accountId, state))
            .subscribe(null, error -> log.warn("Cannot put {} in a call: {}", accountId, error.toString())));
    }

    /** A meeting socket left its meeting for good (not replaced by a newer one). */
    public void left(JoinToken token) {
        accountOf(token).ifPresent(accountId -> presence.leftCall(accountId, member(token), clock.millis())
            .flatMap(state -> channels.announce(accountId, state))
            .subscribe(null, error -> log.warn("Cannot take {} out of a call: {}", accountId, error.toString())));
    }

    /**
     * Pushes the deadline of every meeting socket this instance holds forward, announcing
     * the people whose entry had passed its deadline meanwhile.
     */
    Mono<Void> stay(Collection<JoinToken> tokens, long nowMillis) {
        return Flux.fromIterable(tokens)
            .flatMap(token -> Mono.justOrEmpty(accountOf(token))
                .flatMap(accountId -> presence.inCall(accountId, member(token), nowMillis)
                    .flatMap(state -> channels.announce(accountId, state))), CONCURRENCY)
            .then();
    }

}
