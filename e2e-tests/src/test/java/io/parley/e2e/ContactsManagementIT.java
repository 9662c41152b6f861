package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * What the contact list shows beyond messages, in headless Chromium: a contact in a
 * meeting shows "in a call" and comes back when they leave; a call nobody answered stops
 * ringing, becomes a missed-call entry and counts as unread for the callee; Remove and
 * Block end a contact on both sides, and a blocked person can no longer write or call.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class ContactsManagementIT {

    private static final String PASSWORD = "correct horse battery";

    /**
     * people-service's ring timeout (45 s by default), with room for a loaded machine.
     */
    private static final Duration MISSED_TIMEOUT = Duration.ofSeconds(90);

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void theCalleeSeesAContactInACallAndAMissedCallAsUnread(Platform platform, Browsers browsers) {
        PeopleApi ada = new PeopleApi();
        ada.signUp(email("ada"), "Ada Lovelace", PASSWORD);
        ContactsPage bob = new ContactsPage(browsers.open("bob"));
        String bobEmail = email("bob");
        new AccountPage(bob.browser()).signUp(bobEmail, "Bob Kahn", PASSWORD);
        bob.open();
        ada.post("/api/contacts/requests", ada.json().createObjectNode().put("email", bobEmail), 202);
        bob.acceptRequestFrom("Ada Lovelace");
        String contactId = bob.awaitContact("Ada Lovelace");

        // Ada enters a meeting of her own: Bob's list says she is in a call until she
        // leaves
        String joinToken = ada.post("/api/meetings", ada.json().createObjectNode().put("hostName", "Ada"), 201)
            .path("host")
            .path("token")
            .asString();
        try (UserSocketClient meeting = UserSocketClient.meetingViaGateway(joinToken)) {
            meeting.await("welcome");
            await("Bob to see Ada in a call").atMost(CallPage.UI_TIMEOUT)
                .ignoreExceptions()
                .until(() -> "in-call".equals(bob.contactAttribute("Ada Lovelace", "presence"))
                        && "in a call".equals(bob.presenceTextOf("Ada Lovelace")));
            bob.browser().screenshot("contact-in-a-call");
        }
        await("Bob to see Ada leave the call").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> "offline".equals(bob.contactAttribute("Ada Lovelace", "presence")));

        // Ada calls; Bob's banner rings and nobody answers
        ada.post("/api/contacts/" + contactId + "/calls", ada.json().createObjectNode(), 201);
        await("Bob's banner to ring").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.ringingCalls().size() == 1);
        await("the call to be missed").atMost(MISSED_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.ringingCalls().isEmpty() && "1".equals(bob.contactAttribute("Ada Lovelace", "unread"))
                    && "Missed call".equals(bob.lastMessageOf("Ada Lovelace")) && bob.headerUnread() == 1);
        bob.browser().screenshot("missed-call");
        JsonNode entry = ada.get("/api/contacts/" + contactId + "/messages?limit=1").path("messages").get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("call");
        assertThat(entry.path("call").path("outcome").asString()).isEqualTo("missed");

        // reading the conversation shows the entry and clears the count on every page
        bob.openConversation("Ada Lovelace");
        await("Bob to show the missed call").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.callEntries().equals(List.of(List.of("missed", "Missed call"))));
        await("Bob's unread count to drop to zero once read").atMost(CallPage.UI_TIMEOUT)
            .until(() -> bob.headerUnread() == 0);
    }

    @Test
    void removingAndBlockingEndTheContactOnBothSides(Platform platform, Browsers browsers) {
        ContactsPage ada = new ContactsPage(browsers.open("ada"));
        ContactsPage bob = new ContactsPage(browsers.open("bob"));
        String adaEmail = email("ada");
        String bobEmail = email("bob");
        new AccountPage(ada.browser()).signUp(adaEmail, "Ada Lovelace", PASSWORD);
        new AccountPage(bob.browser()).signUp(bobEmail, "Bob Kahn", PASSWORD);
        List.of(ada, bob).forEach(ContactsPage::open);
        becomeContacts(ada, bob, bobEmail);

        // Remove: gone from both lists, live; they may ask again
        ada.endContact("Bob Kahn", "contact-remove");
        await("the contact to be gone from both lists").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> !ada.names("contact-list").contains("Bob Kahn")
                    && !bob.names("contact-list").contains("Ada Lovelace"));
        becomeContacts(ada, bob, bobEmail);

        // Block while Bob has the conversation open: his form closes and says why
        bob.openConversation("Ada Lovelace");
        String conversation = bob.path();
        ada.endContact("Bob Kahn", "contact-block");
        await("Ada to list Bob as blocked").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> ada.names("block-list").equals(List.of("Bob Kahn"))
                    && !ada.names("contact-list").contains("Bob Kahn"));
        await("Bob's conversation to refuse writing and calling").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.browser().driver().findElement(By.id("conversation-ended")).isDisplayed()
                    && !bob.browser().driver().findElement(By.id("message-input")).isEnabled()
                    && !bob.browser().driver().findElement(By.id("call-contact")).isEnabled());
        assertThat(bob.browser().driver().findElement(By.id("conversation-ended")).getText())
            .isEqualTo("Ada Lovelace is no longer your contact.");
        bob.browser().screenshot("blocked-conversation");

        // the conversation is no longer his; asking again is answered as for anyone,
        // and reaches nobody
        bob.browser().get(conversation);
        bob.awaitPage("not-contact");
        bob.open();
        bob.requestContact(adaEmail);
        ada.browser().get("/contacts");
        ada.awaitPage("contacts");
        ada.awaitLive();
        assertThat(ada.requestNames()).isEmpty();
        assertThat(ada.names("block-list")).containsExactly("Bob Kahn");
    }

    private static void becomeContacts(ContactsPage ada, ContactsPage bob, String bobEmail) {
        ada.requestContact(bobEmail);
        bob.acceptRequestFrom("Ada Lovelace");
        ada.awaitContact("Bob Kahn");
        bob.awaitContact("Ada Lovelace");
    }

}
