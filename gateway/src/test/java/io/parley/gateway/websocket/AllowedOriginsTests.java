package io.parley.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllowedOriginsTests {

    private final AllowedOrigins none = new AllowedOrigins(List.of());

    @Test
    void allowsThePageOfTheHostTheUpgradeWasSentTo() {
        assertThat(none.allows("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(none.allows("https://parley.example", "parley.example")).isTrue();
        assertThat(none.allows("HTTPS://Parley.Example", "parley.example")).isTrue();
    }

    @Test
    void refusesAnotherHostOrPort() {
        assertThat(none.allows("https://evil.example", "parley.example")).isFalse();
        assertThat(none.allows("http://localhost:3000", "localhost:8080")).isFalse();
        assertThat(none.allows("https://parley.example.evil.example", "parley.example")).isFalse();
    }

    @Test
    void refusesOpaqueAndNonWebOrigins() {
        assertThat(none.allows("null", "parley.example")).isFalse();
        assertThat(none.allows("file://parley.example", "parley.example")).isFalse();
        assertThat(none.allows("not a uri", "parley.example")).isFalse();
        assertThat(none.allows("https://parley.example", null)).isFalse();
    }

    @Test
    void allowsConfiguredOriginsWhateverTheHost() {
        AllowedOrigins origins = new AllowedOrigins(List.of("https://app.example/", "HTTP://localhost:3000"));

        assertThat(origins.allows("https://app.example", "parley.example")).isTrue();
        assertThat(origins.allows("http://localhost:3000", "localhost:8080")).isTrue();
        assertThat(origins.allows("https://other.example", "parley.example")).isFalse();
    }

    @Test
    void allowsClientsThatAreNotBrowsers() {
        assertThat(none.allows(null, "parley.example")).isTrue();
    }

}
