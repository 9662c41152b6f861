package io.parley.signaling.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.EventType;
import io.parley.signaling.fanout.Envelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UserEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void forwardsAMessageToEveryDeviceOfItsRecipientWithoutTheAccountId() {
        UserEvents.Delivery delivery = UserEvents.of(EventType.MESSAGE_SENT, json("""
                {"accountId":"a1","contactId":"c1","message":{"messageId":"m1","seq":7},"unread":2}""")).orElseThrow();

        assertThat(delivery.accountId()).isEqualTo("a1");
        Envelope envelope = delivery.envelope();
        assertThat(envelope.to()).isNull();
        assertThat(envelope.closeCode()).isNull();
        JsonNode message = json(envelope.message());
        assertThat(message.path("type").asString()).isEqualTo("message");
        assertThat(message.has("accountId")).isFalse();
        assertThat(message.path("message").path("seq").asInt()).isEqualTo(7);
        assertThat(envelope.message()).startsWith("{\"type\":\"message\"");
    }

    @Test
    void namesEachPeopleEventByItsSocketType() {
        assertThat(typeOf(EventType.CONTACT_REQUESTED)).isEqualTo("contact-request");
        assertThat(typeOf(EventType.CONTACT_ADDED)).isEqualTo("contact-added");
        assertThat(typeOf(EventType.CONTACT_REMOVED)).isEqualTo("contact-removed");
        assertThat(typeOf(EventType.MESSAGES_READ)).isEqualTo("read");
        assertThat(typeOf(EventType.CALL_RINGING)).isEqualTo("call-ringing");
        assertThat(typeOf(EventType.CALL_ENDED)).isEqualTo("call-ended");
    }

    private static String typeOf(EventType type) {
        return json(UserEvents.of(type, json("{\"accountId\":\"a1\"}")).orElseThrow().envelope().message()).path("type")
            .asString();
    }

    @Test
    void closesOnlyTheRevokedSessionsSocketsWith4401() {
        Envelope envelope = UserEvents.of(EventType.SESSION_REVOKED, json("""
                {"accountId":"a1","sessionId":"s1","reason":"signed-out"}""")).orElseThrow().envelope();

        assertThat(envelope.to()).isEqualTo("s1");
        assertThat(envelope.closeCode()).isEqualTo(4401);
        assertThat(json(envelope.message()).path("type").asString()).isEqualTo("session-revoked");
    }

    @Test
    void closesEverySocketOfADeletedAccount() {
        Envelope envelope = UserEvents.of(EventType.ACCOUNT_DELETED, json("{\"accountId\":\"a1\"}"))
            .orElseThrow()
            .envelope();

        assertThat(envelope.to()).isNull();
        assertThat(envelope.closeCode()).isEqualTo(4401);
    }

    @Test
    void ignoresEventsWithoutARecipientAndEventsDevicesNeedNotHear() {
        assertThat(UserEvents.of(EventType.MESSAGE_SENT, json("{\"contactId\":\"c1\"}"))).isEmpty();
        assertThat(UserEvents.of(EventType.MESSAGE_SENT, json("[1]"))).isEmpty();
        assertThat(UserEvents.of(EventType.SESSION_REVOKED, json("{\"accountId\":\"a1\"}"))).isEmpty();
        assertThat(UserEvents.of(EventType.ORG_LIMITS_CHANGED, json("{\"accountId\":\"a1\"}"))).isEmpty();
    }

}
