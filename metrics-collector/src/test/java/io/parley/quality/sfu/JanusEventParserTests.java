package io.parley.quality.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JanusEventParserTests {

    private final JanusEventParser parser = new JanusEventParser(JsonMapper.builder().build());

    @Test
    void readsAGroupedPostWithAHandleEventAndCombinedMediaStatistics() {
        List<JanusEvent> events = parse("""
                [{"emitter":"janus-1","type":2,"subtype":1,"timestamp":1700000000123456,"session_id":11,
                  "handle_id":22,"opaque_id":"parley:m-1:p-1",
                  "event":{"name":"attached","plugin":"janus.plugin.videoroom","opaque_id":"parley:m-1:p-1"}},
                 {"emitter":"janus-1","type":32,"subtype":3,"timestamp":1700000005000000,"session_id":11,
                  "handle_id":22,"opaque_id":"parley:m-1:p-1","event":[
                   {"mid":"0","mindex":0,"media":"audio","codec":"opus","base":48000,"rtt":42,"lost":3,
                    "lost-by-remote":1,"jitter-local":4,"jitter-remote":6,"packets-received":500,
                    "packets-sent":0,"bytes-received":50000,"bytes-sent":0,"bytes-received-lastsec":4000,
                    "bytes-sent-lastsec":0,"nacks-received":0,"nacks-sent":2,"retransmissions-received":0},
                   {"mid":"1","mindex":1,"media":"video","rtt":45,"lost":0,"packets-received":900,
                    "bytes-received-lastsec":120000}]}]
                """);

        assertThat(events).hasSize(2);
        JanusEvent handle = events.get(0);
        assertThat(handle.isHandle()).isTrue();
        assertThat(handle.name()).isEqualTo("attached");
        assertThat(handle.opaqueId()).isEqualTo("parley:m-1:p-1");
        assertThat(handle.handleId()).isEqualTo(22);
        JanusEvent stats = events.get(1);
        assertThat(stats.isMediaStats()).isTrue();
        assertThat(stats.timestamp()).isEqualTo(1700000005000000L);
        assertThat(stats.streams()).extracting(JanusEvent.StreamStats::media).containsExactly("audio", "video");
        JanusEvent.StreamStats audio = stats.streams().get(0);
        assertThat(audio.rttMs()).isEqualTo(42);
        assertThat(audio.lost()).isEqualTo(3);
        assertThat(audio.lostByRemote()).isEqualTo(1);
        assertThat(audio.jitterLocalMs()).isEqualTo(4);
        assertThat(audio.jitterRemoteMs()).isEqualTo(6);
        assertThat(audio.bytesReceivedLastSec()).isEqualTo(4000);
        assertThat(audio.nacksSent()).isEqualTo(2);
        assertThat(stats.streams().get(1).jitterLocalMs()).isZero();
    }

    @Test
    void readsASingleUngroupedEventWithOneStream() {
        List<JanusEvent> events = parse("""
                {"type":32,"subtype":3,"session_id":1,"handle_id":2,"opaque_id":"parley:m:p",
                 "event":{"mid":"0","media":"audio","rtt":10}}
                """);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.isMediaStats()).isTrue();
            assertThat(event.streams()).singleElement().extracting(JanusEvent.StreamStats::rttMs).isEqualTo(10L);
        });
    }

    @Test
    void takesTheOpaqueIdFromAHandleEventsBodyWhenOnlyThereAndKeepsOtherEventTypesWithoutStreams() {
        List<JanusEvent> events = parse("""
                [{"type":2,"handle_id":2,"event":{"name":"detached","opaque_id":"parley:m:p"}},
                 {"type":1,"session_id":1,"event":{"name":"created"}},
                 {"type":32,"subtype":1,"handle_id":2,"event":{"media":"audio","receiving":true}}]
                """);

        assertThat(events.get(0).opaqueId()).isEqualTo("parley:m:p");
        assertThat(events.get(1).isHandle()).isFalse();
        assertThat(events.get(1).streams()).isEmpty();
        assertThat(events.get(2).isMediaStats()).isFalse();
    }

    @Test
    void readsNumbersJanusDidNotSendAsZero() {
        JanusEvent event = parse("""
                {"type":32,"subtype":3,"event":{"media":"video","rtt":"fast","lost":-4,"packets-received":1.5}}
                """).get(0);

        JanusEvent.StreamStats stream = event.streams().get(0);
        assertThat(stream.rttMs()).isZero();
        assertThat(stream.lost()).isZero();
        assertThat(stream.packetsReceived()).isZero();
        assertThat(event.opaqueId()).isNull();
    }

    @Test
    void refusesWhatIsNotJanusEvents() {
        assertInvalid("not json", "not valid JSON");
        assertInvalid("", "empty");
        assertInvalid("[1, 2]", "Event 0 is not a Janus event");
        assertInvalid("[{\"type\":\"media\"}]", "Event 0 is not a Janus event");
        assertInvalid("{\"type\":32,\"subtype\":3,\"event\":\"x\"}", "without a body");
        assertInvalid("{\"type\":32,\"subtype\":3,\"event\":[1]}", "stream that is not an object");
    }

    @Test
    void refusesMoreEventsThanAnyJanusPostHolds() {
        String many = "[" + "{\"type\":1},".repeat(JanusEventParser.MAX_EVENTS) + "{\"type\":1}]";

        assertInvalid(many, "at most");
    }

    private List<JanusEvent> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidJanusEventsException.class)
            .satisfies(
                    error -> assertThat(((InvalidJanusEventsException) error).getBody().getDetail()).contains(message));
    }

}
