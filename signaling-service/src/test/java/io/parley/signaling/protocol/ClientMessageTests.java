package io.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ClientMessageTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ClientMessage parse(String text) {
        return ClientMessage.parse(json.readTree(text));
    }

    @Test
    void parsesRelaysWithTheirTargetAndOpaquePayload() {
        ClientMessage.Relay offer = (ClientMessage.Relay) parse("{\"type\":\"offer\",\"to\":\"p1\",\"sdp\":\"v=0\"}");
        assertThat(offer.type()).isEqualTo(MessageType.OFFER);
        assertThat(offer.to()).isEqualTo("p1");
        assertThat(offer.payload().asString()).isEqualTo("v=0");

        ClientMessage.Relay ice = (ClientMessage.Relay) parse(
                "{\"type\":\"ice\",\"to\":\"p1\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\"}}");
        assertThat(ice.payload().path("sdpMid").asString()).isEqualTo("0");
    }

    @Test
    void parsesChatMediaAndPing() {
        assertThat(parse("{\"type\":\"chat\",\"text\":\"hi\"}")).isEqualTo(new ClientMessage.Chat("hi"));
        assertThat(parse("{\"type\":\"media\",\"audio\":false,\"video\":true}"))
            .isEqualTo(new ClientMessage.Media(false, true, null));
        assertThat(parse("{\"type\":\"ping\"}")).isInstanceOf(ClientMessage.Ping.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "[]|MALFORMED", "\"offer\"|MALFORMED", "{}|MISSING_FIELD",
            "{\"type\":7}|MISSING_FIELD", "{\"type\":\"welcome\"}|UNKNOWN_TYPE", "{\"type\":\"removed\"}|UNKNOWN_TYPE",
            "{\"type\":\"recording\",\"active\":false}|UNKNOWN_TYPE",
            "{\"type\":\"offer\",\"sdp\":\"v=0\"}|MISSING_FIELD", "{\"type\":\"offer\",\"to\":\"p\"}|MISSING_FIELD",
            "{\"type\":\"offer\",\"to\":5,\"sdp\":\"v\"}|INVALID_FIELD",
            "{\"type\":\"offer\",\"to\":\"\",\"sdp\":\"v\"}|INVALID_FIELD",
            "{\"type\":\"chat\",\"text\":\"\"}|INVALID_FIELD", "{\"type\":\"chat\",\"text\":[\"a\"]}|INVALID_FIELD",
            "{\"type\":\"media\",\"audio\":1,\"video\":true}|INVALID_FIELD",
            "{\"type\":\"media\",\"audio\":true}|MISSING_FIELD" })
    void rejectsWhatItCannotActOn(String text, ErrorCode expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ProtocolException.class,
                error -> assertThat(error.code()).isEqualTo(expected));
    }

    @Test
    void rejectsTargetsLongerThanAnyParticipantId() {
        assertThatThrownBy(() -> parse("{\"type\":\"answer\",\"to\":\"" + "p".repeat(65) + "\",\"sdp\":\"v\"}"))
            .isInstanceOfSatisfying(ProtocolException.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

}
