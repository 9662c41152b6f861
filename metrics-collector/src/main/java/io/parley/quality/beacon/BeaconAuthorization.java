package io.parley.quality.beacon;

import java.util.Optional;

import io.parley.quality.ForbiddenException;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;

/**
 * Who may report a sample for whom. A Parley beacon needs the join token of exactly the
 * meeting and participant it reports for. A Daily-style beacon with a token must be for
 * the token's meeting and is filed under the token's participant (Daily's session id says
 * nothing about Parley participants); without a token it is taken only where the operator
 * allows anonymous beacons.
 */
public final class BeaconAuthorization {

    private final boolean anonymousBeaconsEnabled;

    public BeaconAuthorization(boolean anonymousBeaconsEnabled) {
        this.anonymousBeaconsEnabled = anonymousBeaconsEnabled;
    }

    public QualitySample authorize(QualitySample sample, Optional<JoinToken> token) {
        if (token.isEmpty()) {
            if (sample.format() == BeaconFormat.DAILY && anonymousBeaconsEnabled) {
                return sample;
            }
            throw new InvalidTokenException(sample.format() == BeaconFormat.DAILY
                    ? "A join token is required: anonymous beacons are switched off." : "A join token is required.");
        }
        JoinToken holder = token.get();
        if (!holder.meetingId().equals(sample.meetingId())) {
            throw new ForbiddenException("The token is for another meeting.");
        }
        if (sample.format() == BeaconFormat.DAILY) {
            return new QualitySample(sample.meetingId(), holder.participantId(), sample.sessionId(), sample.timestamp(),
                    sample.receivedAt(), sample.format(), sample.meetingSessionId(), sample.stats());
        }
        if (!holder.participantId().equals(sample.participantId())) {
            throw new ForbiddenException("The token is for another participant.");
        }
        return sample;
    }

}
