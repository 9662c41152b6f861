package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user socket ({@code /ws/user}) on the running platform: people-service commits, its
 * outbox publishes on Kafka, one signaling instance consumes and publishes on the
 * person's Redis channel, and every device of the person, on either instance or through
 * the gateway, hears it.
 */
@ExtendWith(PlatformExtension.class)
class UserSocketIT {

    private static final String PASSWORD = "correct horse battery staple";

    /**
     * Two people who are contacts: the contact id, and each one's API client and account
     * id.
     */
    private record Pair(PeopleApi alice, String aliceId, PeopleApi bob, String bobId, String contactId) {
    }

    private static Pair contacts() {
        String run = UUID.randomUUID().toString();
        PeopleApi alice = new PeopleApi();
        String aliceId = alice.signUp("alice-" + run + "@example.org", "Alice", PASSWORD);
        PeopleApi bob = new PeopleApi();
        String bobEmail = "bob-" + run + "@example.org";
        String bobId = bob.signUp(bobEmail, "Bob", PASSWORD);
        alice.post("/api/contacts/requests", alice.json().createObjectNode().put("email", bobEmail), 202);
        String requestId = bob.get("/api/contacts/requests").path("incoming").get(0).path("requestId").asString();
        String contactId = bob
            .post("/api/contacts/requests/" + requestId + "/accept", bob.json().createObjectNode(), 201)
            .path("contactId")
            .asString();
        return new Pair(alice, aliceId, bob, bobId, contactId);
    }

    private static JsonNode send(PeopleApi from, String contactId, String text) {
        ObjectNode body = from.json()
            .createObjectNode()
            .put("clientMessageId", UUID.randomUUID().toString())
            .put("text", text);
        return from.post("/api/contacts/" + contactId + "/messages", body, 201);
    }

    private static boolean isMessage(JsonNode event, JsonNode sent) {
        return event.path("message").path("messageId").asString().equals(sent.path("messageId").asString());
    }

    @Test
    void aMessageReachesEveryDeviceOfBothPeopleExactlyOnceOnEitherInstance(Platform platform) {
        Pair pair = contacts();
        List<Platform.SignalingInstance> instances = platform.signalingInstances();
        try (UserSocketClient bobHere = UserSocketClient.at(instances.get(0), pair.bob().accessToken());
                UserSocketClient bobThere = UserSocketClient.at(instances.get(1), pair.bob().accessToken());
                UserSocketClient aliceViaGateway = UserSocketClient.viaGateway(pair.alice().accessToken())) {
            List.of(bobHere, bobThere, aliceViaGateway).forEach(device -> device.await("catch-up"));

            JsonNode first = send(pair.alice(), pair.contactId(), "Hello Bob");
            JsonNode second = send(pair.alice(), pair.contactId(), "Are you there?");

            for (UserSocketClient device : List.of(bobHere, bobThere, aliceViaGateway)) {
                // the second arrives after the first on the same partition: by then any
                // copy of the first would have
                device.await("message", event -> isMessage(event, second));
                assertThat(device.all("message", event -> isMessage(event, first))).hasSize(1);
            }
            JsonNode onBob = bobThere.all("message", event -> isMessage(event, second)).get(0);
            assertThat(onBob.path("contactId").asString()).isEqualTo(pair.contactId());
            assertThat(onBob.path("message").path("text").asString()).isEqualTo("Are you there?");
            assertThat(onBob.path("unread").asInt()).isEqualTo(2);
            assertThat(onBob.has("accountId")).isFalse();
        }
    }

