package io.parley.people.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretTokensTests {

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        String token = SecretTokens.generate();

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(SecretTokens.wellFormed(token)).isTrue();
        assertThat(SecretTokens.generate()).isNotEqualTo(token);
    }

    @Test
    void onlyTheSha256IsKeptAndItIsTheSameForTheSameToken() {
        String token = SecretTokens.generate();

        assertThat(SecretTokens.hash(token)).hasSize(32).isEqualTo(SecretTokens.hash(token));
    }

    @Test
    void anythingElseIsNotWorthALookup() {
        assertThat(SecretTokens.wellFormed(null)).isFalse();
        assertThat(SecretTokens.wellFormed("short")).isFalse();
        assertThat(SecretTokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(SecretTokens.wellFormed("a".repeat(42) + "é")).isFalse();
    }

}
