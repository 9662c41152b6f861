package io.parley.signaling.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.signaling.protocol.CloseCode;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OutboundTests {

    @Test
    void closesAClientThatDoesNotReadWithSlowConsumerOnceItsBufferIsFull() {
        Outbound outbound = new Outbound(10);

        // the socket's writer asks for nothing more while the client's TCP window is full
        StepVerifier.create(outbound.frames(), 0).then(() -> {
            assertThat(outbound.send("one")).isTrue();
            assertThat(outbound.send("two")).isTrue();
            assertThat(outbound.send("three")).isFalse();
            assertThat(outbound.closeCode()).isEqualTo(CloseCode.SLOW_CONSUMER);
            assertThat(outbound.send("four")).isFalse();
        }).thenRequest(10).expectNext("one", "two").verifyComplete();
        assertThat(outbound.isClosed()).isTrue();
    }

    @Test
    void boundsWhatIsQueuedBySizeSoOneLargeMessageFillsTheBuffer() {
        Outbound outbound = new Outbound(100);

        StepVerifier.create(outbound.frames(), 0).then(() -> {
            assertThat(outbound.send("x".repeat(90))).isTrue();
            assertThat(outbound.send("x".repeat(20))).isFalse();
        }).thenRequest(10).expectNextCount(1).verifyComplete();
        assertThat(outbound.closeCode()).isEqualTo(CloseCode.SLOW_CONSUMER);
    }

    @Test
    void deliversEverythingToAClientThatKeepsUp() {
        Outbound outbound = new Outbound(6);
        StepVerifier.create(outbound.frames())
            .then(() -> outbound.send("one"))
            .expectNext("one")
            .then(() -> outbound.send("two"))
            .expectNext("two")
            .then(() -> outbound.send("three"))
            .expectNext("three")
            .then(() -> outbound.close(CloseCode.GOING_AWAY))
            .verifyComplete();
        assertThat(outbound.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
    }

}
