package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Contacts, direct messages and calls in headless Chromium through the gateway, Ada and
 * Bob each in a browser of their own: they become contacts, write to each other live,
 * Bob's unread count follows his reading, a reload finds the history; Ada calls, Bob's
 * banner rings, a declined call and an answered one (video both ways) each end up as a
 * call entry in the conversation of both.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class ContactsIT {

    private static final String PASSWORD = "correct horse battery";

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void contactsWriteLiveAndCallEachOther(Platform platform, Browsers browsers) {
        ContactsPage ada = new ContactsPage(browsers.open("ada"));
        ContactsPage bob = new ContactsPage(browsers.open("bob"));
        String adaEmail = email("ada");
        String bobEmail = email("bob");
        new AccountPage(ada.browser()).signUp(adaEmail, "Ada Lovelace", PASSWORD);
        new AccountPage(bob.browser()).signUp(bobEmail, "Bob Kahn", PASSWORD);
        List.of(ada, bob).forEach(ContactsPage::open);

        // the server's refusal shows under the field; a request reaches Bob as it is
        // made, and accepting it makes
        // them contacts on both sides
        assertThat(ada.refusedRequest(adaEmail)).isEqualTo("That is your own address.");
        ada.requestContact(bobEmail);
        bob.acceptRequestFrom("Ada Lovelace");
        ada.awaitContact("Bob Kahn");
        bob.awaitContact("Ada Lovelace");
        await("Bob's request list to empty").atMost(CallPage.UI_TIMEOUT).until(() -> bob.requestNames().isEmpty());

        // a message the server would refuse stays in the box with the reason under it,
        // and nothing is sent
        ada.openConversation("Bob Kahn");
        ada.draft("x".repeat(4001));
        ada.browser().driver().findElement(By.id("message-send")).click();
        await("the too-long message to be refused").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> ada.messageError().contains("at most 4,000 characters"));
        assertThat(ada.messages()).isEmpty();

        // Ada writes: Bob sees it live on his list and counts it unread until he has read
        // it
        ada.draft("");
        ada.send("Hello Bob, it is Ada.");
        await("the error to go once a good message is sent").atMost(CallPage.UI_TIMEOUT)
            .until(() -> ada.messageError() == null);
        await("Bob to count one unread message").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> "1".equals(bob.contactAttribute("Ada Lovelace", "unread"))
                    && "Hello Bob, it is Ada.".equals(bob.lastMessageOf("Ada Lovelace")) && bob.headerUnread() == 1);
        bob.openConversation("Ada Lovelace");
        bob.awaitMessages(List.of("Hello Bob, it is Ada."));
        await("Bob's unread count to drop to zero once read").atMost(CallPage.UI_TIMEOUT)
            .until(() -> bob.headerUnread() == 0);

        // the answer arrives live, and a reload reads the same history from the server
        bob.send("Hi Ada! Bob here.");
        List<String> conversation = List.of("Hello Bob, it is Ada.", "Hi Ada! Bob here.");
        ada.awaitMessages(conversation);
        bob.awaitMessages(conversation);
        bob.browser().get(bob.path());
        bob.awaitPage("conversation");
        bob.awaitMessages(conversation);
        bob.awaitLive();
        bob.browser().screenshot("conversation");

        // Ada calls and hears ringback; Bob's banner rings; he declines, and both
        // conversations show the call
        ada.call();
        await("Ada to hear ringback").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> ada.outgoingRinging() && "ringback".equals(ada.tone()));
        await("Bob's banner to ring").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.ringingCalls().size() == 1 && "ringtone".equals(bob.tone()));
        bob.browser().screenshot("incoming-call");
        bob.decline();
        awaitCallEntries(ada, List.of(List.of("declined", "Call declined")));
        awaitCallEntries(bob, List.of(List.of("declined", "Declined call")));
        assertThat(ada.tone()).as("Ada's ringback stopped").isNull();

        // the second call is answered: the meeting opens for both, with video both ways
        ada.call();
        await("Bob's banner to ring again").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> bob.ringingCalls().size() == 1);
        bob.answer();
        CallPage caller = new CallPage(ada.browser());
        CallPage callee = new CallPage(bob.browser());
        caller.awaitConnected();
        callee.awaitConnected();
        caller.awaitVideoPlaying(callee.selfId(), CallPage.JOIN_TIMEOUT);
        callee.awaitVideoPlaying(caller.selfId(), CallPage.JOIN_TIMEOUT);
        await("the ringing to stop on both sides").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> !ada.outgoingRinging() && ada.tone() == null && bob.tone() == null);
        ada.browser().screenshot("contact-call");

        // Ada hangs up: both are back in the conversation, which has the call's entry
        caller.click(By.id("leave-call"));
        for (ContactsPage person : List.of(ada, bob)) {
            await(person.browser().name() + " to show the answered call").atMost(CallPage.UI_TIMEOUT)
                .ignoreExceptions()
                .until(() -> person.callEntries().size() == 2 && "ended".equals(person.callEntries().get(1).get(0))
                        && person.callEntries().get(1).get(1).startsWith("Call, "));
            assertThat(person.path()).as(person.browser().name() + " left the call's meeting").startsWith("/contacts/");
        }
    }

    private static void awaitCallEntries(ContactsPage person, List<List<String>> expected) {
        person.awaitPage("conversation");
        await(person.browser().name() + " to show the call entries " + expected).atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> person.callEntries().equals(expected));
    }

    @Test
    void theConversationRulesHoldInTheBrowser(Platform platform, Browsers browsers) {
        Browser browser = browsers.open("rules");
        browser.get("/");
        Object outcomes = evaluate(browser, """
                [1000, 1006, 4503, 4000, 4401].map(code => m.userSocketOutcome(code))
                  .concat([m.userSocketOutcome(1006, {drainRequested: true})])""");
        assertThat(outcomes)
            .isEqualTo(List.of("closed", "reconnect", "reconnect", "reconnect-soon", "refresh", "reconnect-soon"));
        assertThat(evaluate(browser,
                "[0, 1, 5, 9].map(a => [m.userSocketDelay(a, () => 0), m.userSocketDelay(a, () => 1)])"))
            .isEqualTo(List.of(List.of(500L, 1000L), List.of(1000L, 2000L), List.of(15000L, 30000L),
                    List.of(15000L, 30000L)));
        Object texts = evaluate(browser, """
                [' \\n ', 'two\\nlines\\tand a tab', 'evil\\u202Egnp.exe', 'x'.repeat(4001), '😀'.repeat(4000),
                 'bell\\u0007', 'broken\\uD800']
                  .map(text => m.messageTextProblem(text) === null)""");
        assertThat(texts).isEqualTo(List.of(false, true, false, false, true, false, false));
        Object entries = evaluate(browser, """
                ['ended', 'declined', 'cancelled', 'missed', 'busy'].map(outcome => {
                  const entry = {kind: 'call', senderId: 'ada', call: {outcome, durationSeconds: 185, callerId: 'ada'}};
                  return [m.callEntryText(entry, 'ada'), m.callEntryText(entry, 'bob')];
                })""");
        assertThat(entries)
            .isEqualTo(List.of(List.of("Call, 3 min", "Call, 3 min"), List.of("Call declined", "Declined call"),
                    List.of("Cancelled call", "Missed call"), List.of("No answer", "Missed call"),
                    List.of("No answer: they were in another call", "Missed call (you were in another call)")));
        Object merged = evaluate(browser, """
                (() => {
                  const shown = new Map();
                  const first = m.mergeMessages(shown, [{messageId: 'b', seq: 2, kind: 'text'},
                                                        {messageId: 'a', seq: 1, kind: 'text'}]);
                  const again = m.mergeMessages(shown, [{messageId: 'b', seq: 2, kind: 'text'},
                                                        {messageId: 'c', seq: 3, kind: 'call'}]);
                  return {first: first.map(x => x.seq), again: again.map(x => x.seq),
                          gap: [m.hasGap(3, {seq: 5}), m.hasGap(5, {seq: 5}), m.hasGap(0, null)],
                          unread: m.unreadTotal([{unread: 2}, {unread: 0}, {unread: 3}])};
                })()""");
        assertThat(merged).isEqualTo(Map.of("first", List.of(1L, 2L), "again", List.of(3L), "gap",
                List.of(true, false, false), "unread", 5L));
        Object routes = evaluate(browser, "/js/router.js", "['/contacts', '/contacts/c-1'].map(path => m.parse(path))");
        assertThat(routes)
            .isEqualTo(List.of(Map.of("view", "contacts"), Map.of("view", "contact", "contactId", "c-1")));
    }

    /**
     * Imports contacts-logic.js from the gateway as {@code m} and returns the value of
     * {@code expression}.
     */
    private static Object evaluate(Browser browser, String expression) {
        return evaluate(browser, "/js/contacts-logic.js", expression);
    }

    private static Object evaluate(Browser browser, String module, String expression) {
        return browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                import(arguments[0]).then(m => done(%s)).catch(error => done('failed: ' + error));"""
            .formatted(expression), module);
    }

}
