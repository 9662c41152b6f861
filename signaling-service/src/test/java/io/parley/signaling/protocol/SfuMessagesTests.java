package io.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

    @Test
    void takesTheVideosAClientWantsInItsOrderWithTheirLayers() {
        assertThat(parse("{\"type\":\"sfu-view\",\"videos\":[{\"participantId\":\"p-2\",\"layer\":\"high\"},"
                + "{\"participantId\":\"p-1\",\"layer\":\"low\"}]}"))
            .isEqualTo(new ClientMessage.SfuView(List.of(new ClientMessage.WantedVideo("p-2", ClientMessage.Layer.HIGH),
                    new ClientMessage.WantedVideo("p-1", ClientMessage.Layer.LOW))));
        assertThat(parse("{\"type\":\"sfu-view\",\"videos\":[]}")).isEqualTo(new ClientMessage.SfuView(List.of()));
    }

    @Test
    void refusesAViewOfMoreVideosThanAMeetingHoldsPeople() {
        String video = "{\"participantId\":\"p\",\"layer\":\"low\"}";
        StringBuilder videos = new StringBuilder();
        for (int i = 0; i <= ClientMessage.MAX_VIEW; i++) {
            videos.append(i == 0 ? "" : ",").append(video.replace("\"p\"", "\"p" + i + "\""));
        }
        assertThatThrownBy(() -> parse("{\"type\":\"sfu-view\",\"videos\":[" + videos + "]}")).isInstanceOfSatisfying(
                ProtocolException.class, error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"type\":\"sfu-publish\",\"sdp\":\"hello\"}|INVALID_FIELD",
            "{\"type\":\"sfu-publish\",\"sdp\":42}|INVALID_FIELD",
            "{\"type\":\"sfu-publish\",\"sdp\":{\"type\":\"offer\"}}|INVALID_FIELD",
            "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":\"../etc\"}|INVALID_FIELD",
            "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":1}|INVALID_FIELD",
            "{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":\"12345678901234567\"}|INVALID_FIELD",
            "{\"type\":\"sfu-start\"}|MISSING_FIELD", "{\"type\":\"sfu-start\",\"sdp\":null}|MISSING_FIELD",
            "{\"type\":\"sfu-start\",\"sdp\":\"\"}|INVALID_FIELD",
            "{\"type\":\"sfu-start\",\"sdp\":\"m=audio\"}|INVALID_FIELD",
            "{\"type\":\"sfu-offer\",\"sdp\":\"v=0\"}|UNKNOWN_TYPE", "{\"type\":\"sfu-view\"}|MISSING_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":{}}|INVALID_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[\"p-1\"]}|INVALID_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[{\"layer\":\"low\"}]}|MISSING_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[{\"participantId\":\"p\"}]}|MISSING_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[{\"participantId\":\"p\",\"layer\":\"huge\"}]}|INVALID_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[{\"participantId\":7,\"layer\":\"low\"}]}|INVALID_FIELD",
            "{\"type\":\"sfu-view\",\"videos\":[{\"participantId\":\"p\",\"layer\":\"low\"},{\"participantId\":\"p\",\"layer\":\"high\"}]}|INVALID_FIELD",
            "{\"type\":\"sfu-videos\",\"receiving\":[]}|UNKNOWN_TYPE",
            "{\"type\":\"media-mode\",\"mode\":\"sfu\"}|UNKNOWN_TYPE" })
    void rejectsWhatIsNotAnSfuMessageAClientMaySend(String text, ErrorCode expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ProtocolException.class,
                error -> assertThat(error.code()).isEqualTo(expected));
    }

}
