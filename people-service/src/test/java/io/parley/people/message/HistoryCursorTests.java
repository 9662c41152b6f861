package io.parley.people.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HistoryCursorTests {

    private final UUID contact = UUID.randomUUID();

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCursorDecodesToTheSequenceItWasMadeFor() {
        String cursor = HistoryCursor.encode(contact, 4711);

        assertThat(cursor).doesNotContain(contact.toString()).doesNotContain("4711");
        assertThat(HistoryCursor.decode(cursor, contact)).hasValue(4711);
    }

    @Test
    void aCursorOfAnotherConversationIsRefused() {
        assertThat(HistoryCursor.decode(HistoryCursor.encode(UUID.randomUUID(), 10), contact)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not base64 at all!", "aDEu", "%%%", "x" })
    void garbageIsRefused(String cursor) {
        assertThat(HistoryCursor.decode(cursor, contact)).isEmpty();
    }

    @Test
    void craftedCursorsAreRefused() {
        assertThat(HistoryCursor.decode(encoded("h1." + contact + ".0"), contact)).isEmpty();
        assertThat(HistoryCursor.decode(encoded("h1." + contact + ".-5"), contact)).isEmpty();
        assertThat(HistoryCursor.decode(encoded("h1." + contact + ".99999999999999999999"), contact)).isEmpty();
        assertThat(HistoryCursor.decode(encoded("h2." + contact + ".5"), contact)).isEmpty();
        assertThat(HistoryCursor.decode(encoded("h1." + contact + ".5.6"), contact)).isEmpty();
        assertThat(HistoryCursor.decode("A".repeat(500), contact)).isEmpty();
        assertThat(HistoryCursor.decode(null, contact)).isEmpty();
    }

}
