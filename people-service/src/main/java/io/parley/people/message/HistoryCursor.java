package io.parley.people.message;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where a history page ended, handed to clients as {@code next} and taken back as
 * {@code before}. Opaque to them (base64url of {@code h1.<contactId>.<seq>}); it names
 * its conversation, so a cursor from one conversation is refused in another instead of
 * paging through it. Pages go by sequence number, which never changes and only grows, so
 * messages that arrive meanwhile land above the first page and never shift the pages
 * below it.
 */
final class HistoryCursor {

    private static final String VERSION = "h1";

    private static final int MAX_LENGTH = 128;

    private HistoryCursor() {
    }

    static String encode(UUID contactId, long seq) {
        String plain = VERSION + "." + contactId + "." + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The sequence number to page below; empty for anything this service did not hand out
     * for this conversation.
     */
    static OptionalLong decode(String cursor, UUID contactId) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3 || !VERSION.equals(parts[0]) || !contactId.toString().equals(parts[1])
                    || !parts[2].matches("[1-9][0-9]{0,17}")) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(parts[2]));
        }
        catch (IllegalArgumentException notBase64) {
            return OptionalLong.empty();
        }
    }

}
