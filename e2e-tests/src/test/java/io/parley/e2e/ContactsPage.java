package io.parley.e2e;

import static org.awaitility.Awaitility.await;

import java.util.List;

import org.openqa.selenium.By;

/**
 * The contacts list, a conversation and the call banners as a person uses them, through
 * the ids and data-* attributes docs/web-client.md lists ("Contacts and calls"), plus
 * read-outs of what they show.
 */
final class ContactsPage {

    private final Browser browser;

    private final CallPage controls;

    ContactsPage(Browser browser) {
        this.browser = browser;
        this.controls = new CallPage(browser);
    }

    Browser browser() {
        return browser;
    }

    /**
     * "Contacts" in the header, then the list with its user socket connected (live from
     * then on).
     */
    void open() {
        controls.click(By.id("menu-contacts"));
        awaitPage("contacts");
        awaitLive();
    }

    void awaitLive() {
        await(browser.name() + "'s user socket to be connected").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> "connected".equals(browser.js("return document.documentElement.dataset.userSocket;")));
    }

    void awaitPage(String page) {
        await(browser.name() + " to show the " + page + " page").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> !browser.driver().findElements(By.cssSelector("[data-page='" + page + "']")).isEmpty());
    }

    void requestContact(String email) {
        controls.type(By.id("contact-email"), email);
        controls.click(By.id("contact-add"));
        await(browser.name() + " to say the request was sent").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> browser.driver()
                .findElement(By.id("contact-add-status"))
                .getText()
                .startsWith("Request sent"));
    }

    /**
     * Asks for {@code email} as a contact, expecting a refusal: the error shown under the
     * field.
     */
    String refusedRequest(String email) {
        controls.type(By.id("contact-email"), email);
        controls.click(By.id("contact-add"));
        await(browser.name() + " to refuse the request").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> browser.driver().findElement(By.id("contact-email-error")).isDisplayed());
        return browser.driver().findElement(By.id("contact-email-error")).getText();
    }

    /** Waits for a request from {@code name} and accepts it. */
    void acceptRequestFrom(String name) {
        awaitRequestFrom(name);
        browser.js("""
                [...document.querySelectorAll('#contact-requests li[data-request-id]')]
                  .find(li => li.querySelector('.request-name').textContent === arguments[0])
                  .querySelector('.request-accept').click();""", name);
    }

    void awaitRequestFrom(String name) {
        await(browser.name() + " to show the request of " + name).atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> requestNames().contains(name));
    }

    @SuppressWarnings("unchecked")
    List<String> requestNames() {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#contact-requests .request-name')].map(e => e.textContent);""");
    }

    /** Waits until {@code name} is listed as a contact; returns the contact id. */
    String awaitContact(String name) {
        await(browser.name() + " to list " + name + " as a contact").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> contactAttribute(name, "contactId") != null);
        return contactAttribute(name, "contactId");
    }

    /**
     * A data-* attribute (camelCase: contactId, unread, presence) of the contact row
     * named {@code name}, or null.
     */
    String contactAttribute(String name, String attribute) {
        Object value = browser.js("""
                const row = [...document.querySelectorAll('#contact-list li.contact')]
                  .find(li => li.querySelector('.contact-link').textContent === arguments[0]);
                return row ? row.dataset[arguments[1]] ?? null : null;""", name, attribute);
        return value == null ? null : value.toString();
    }

    String lastMessageOf(String name) {
        return rowText(name, ".contact-last");
    }

    /** What the row of {@code name} says of their presence ("in a call", …), or null. */
    String presenceTextOf(String name) {
        return rowText(name, ".presence-text");
    }

    private String rowText(String name, String selector) {
        Object value = browser.js("""
                const row = [...document.querySelectorAll('#contact-list li.contact')]
                  .find(li => li.querySelector('.contact-link').textContent === arguments[0]);
                return row?.querySelector(arguments[1])?.textContent ?? null;""", name, selector);
        return value == null ? null : value.toString();
    }

    /**
     * Clicks Remove ({@code contact-remove}) or Block ({@code contact-block}) on the row
     * of {@code name}, then confirms the dialog.
     */
    void endContact(String name, String button) {
        browser.js("""
                [...document.querySelectorAll('#contact-list li.contact')]
                  .find(li => li.querySelector('.contact-link').textContent === arguments[0])
                  .querySelector('.' + arguments[1]).click();""", name, button);
        controls.click(By.id("contact-dialog-confirm"));
    }

    /** The names on the contact list, or on the list of people I blocked. */
    @SuppressWarnings("unchecked")
    List<String> names(String list) {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#' + arguments[0] + ' li .item-title')]
                  .map(e => e.textContent);""", list);
    }

    void openConversation(String name) {
        browser.js("""
                [...document.querySelectorAll('#contact-list li.contact .contact-link')]
                  .find(a => a.textContent === arguments[0]).click();""", name);
        awaitPage("conversation");
    }

    void send(String text) {
        controls.type(By.id("message-input"), text);
        controls.click(By.id("message-send"));
    }

    /** The stored messages on display, oldest first (call entries as they read). */
    @SuppressWarnings("unchecked")
    List<String> messages() {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#message-log li.message:not(.pending) .message-text')]
                  .map(e => e.textContent);""");
    }

    void awaitMessages(List<String> expected) {
        await(browser.name() + " to show the messages " + expected).atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> messages().equals(expected));
    }

    /** The call entries on display: {outcome, text} of each. */
    @SuppressWarnings("unchecked")
    List<List<String>> callEntries() {
        return (List<List<String>>) browser.js("""
                return [...document.querySelectorAll('#message-log li.message[data-kind="call"]')]
                  .map(li => [li.dataset.outcome, li.querySelector('.message-text').textContent]);""");
    }

    /** The ids of the calls ringing on the incoming-call banner. */
    @SuppressWarnings("unchecked")
    List<String> ringingCalls() {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#incoming-calls .call-banner[data-state="ringing"]')]
                  .map(e => e.dataset.callId);""");
    }

    /** Which tone the page plays: ringtone, ringback, or null. */
    String tone() {
        Object tone = browser.js("return document.documentElement.dataset.tone ?? null;");
        return tone == null ? null : tone.toString();
    }

    boolean outgoingRinging() {
        return "ringing".equals(controls.attribute(By.id("outgoing-call"), "data-state"));
    }

    void call() {
        controls.click(By.id("call-contact"));
    }

    void answer() {
        controls.click(By.cssSelector("#incoming-calls .call-answer"));
    }

    /** Declines the call ringing on the incoming-call banner. */
    void decline() {
        controls.click(By.cssSelector("#incoming-calls .call-decline"));
    }

    /**
     * Puts {@code text} into the message box at once (typing a long text key by key is
     * slow).
     */
    void draft(String text) {
        browser.js("document.getElementById('message-input').value = arguments[0];", text);
    }

    /** The error under the message box, or null while there is none. */
    String messageError() {
        Object text = browser.js("""
                const error = document.getElementById('message-input-error');
                return error ? error.textContent : null;""");
        return text == null ? null : text.toString();
    }

    /**
     * The header's count of unread messages over all contacts: 0 while the badge is
     * hidden.
     */
    int headerUnread() {
        Object text = browser.js("""
                const badge = document.getElementById('menu-contacts-unread');
                return badge && !badge.hidden ? badge.textContent : '0';""");
        return Integer.parseInt(text.toString());
    }

    String path() {
        return browser.js("return location.pathname;").toString();
    }

}
