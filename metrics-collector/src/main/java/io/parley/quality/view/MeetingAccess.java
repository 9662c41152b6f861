package io.parley.quality.view;

import io.parley.quality.ForbiddenException;
import io.parley.quality.QualityProperties;
import io.parley.support.problem.Problems;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.dao.DataAccessException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may read a meeting's quality: anyone holding a valid join token of that meeting, host or participant, as
 * bearer header or {@code access_token} parameter. Participants see each other's call quality, as they see each
 * other in the call. Checked before the meeting is looked up, so a stranger cannot learn which meetings exist.
 */
@Component
class MeetingAccess {

    private final JoinTokenVerifier verifier;

    MeetingAccess(JoinTokenVerifier verifier) {
        this.verifier = verifier;
    }

    Mono<JoinToken> requireReader(ServerHttpRequest request, String meetingId) {
        return verifier.verify(request)
            .onErrorMap(DataAccessException.class,
                    error -> Problems.unavailable("Tokens cannot be checked right now.",
                            QualityProperties.RETRY_AFTER_UNAVAILABLE, error))
            .filter(token -> token.meetingId().equals(meetingId))
            .switchIfEmpty(Mono.error(() -> new ForbiddenException("The token is for another meeting.")));
    }
}
