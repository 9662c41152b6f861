package io.parley.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

class UnavailableReasonTests {

    @Test
    void namesWhyABackendCallFailed() {
        assertThat(UnavailableController.reason(new TimeoutException())).isEqualTo("timeout");
        assertThat(UnavailableController
            .reason(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
            .isEqualTo("circuit-open");
        assertThat(UnavailableController.reason(new ConnectException("refused"))).isEqualTo("unreachable");
        assertThat(UnavailableController.reason(null)).isEqualTo("unreachable");
    }

}
