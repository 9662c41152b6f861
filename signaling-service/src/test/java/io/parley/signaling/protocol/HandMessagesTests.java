package io.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class HandMessagesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ClientMessage parse(String text) {
        return ClientMessage.parse(json.readTree(text));
    }

    @Test
    void parsesHandAndLowerHand() {
        assertThat(parse("{\"type\":\"hand\",\"raised\":true}")).isEqualTo(new ClientMessage.Hand(true));
        assertThat(parse("{\"type\":\"hand\",\"raised\":false}")).isEqualTo(new ClientMessage.Hand(false));
        assertThat(parse("{\"type\":\"lower-hand\",\"participantId\":\"p-1\"}"))
            .isEqualTo(new ClientMessage.LowerHand("p-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "{\"type\":\"hand\"}|MISSING_FIELD", "{\"type\":\"hand\",\"raised\":null}|MISSING_FIELD",
                    "{\"type\":\"hand\",\"raised\":\"yes\"}|INVALID_FIELD",
                    "{\"type\":\"hand\",\"raised\":1}|INVALID_FIELD", "{\"type\":\"lower-hand\"}|MISSING_FIELD",
                    "{\"type\":\"lower-hand\",\"participantId\":\"\"}|INVALID_FIELD",
                    "{\"type\":\"lower-hand\",\"participantId\":7}|INVALID_FIELD",
                    "{\"type\":\"lower-hand\",\"participantId\":[\"p-1\"]}|INVALID_FIELD" })
    void rejectsWhatItCannotActOn(String text, ErrorCode expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ProtocolException.class,
                error -> assertThat(error.code()).isEqualTo(expected));
    }

    @Test
    void rejectsParticipantIdsLongerThanAnyParticipantId() {
        assertThatThrownBy(() -> parse("{\"type\":\"lower-hand\",\"participantId\":\"" + "p".repeat(65) + "\"}"))
            .isInstanceOfSatisfying(ProtocolException.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

}
