package io.parley.quality.view;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;
import io.parley.quality.ForbiddenException;
import io.parley.quality.QualityProperties;
import io.parley.quality.meeting.MeetingRoster;
import io.parley.quality.meeting.OrgAdmins;
import io.parley.support.problem.Problems;
import io.parley.tokens.BearerTokens;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.TokenType;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.dao.DataAccessException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may read a meeting's quality, as bearer header or {@code access_token} parameter:
 * <ul>
 * <li>a valid join token of that meeting, host's or participant's, while it lives
 * (participants see each other's call quality, as they see each other in the call);</li>
 * <li>the access token of an account that hosted or joined the meeting (the roster,
 * {@link MeetingRoster}), or of an owner or admin of the organization the meeting belongs
 * to ({@link OrgAdmins}), for as long as the history keeps it.</li>
 * </ul>
 * The token's {@code typ} claim picks the verifier, which then checks everything (the
 * claim read first is only a hint: each verifier refuses the other kind). Checked before
 * the meeting's samples are looked up, so a stranger cannot learn which meetings exist:
 * 403 whether or not there is one.
 */
@Component
class MeetingReaders {

    private final JoinTokenVerifier joinTokens;

    private final AccessTokenVerifier accessTokens;

    private final MeetingRoster roster;

    MeetingReaders(JoinTokenVerifier joinTokens, AccessTokenVerifier accessTokens, MeetingRoster roster) {
        this.joinTokens = joinTokens;
        this.accessTokens = accessTokens;
        this.roster = roster;
    }

    Mono<Void> requireReader(ServerHttpRequest request, String meetingId) {
        Optional<String> token = BearerTokens.resolve(request);
        if (token.isEmpty()) {
            return Mono.error(new InvalidTokenException("A join token of the meeting, or the access token of an "
                    + "account that took part in it, is required."));
        }
        Mono<Void> check = isAccessToken(token.get()) ? byAccount(token.get(), meetingId)
                : byParticipant(token.get(), meetingId);
        return check.onErrorMap(DataAccessException.class,
                error -> Problems.unavailable("Access to the meeting cannot be checked right now.",
                        QualityProperties.RETRY_AFTER_UNAVAILABLE, error));
    }

    private Mono<Void> byParticipant(String token, String meetingId) {
        return joinTokens.verify(token)
            .filter(holder -> holder.meetingId().equals(meetingId))
            .switchIfEmpty(Mono.error(() -> new ForbiddenException("The token is for another meeting.")))
            .then();
    }

    private Mono<Void> byAccount(String token, String meetingId) {
        return accessTokens.verify(token)
            .filterWhen(account -> roster.mayRead(meetingId, account.accountId(), OrgAdmins.of(account)))
            .switchIfEmpty(Mono.error(() -> new ForbiddenException(
                    "Only the accounts that hosted or joined the meeting, or its organization's owners and admins, "
                            + "may read it.")))
            .then();
    }

    private static boolean isAccessToken(String token) {
        try {
            return TokenType.ACCESS.claim().equals(JWTParser.parse(token).getJWTClaimsSet().getClaim(TokenType.CLAIM));
        }
        catch (ParseException notAJwt) {
            // the join-token verifier refuses it with the usual 401
            return false;
        }
    }

}
