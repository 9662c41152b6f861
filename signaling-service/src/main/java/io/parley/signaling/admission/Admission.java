package io.parley.signaling.admission;

import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevokedTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides whether a new meeting socket may open, in order: a valid, unrevoked join token;
 * a meeting that exists and has not ended; a stream lease within the person's limit.
 * Anything that could not be checked refuses with 4503, so the client retries rather than
 * joining unchecked.
 */
@Component
public class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final JoinTokenVerifier verifier;

    private final MeetingDirectory meetings;

    private final StreamLeases leases;

    Admission(JoinTokenVerifier verifier, MeetingDirectory meetings, StreamLeases leases) {
        this.verifier = verifier;
        this.meetings = meetings;
        this.leases = leases;
    }

    public Mono<AdmissionOutcome> admit(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return Mono.just(new AdmissionOutcome.Refused(CloseCode.BAD_TOKEN));
        }
        return verifier.verify(rawToken)
            .flatMap(token -> inMeeting(token, rawToken))
            .onErrorResume(RevokedTokenException.class,
                    revoked -> Mono.just(AdmissionOutcome.revoked(revoked.revocation())))
            .onErrorResume(InvalidTokenException.class,
                    invalid -> Mono.just(new AdmissionOutcome.Refused(CloseCode.BAD_TOKEN)))
            .onErrorResume(error -> {
                log.warn("Cannot admit a signaling socket right now: {}", error.toString());
                return Mono.just(new AdmissionOutcome.Refused(CloseCode.TRY_AGAIN_LATER));
            });
    }

    private Mono<AdmissionOutcome> inMeeting(JoinToken token, String rawToken) {
        return meetings.find(token.meetingId(), rawToken).flatMap(lookup -> {
            if (!lookup.exists()) {
                return Mono.just(new AdmissionOutcome.Refused(CloseCode.NO_SUCH_MEETING));
            }
            if (lookup.ended()) {
                return Mono.just(new AdmissionOutcome.Refused(CloseCode.MEETING_ENDED));
            }
            return leases.acquire(token, rawToken).map(outcome -> switch (outcome) {
                case LIMIT_REACHED -> new AdmissionOutcome.Refused(CloseCode.STREAM_LIMIT);
                case UNAVAILABLE -> new AdmissionOutcome.Refused(CloseCode.TRY_AGAIN_LATER);
                case ADMITTED, DISABLED -> new AdmissionOutcome.Admitted(token, rawToken, lookup.snapshot());
            });
        });
    }

}
