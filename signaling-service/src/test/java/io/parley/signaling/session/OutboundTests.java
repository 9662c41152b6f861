package io.parley.signaling.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ConnectionTests {

    private static final JoinToken TOKEN = new JoinToken("user-1", "m1", "p1", "Ada", Role.PARTICIPANT, "jti-1",
            Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));

    private static Connection connection(int outboundBuffer) {
        return new Connection(null, TOKEN, outboundBuffer, new TokenBucket(10, 10, 0), new TokenBucket(1, 1, 0));
    }

    @Test
    void closesAClientThatDoesNotReadWithSlowConsumerOnceItsBufferIsFull() {
        Connection connection = connection(2);

        // the socket's writer asks for nothing more while the client's TCP window is full
        StepVerifier.create(connection.outbound(), 0)
            .then(() -> {
                assertThat(connection.send("one")).isTrue();
                assertThat(connection.send("two")).isTrue();
                assertThat(connection.send("three")).isFalse();
                assertThat(connection.closeCode()).isEqualTo(CloseCode.SLOW_CONSUMER);
                assertThat(connection.send("four")).isFalse();
            })
            .thenRequest(10)
            .expectNext("one", "two")
            .verifyComplete();
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void deliversEverythingToAClientThatKeepsUp() {
        Connection connection = connection(2);
        StepVerifier.create(connection.outbound())
            .then(() -> connection.send("one"))
            .expectNext("one")
            .then(() -> connection.send("two"))
            .expectNext("two")
            .then(() -> connection.send("three"))
            .expectNext("three")
            .then(() -> connection.close(CloseCode.GOING_AWAY))
            .verifyComplete();
        assertThat(connection.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
    }
}
