package io.parley.meeting.creation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.parley.meeting.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CapReachedTests {

    @Test
    void saysWhichCapHowLargeAndWhenToTryAgain() {
        ApiProblem problem = CapReached.problem(Creator.Scope.ADDRESS, 60, Duration.ofHours(1),
                Duration.ofSeconds(717));

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.getBody().getDetail())
            .isEqualTo("This address may create at most 60 meetings an hour; try again in 12 minutes.");
        assertThat(problem.getBody().getProperties()).containsEntry("reason", "creation-limit")
            .containsEntry("scope", "address")
            .containsEntry("limit", 60)
            .containsEntry("windowSeconds", 3600L);
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("717");
    }

    @Test
    void anAccountIsToldItIsTheAccount() {
        ApiProblem problem = CapReached.problem(Creator.Scope.ACCOUNT, 120, Duration.ofMinutes(30),
                Duration.ofSeconds(45));

        assertThat(problem.getBody().getDetail())
            .isEqualTo("Your account may create at most 120 meetings per 30 minutes; try again in 45 seconds.");
        assertThat(problem.getBody().getProperties()).containsEntry("scope", "account");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(CapReached.problem(Creator.Scope.ADDRESS, 1, Duration.ofHours(1), Duration.ofMillis(1500))
            .getHeaders()
            .getFirst("Retry-After")).isEqualTo("2");
        assertThat(CapReached.problem(Creator.Scope.ADDRESS, 1, Duration.ofHours(1), Duration.ZERO)
            .getHeaders()
            .getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void windowsReadAsPeopleSayThem() {
        assertThat(CapReached.per(Duration.ofDays(1))).isEqualTo("a day");
        assertThat(CapReached.per(Duration.ofHours(2))).isEqualTo("per 2 hours");
        assertThat(CapReached.inWords(Duration.ofSeconds(119))).isEqualTo("119 seconds");
        assertThat(CapReached.inWords(Duration.ofSeconds(121))).isEqualTo("3 minutes");
        assertThat(CapReached.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
    }

}
