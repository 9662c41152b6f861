package io.parley.people.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class InvitationTokensTests {

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        String token = InvitationTokens.generate();

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(InvitationTokens.wellFormed(token)).isTrue();
        assertThat(InvitationTokens.generate()).isNotEqualTo(token);
    }

    @Test
    void onlyTheSha256IsKeptAndItIsTheSameForTheSameToken() {
        String token = InvitationTokens.generate();

        assertThat(InvitationTokens.hash(token)).hasSize(32).isEqualTo(InvitationTokens.hash(token));
    }

    @Test
    void anythingElseIsNotWorthALookup() {
        assertThat(InvitationTokens.wellFormed(null)).isFalse();
        assertThat(InvitationTokens.wellFormed("short")).isFalse();
        assertThat(InvitationTokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(InvitationTokens.wellFormed("a".repeat(42) + "é")).isFalse();
    }
}
