package io.parley.quality.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import io.parley.quality.ForbiddenException;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;

class BeaconAuthorizationTests {

    private static final QualityStats STATS = new QualityStats(40.0, null, null, null, null, null, null, null, null,
            null, null, null, null);

    private final BeaconAuthorization strict = new BeaconAuthorization(false);

    private final BeaconAuthorization anonymousAllowed = new BeaconAuthorization(true);

    private static QualitySample sample(BeaconFormat format, String meeting, String participant) {
        return new QualitySample(meeting, participant, "s-1", 1, 1, format, null, STATS);
    }

    private static Optional<JoinToken> token(String meeting, String participant) {
        return Optional.of(new JoinToken("u-1", meeting, participant, "Ada", Role.PARTICIPANT, "jti-1", Instant.now(),
                Instant.now().plusSeconds(60)));
    }

    @Test
    void acceptsAParleyBeaconForTheTokensMeetingAndParticipant() {
        QualitySample sample = sample(BeaconFormat.PARLEY, "m-1", "p-1");

        assertThat(strict.authorize(sample, token("m-1", "p-1"))).isEqualTo(sample);
    }

    @Test
    void refusesAParleyBeaconForAnotherMeetingOrParticipant() {
        assertThatThrownBy(() -> strict.authorize(sample(BeaconFormat.PARLEY, "m-2", "p-1"), token("m-1", "p-1")))
            .isInstanceOf(ForbiddenException.class)
            .hasMessageContaining("another meeting");
        assertThatThrownBy(() -> strict.authorize(sample(BeaconFormat.PARLEY, "m-1", "p-2"), token("m-1", "p-1")))
            .isInstanceOf(ForbiddenException.class)
            .hasMessageContaining("another participant");
    }

    @Test
    void needsATokenForAParleyBeaconEvenWhereAnonymousBeaconsAreAllowed() {
        assertThatThrownBy(
                () -> anonymousAllowed.authorize(sample(BeaconFormat.PARLEY, "m-1", "p-1"), Optional.empty()))
            .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void takesAnAnonymousDailyBeaconOnlyWhereTheOperatorAllowsIt() {
        QualitySample daily = sample(BeaconFormat.DAILY, "room", "sess");

        assertThat(anonymousAllowed.authorize(daily, Optional.empty())).isEqualTo(daily);
        assertThatThrownBy(() -> strict.authorize(daily, Optional.empty())).isInstanceOfSatisfying(
                InvalidTokenException.class,
                error -> assertThat(error.reason()).contains("anonymous beacons are switched off"));
    }

    @Test
    void filesADailyBeaconWithATokenUnderTheTokensParticipant() {
        QualitySample filed = strict.authorize(sample(BeaconFormat.DAILY, "m-1", "daily-session"), token("m-1", "p-1"));

        assertThat(filed.participantId()).isEqualTo("p-1");
        assertThat(filed.sessionId()).isEqualTo("s-1");
        assertThatThrownBy(() -> strict.authorize(sample(BeaconFormat.DAILY, "other", "x"), token("m-1", "p-1")))
            .isInstanceOf(ForbiddenException.class);
    }

}
