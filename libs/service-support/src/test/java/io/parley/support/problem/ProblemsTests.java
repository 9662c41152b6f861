package io.parley.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTests {

    private final ProblemDetailsErrorHandler handler = new ProblemDetailsErrorHandler(JsonMapper.builder().build());

    @Test
    void unavailableIsA503ProblemWithRetryAfterAndWithoutTheCause() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/things"));
        IOException cause = new IOException("connection refused by 10.0.0.7:6379");

        handler
            .handle(exchange,
                    Problems.unavailable("Things cannot be stored right now; try again shortly.", Duration.ofSeconds(5),
                            cause))
            .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block())
            .contains("\"status\":503", "\"title\":\"Service Unavailable\"",
                    "\"detail\":\"Things cannot be stored right now; try again shortly.\"")
            .doesNotContain("10.0.0.7", "refused");
    }

    @Test
    void unavailableKeepsItsCauseForTheLog() {
        IOException cause = new IOException("down");

        UnavailableException unavailable = Problems.unavailable("Down.", Duration.ofSeconds(2), cause);

        assertThat(unavailable.getCause()).isSameAs(cause);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(unavailable.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(retryAfterHeader(Duration.ofMillis(1500))).isEqualTo("2");
        assertThat(retryAfterHeader(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(retryAfterHeader(Duration.ZERO)).isEqualTo("1");
        assertThat(retryAfterHeader(Duration.ofMinutes(2))).isEqualTo("120");
    }

    @Test
    void refusesANegativeOrMissingWait() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Problems.unavailable("Down.", Duration.ofSeconds(-1), null));
        assertThatIllegalArgumentException().isThrownBy(() -> Problems.unavailable("Down.", null, null));
    }

    private static String retryAfterHeader(Duration wait) {
        return Problems.unavailable("Down.", wait, null).getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    }

}
