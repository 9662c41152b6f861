package io.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ShareMessagesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ClientMessage parse(String text) {
        return ClientMessage.parse(json.readTree(text));
    }

    @Test
    void takesTheSharedStreamIdWithTheMediaStateAndNoneWhenAbsentOrNull() {
        assertThat(parse("{\"type\":\"media\",\"audio\":true,\"video\":false,"
                + "\"screen\":\"{5f0c2a9e-1b7d-4c1e-9a43-0d2c7e8b6a11}\"}"))
            .isEqualTo(new ClientMessage.Media(true, false, "{5f0c2a9e-1b7d-4c1e-9a43-0d2c7e8b6a11}"));
        assertThat(parse("{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":null}"))
            .isEqualTo(new ClientMessage.Media(true, true, null));
        assertThat(parse("{\"type\":\"media\",\"audio\":true,\"video\":true}"))
            .isEqualTo(new ClientMessage.Media(true, true, null));
    }

    @Test
    void parsesStopShare() {
        assertThat(parse("{\"type\":\"stop-share\",\"participantId\":\"p-1\"}"))
            .isEqualTo(new ClientMessage.StopShare("p-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":7}|INVALID_FIELD",
                    "{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":\"\"}|INVALID_FIELD",
                    "{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":\"<b>x</b>\"}|INVALID_FIELD",
                    "{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":[\"s\"]}|INVALID_FIELD",
                    "{\"type\":\"stop-share\"}|MISSING_FIELD",
                    "{\"type\":\"stop-share\",\"participantId\":\"\"}|INVALID_FIELD",
                    "{\"type\":\"stop-share\",\"participantId\":{}}|INVALID_FIELD" })
    void rejectsWhatItCannotActOn(String text, ErrorCode expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ProtocolException.class,
                error -> assertThat(error.code()).isEqualTo(expected));
    }

    @Test
    void rejectsStreamIdsLongerThanAnyBrowserMakes() {
        assertThatThrownBy(
                () -> parse("{\"type\":\"media\",\"audio\":true,\"video\":true,\"screen\":\"" + "s".repeat(65) + "\"}"))
            .isInstanceOfSatisfying(ProtocolException.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

}
