package io.parley.people.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefreshTokensTests {

    @Test
    void generatedTokensAreWellFormedAndDistinct() {
        String first = RefreshTokens.generate();
        String second = RefreshTokens.generate();

        assertThat(RefreshTokens.wellFormed(first)).isTrue();
        assertThat(first).isNotEqualTo(second);
        assertThat(RefreshTokens.hash(first)).hasSize(32).isNotEqualTo(RefreshTokens.hash(second));
    }

    @Test
    void anythingElseIsNotWorthALookup() {
        assertThat(RefreshTokens.wellFormed(null)).isFalse();
        assertThat(RefreshTokens.wellFormed("")).isFalse();
        assertThat(RefreshTokens.wellFormed("x".repeat(42))).isFalse();
        assertThat(RefreshTokens.wellFormed("%".repeat(43))).isFalse();
    }
}
