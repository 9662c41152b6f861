package io.parley.people.message;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

import io.parley.people.session.Caller;
import io.parley.people.web.PeopleProblem;
import io.parley.support.text.UserText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Direct messages between contacts (PEOPLE.md §3): send, history, read marker. Input is
 * checked here (400).
 */
@RestController
class MessageController {

    static final int MAX_TEXT = 4000;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 50;

    /**
     * A UUID fits, and so does any other id a client makes up for a message, without room
     * for abuse.
     */
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    record SendRequest(String clientMessageId, String text) {
    }

    record ReadRequest(String upTo) {
    }

    @PostMapping("/api/contacts/{contactId}/messages")
    Mono<ResponseEntity<Message>> send(Caller caller, @PathVariable String contactId, @RequestBody SendRequest body) {
        UUID contact = contactId(contactId);
        String clientMessageId = body.clientMessageId();
        if (clientMessageId == null || !CLIENT_MESSAGE_ID.matcher(clientMessageId).matches()) {
            throw PeopleProblem.invalid("clientMessageId",
                    "clientMessageId is required: 1 to 64 letters, digits, '.', '_', ':' or '-' (a UUID will do).");
        }
        String text = text(body.text());
        return messages.send(caller.accountId(), contact, clientMessageId, text)
            .map(sent -> sent.repeated() ? ResponseEntity.ok(sent.message())
                    : ResponseEntity.status(HttpStatus.CREATED).body(sent.message()));
    }

    @GetMapping("/api/contacts/{contactId}/messages")
    Mono<Messages.Page> history(Caller caller, @PathVariable String contactId,
            @RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        UUID contact = contactId(contactId);
        int size = limit(limit);
        Long beforeSeq = null;
        if (before != null) {
            OptionalLong decoded = HistoryCursor.decode(before, contact);
            if (decoded.isEmpty()) {
                throw PeopleProblem.invalid("before",
                        "before must be the next cursor of an earlier page of this " + "conversation.");
            }
            beforeSeq = decoded.getAsLong();
        }
        return messages.history(caller.accountId(), contact, beforeSeq, size);
    }

    @PostMapping("/api/contacts/{contactId}/read")
    Mono<ResponseEntity<Void>> read(Caller caller, @PathVariable String contactId, @RequestBody ReadRequest body) {
        UUID contact = contactId(contactId);
        UUID upTo;
        try {
            upTo = UUID.fromString(String.valueOf(body.upTo()));
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.invalid("upTo", "upTo must be the id of a message in this conversation.");
        }
        return messages.read(caller.accountId(), contact, upTo).thenReturn(ResponseEntity.noContent().build());
    }

    private static String text(String value) {
        String text = UserText.strip(value);
        return switch (UserText.message(text, MAX_TEXT)) {
            case OK -> text;
            case EMPTY -> throw PeopleProblem.invalid("text", "text is required (1 to " + MAX_TEXT + " characters).");
            case TOO_LONG -> throw PeopleProblem.invalid("text", "text must be at most " + MAX_TEXT + " characters.");
            case FORBIDDEN_CHARACTER -> throw PeopleProblem.invalid("text",
                    "text must not contain control characters (other than line breaks and tabs) or text-direction "
                            + "overrides.");
        };
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw PeopleProblem.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /**
     * Not an id at all is refused like the id of someone else's contact: this person has
     * no such contact.
     */
    private static UUID contactId(String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw Conversations.notContact();
        }
    }

}