    @Test
    void aDeviceThatWasOfflineCatchesUpOnConnect() {
        Pair pair = contacts();
        JsonNode sent = send(pair.alice(), pair.contactId(), "While you were away");

        try (UserSocketClient bob = UserSocketClient.viaGateway(pair.bob().accessToken())) {
            JsonNode contact = bob.await("catch-up").path("contacts").get(0);

            assertThat(contact.path("contactId").asString()).isEqualTo(pair.contactId());
            assertThat(contact.path("unread").asInt()).isEqualTo(1);
            assertThat(contact.path("lastMessage").path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
            assertThat(contact.path("presence").asString()).isEqualTo("offline");
        }
    }

    @Test
    void contactsSeeEachOtherComeOnlineAndGoOffline() {
        Pair pair = contacts();
        try (UserSocketClient alice = UserSocketClient.viaGateway(pair.alice().accessToken())) {
            alice.await("catch-up");
            UserSocketClient bob = UserSocketClient.viaGateway(pair.bob().accessToken());
            bob.await("catch-up");

            alice.await("presence", event -> event.path("accountId").asString().equals(pair.bobId())
                    && event.path("state").asString().equals("online"));
            bob.close();
            alice.await("presence", event -> event.path("accountId").asString().equals(pair.bobId())
                    && event.path("state").asString().equals("offline"));
        }
    }

    @Test
    void aCallRingsEveryDeviceAndTheFirstAnswerStopsTheOthers(Platform platform) {
        Pair pair = contacts();
        List<Platform.SignalingInstance> instances = platform.signalingInstances();
        try (UserSocketClient one = UserSocketClient.at(instances.get(0), pair.bob().accessToken());
                UserSocketClient two = UserSocketClient.at(instances.get(1), pair.bob().accessToken());
                UserSocketClient three = UserSocketClient.viaGateway(pair.bob().accessToken())) {
            List.of(one, two, three).forEach(device -> device.await("catch-up"));

            JsonNode call = pair.alice()
                .post("/api/contacts/" + pair.contactId() + "/calls", pair.alice().json().createObjectNode(), 201);
            String callId = call.path("callId").asString();
            for (UserSocketClient device : List.of(one, two, three)) {
                JsonNode ringing = device.await("call-ringing",
                        event -> event.path("callId").asString().equals(callId));
                assertThat(ringing.path("from").path("accountId").asString()).isEqualTo(pair.aliceId());
                assertThat(ringing.path("meetingId").asString()).isEqualTo(call.path("meetingId").asString());
            }

            JsonNode answer = pair.bob()
                .post("/api/calls/" + callId + "/answer", pair.bob().json().createObjectNode(), 200);
            assertThat(answer.path("token").asString()).isNotBlank();
            pair.bob().post("/api/calls/" + callId + "/answer", pair.bob().json().createObjectNode(), 409);
            for (UserSocketClient device : List.of(one, two, three)) {
                device.await("call-ended", event -> event.path("callId").asString().equals(callId)
                        && event.path("reason").asString().equals("answered"));
            }
        }
    }

    @Test
    void signingOutClosesThatSessionsSocketsWith4401() {
        Pair pair = contacts();
        UserSocketClient bob = UserSocketClient.viaGateway(pair.bob().accessToken());
        bob.await("catch-up");

        pair.bob().send("DELETE", "/api/session", null, 204);

        bob.await("session-revoked");
        assertThat(bob.awaitClose()).isEqualTo(4401);
    }

    @Test
    void refusesBadTokensAndBadFramesWithCloseCodes(Platform platform) {
        Platform.SignalingInstance instance = platform.signalingInstances().get(0);
        Pair pair = contacts();
        PlatformApi meetings = new PlatformApi();
        String meetingId = meetings.createMeeting("Mallory", null).path("meetingId").asString();
        String joinToken = meetings.join(meetingId, "Mallory").path("token").asString();
        for (String bad : new String[] { null, "garbage", joinToken }) {
            try (UserSocketClient device = UserSocketClient.at(instance, bad)) {
                assertThat(device.awaitClose()).isEqualTo(4401);
            }
        }
        try (UserSocketClient device = UserSocketClient.at(instance, pair.alice().accessToken())) {
            device.await("catch-up");
            device.send("{\"type\":\"offer\",\"to\":\"x\",\"sdp\":\"v=0\"}");
            assertThat(device.await("error").path("code").asString()).isEqualTo("unknown-type");
            device.send("not json");
            device.await("error", error -> error.path("code").asString().equals("malformed"));
            device.send("{\"type\":\"refresh\",\"token\":\"" + joinToken + "\"}");
            device.await("error", error -> error.path("code").asString().equals("invalid-field"));
            device.send("{\"type\":\"ping\"}");
            device.await("pong");
            device.sendBinary(new byte[] { 1, 2, 3 });
            assertThat(device.awaitClose()).isEqualTo(1003);
        }
        try (UserSocketClient device = UserSocketClient.at(instance, pair.alice().accessToken())) {
            device.await("catch-up");
            device.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
            assertThat(device.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aFreshTokenOfTheSameSignInKeepsTheSocket() {
        Pair pair = contacts();
        try (UserSocketClient bob = UserSocketClient.viaGateway(pair.bob().accessToken())) {
            bob.await("catch-up");
            pair.bob().refresh();

            bob.send("{\"type\":\"refresh\",\"token\":\"" + pair.bob().accessToken() + "\"}");

            assertThat(bob.await("refreshed").path("expiresAt").asString()).isNotBlank();
        }
    }

    private static Predicate<JsonNode> presence(String accountId, String state) {
        return event -> event.path("accountId").asString().equals(accountId)
                && event.path("state").asString().equals(state);
    }

    @Test
    void contactsSeeAPersonInAnyMeetingInACallUntilTheyLeaveIt(Platform platform) {
        Pair pair = contacts();
        List<Platform.SignalingInstance> instances = platform.signalingInstances();
        try (UserSocketClient bob = UserSocketClient.at(instances.get(0), pair.bob().accessToken())) {
            bob.await("catch-up");
            try (UserSocketClient alice = UserSocketClient.viaGateway(pair.alice().accessToken())) {
                assertThat(alice.await("catch-up").path("contacts").get(0).path("presence").asString())
                    .isEqualTo("online");
                String joinToken = pair.bob()
                    .post("/api/meetings", pair.bob().json().createObjectNode().put("hostName", "Bob"), 201)
                    .path("host")
                    .path("token")
                    .asString();

                // a meeting of his own (not a call), on the other instance
                UserSocketClient meeting = UserSocketClient.meetingAt(instances.get(1), joinToken);
                meeting.await("welcome");
                alice.await("presence", presence(pair.bobId(), "in-call"));
                int onlineBefore = alice.all("presence", presence(pair.bobId(), "online")).size();
                meeting.close();

                Awaitility.await("Bob back online for Alice")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> alice.all("presence", presence(pair.bobId(), "online")).size() > onlineBefore);
                assertThat(alice.all("presence", presence(pair.bobId(), "offline"))).isEmpty();
            }
        }
    }

}
