package io.parley.signaling.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EnvelopeTests {

    @Test
    void everyKindOfEnvelopeSurvivesTheWire() {
        String message = "{\"type\":\"offer\",\"from\":\"p-1\",\"sdp\":\"v=0\\r\\nline two\\n\"}";
        for (Envelope envelope : new Envelope[] { Envelope.to("p-2", message), Envelope.everyone(message),
                Envelope.everyoneExcept("p-1", message), Envelope.to("p-2", message).thenClose(4403),
                Envelope.everyone("multi\nline\nmessage").thenClose(4410) }) {
            assertThat(Envelope.decode(envelope.encode())).isEqualTo(envelope);
        }
    }

    @Test
    void theRecipientIsReadWithoutDecodingTheMessage() {
        assertThat(Envelope.recipientOf(Envelope.to("p-2", "{}").encode())).isEqualTo("p-2");
        assertThat(Envelope.recipientOf(Envelope.everyoneExcept("p-1", "{}").encode())).isNull();
        assertThat(Envelope.recipientOf(Envelope.everyone("{}").encode())).isNull();
    }

    @Test
    void rejectsWhatIsNotAnEnvelope() {
        assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode("{\"to\":\"p-2\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> Envelope.recipientOf("no header"));
        assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode("p-2\n\nnot-a-number\n{}"));
    }

}
