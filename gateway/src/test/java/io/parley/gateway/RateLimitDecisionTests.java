package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.ratelimit.RateLimiter.Decision;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTests {

    @Test
    void roundsTheWaitUpToWholeSeconds() {
        assertThat(new Decision(false, 0, 1).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Decision(false, 0, 1000).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Decision(false, 0, 1001).retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void neverTellsARejectedClientToRetryImmediately() {
        assertThat(new Decision(false, 0, 0).retryAfterSeconds()).isEqualTo(1);
    }

}
