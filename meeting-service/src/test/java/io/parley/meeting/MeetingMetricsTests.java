package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.meeting.web.ApiProblem;
import io.parley.support.problem.Problems;
import io.parley.tokens.InvalidTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class MeetingMetricsTests {

    @Test
    void aCallersMistakeIsNeverCountedAsAnError() {
        assertThat(MeetingMetrics.outcomeOf(ApiProblem.invalid("preset", "Unknown preset."))).isEqualTo("invalid");
        assertThat(MeetingMetrics.outcomeOf(new InvalidTokenException("expired"))).isEqualTo("unauthorized");
        assertThat(MeetingMetrics.outcomeOf(ApiProblem.forbidden("not-host", "no"))).isEqualTo("forbidden");
        assertThat(MeetingMetrics.outcomeOf(ApiProblem.participantNotFound())).isEqualTo("not-found");
        assertThat(MeetingMetrics.outcomeOf(ApiProblem.conflict("ended", "ended"))).isEqualTo("conflict");
        assertThat(MeetingMetrics.outcomeOf(new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE)))
            .isEqualTo("rejected");
    }

    @Test
    void whatTheServiceGotWrongIsAnError() {
        assertThat(MeetingMetrics.outcomeOf(new IllegalStateException("bug"))).isEqualTo("error");
        assertThat(MeetingMetrics.outcomeOf(Problems.unavailable("Redis is down", Duration.ofSeconds(1), null)))
            .isEqualTo("error");
    }

    @Test
    void countsEachOutcomeUnderItsCommand() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeetingMetrics metrics = new MeetingMetrics(registry);

        metrics.hostCommandFailed("timer", ApiProblem.invalid("preset", "Unknown timer preset."));
        metrics.hostCommandDone("timer");

        assertThat(registry.get("parley.meetings.host.commands")
            .tags("command", "timer", "outcome", "invalid")
            .counter()
            .count()).isEqualTo(1);
        assertThat(registry.get("parley.meetings.host.commands")
            .tags("command", "timer", "outcome", "ok")
            .counter()
            .count()).isEqualTo(1);
        assertThat(registry.find("parley.meetings.host.commands").tag("outcome", "error").counter()).isNull();
    }

    @Test
    void countsRecordingsStartedAndStoppedByReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeetingMetrics metrics = new MeetingMetrics(registry);

        metrics.recordingStarted();
        metrics.recordingStarted();
        metrics.recordingStopped("max-length");

        assertThat(registry.get("parley.meetings.recordings.started").counter().count()).isEqualTo(2);
        assertThat(registry.get("parley.meetings.recordings.stopped").tag("reason", "max-length").counter().count())
            .isEqualTo(1);
        assertThat(registry.find("parley.meetings.recordings.stopped").tag("reason", "host").counter()).isNull();
    }

}
