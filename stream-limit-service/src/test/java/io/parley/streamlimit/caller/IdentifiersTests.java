package io.parley.streamlimit.caller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTests {

    @ParameterizedTest
    @ValueSource(strings = { "m1:p1", "3f2a9c1e-7b1d-4c1a-9a39-2b9d6f3c1e55", "user@example.com", "a.b_c~d+e=f" })
    void acceptsIdsSafeInPathsAndKeys(String id) {
        assertThat(Identifiers.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a b", "a/b", "a?b", "a%20b", "{x}", "é", "a\nb" })
    void refusesEverythingElse(String id) {
        assertThat(Identifiers.isValid(id)).isFalse();
    }

    @Test
    void refusesOverlongAndMissingIds() {
        assertThat(Identifiers.isValid("x".repeat(Identifiers.MAX_LENGTH))).isTrue();
        assertThat(Identifiers.isValid("x".repeat(Identifiers.MAX_LENGTH + 1))).isFalse();
        assertThat(Identifiers.isValid(null)).isFalse();
    }

}
