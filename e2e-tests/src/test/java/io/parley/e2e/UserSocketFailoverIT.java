package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signaling instance a device's user socket is on dies: the device reconnects through
 * the gateway to another instance, its catch-up counts what was written meanwhile, the
 * history holds each message once, and nothing is delivered twice. The instance killed is
 * a spare one started beside the platform's two, so no test after this one loses an
 * instance; it runs just before FailoverIT all the same, since the spare's consumer dies
 * with the Kafka group's partitions it held, which the group takes a session timeout to
 * hand on.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class UserSocketFailoverIT {

    private static final String PASSWORD = "correct horse battery staple";

    private static JsonNode send(PeopleApi from, String contactId, String text) {
        ObjectNode body = from.json()
            .createObjectNode()
            .put("clientMessageId", UUID.randomUUID().toString())
            .put("text", text);
        return from.post("/api/contacts/" + contactId + "/messages", body, 201);
    }

    private static String idOf(JsonNode message) {
        return message.path("messageId").asString();
    }

    private static List<JsonNode> deliveries(UserSocketClient device, JsonNode sent) {
        return device.all("message", event -> event.path("message").path("messageId").asString().equals(idOf(sent)));
    }

    @Test
    void aDeviceWhoseInstanceDiesReconnectsElsewhereAndCatchesUpWithNothingLostOrTwice(Platform platform)
            throws IOException {
        String run = UUID.randomUUID().toString();
        PeopleApi alice = new PeopleApi();
        alice.signUp("alice-" + run + "@example.org", "Alice", PASSWORD);
        PeopleApi bob = new PeopleApi();
        String bobEmail = "bob-" + run + "@example.org";
        bob.signUp(bobEmail, "Bob", PASSWORD);
        alice.post("/api/contacts/requests", alice.json().createObjectNode().put("email", bobEmail), 202);
        String requestId = bob.get("/api/contacts/requests").path("incoming").get(0).path("requestId").asString();
        String contactId = bob
            .post("/api/contacts/requests/" + requestId + "/accept", bob.json().createObjectNode(), 201)
            .path("contactId")
            .asString();

        Platform.SignalingInstance model = platform.signalingInstances().get(0);
        try (UserSocketSpareInstance spare = UserSocketSpareInstance.startLike(model,
                Path.of("target", "e2e", "signaling-spare.log"))) {
            UserSocketClient before = UserSocketClient.at(spare.instance(), bob.accessToken());
            before.await("catch-up");
            JsonNode first = send(alice, contactId, "before the crash");
            before.await("message", event -> event.path("message").path("messageId").asString().equals(idOf(first)));

            spare.kill();
            assertThat(before.awaitClose()).as("the socket died with its instance").isNotEqualTo(1000);
            List<JsonNode> meanwhile = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                meanwhile.add(send(alice, contactId, "while you were reconnecting " + i));
            }

            try (UserSocketClient after = UserSocketClient.viaGateway(bob.accessToken())) {
                JsonNode contact = after.await("catch-up").path("contacts").get(0);
                assertThat(contact.path("unread").asInt()).isEqualTo(4);
                assertThat(contact.path("lastMessage").path("messageId").asString()).isEqualTo(idOf(meanwhile.get(2)));

                // a message after the reconnect arrives once; by then (same person, same
                // partition) any late copy of the earlier ones would have come too
                JsonNode last = send(alice, contactId, "after the reconnect");
                after.await("message", event -> event.path("message").path("messageId").asString().equals(idOf(last)));
                assertThat(deliveries(after, last)).hasSize(1);
                for (JsonNode sent : meanwhile) {
                    // written after the crash, so no consumer that died had them
                    assertThat(deliveries(after, sent)).as("delivered live at most once").hasSizeLessThanOrEqualTo(1);
                }

                List<String> history = new ArrayList<>();
                bob.get("/api/contacts/" + contactId + "/messages?limit=100")
                    .path("messages")
                    .forEach(message -> history.add(idOf(message)));
                assertThat(history).containsExactly(idOf(last), idOf(meanwhile.get(2)), idOf(meanwhile.get(1)),
                        idOf(meanwhile.get(0)), idOf(first));
            }
        }
    }

}
