package io.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SfuMessagesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ClientMessage parse(String text) {
        return ClientMessage.parse(json.readTree(text));
    }

    @Test
    void takesAPublishOfferWithTheScreenSharesMidOrNone() {
        assertThat(parse("{\"type\":\"sfu-publish\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\",\"screen\":\"2\"}"))
            .isEqualTo(new ClientMessage.SfuPublish("v=0\r\no=- 1 2 IN IP4 127.0.0.1", "2"));
        assertThat(parse("{\"type\":\"sfu-publish\",\"sdp\":\"v=0\\r\\n\"}"))
            .isEqualTo(new ClientMessage.SfuPublish("v=0\r\n", null));
    }

    @Test
    void takesAPublishWithoutAnOfferAsJoiningToReceiveOnly() {
        assertThat(parse("{\"type\":\"sfu-publish\",\"sdp\":null}"))
            .isEqualTo(new ClientMessage.SfuPublish(null, null));
        assertThat(parse("{\"type\":\"sfu-publish\"}")).isEqualTo(new ClientMessage.SfuPublish(null, null));
    }

    @Test
    void takesAnAnswer() {
        assertThat(parse("{\"type\":\"sfu-start\",\"sdp\":\"v=0\\r\\n\"}"))
            .isEqualTo(new ClientMessage.SfuStart("v=0\r\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "{\"type\":\"sfu-publish\",\"sdp\":\"hello\"}|INVALID_FIELD",
                    "{\"type\":\"sfu-publish\",\"sdp\":42}|INVALID_FIELD",
                    "{\"type\":\"sfu-publish\",\"sdp\":{\"type\":\"offer\"}}|INVALID_FIELD",
                    "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":\"../etc\"}|INVALID_FIELD",
                    "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":1}|INVALID_FIELD",
                    "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":\"12345678901234567\"}|INVALID_FIELD",
                    "{\"type\":\"sfu-start\"}|MISSING_FIELD", "{\"type\":\"sfu-start\",\"sdp\":null}|MISSING_FIELD",
                    "{\"type\":\"sfu-start\",\"sdp\":\"\"}|INVALID_FIELD",
                    "{\"type\":\"sfu-start\",\"sdp\":\"m=audio\"}|INVALID_FIELD",
                    "{\"type\":\"sfu-offer\",\"sdp\":\"v=0\"}|UNKNOWN_TYPE",
                    "{\"type\":\"media-mode\",\"mode\":\"sfu\"}|UNKNOWN_TYPE" })
    void rejectsWhatIsNotAnSfuMessageAClientMaySend(String text, ErrorCode expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ProtocolException.class,
                error -> assertThat(error.code()).isEqualTo(expected));
    }

}
