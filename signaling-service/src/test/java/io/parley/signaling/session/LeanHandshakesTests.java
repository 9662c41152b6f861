package io.parley.signaling.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;

class LeanHandshakesTests {

    private static HandshakeInfo handshake(String uri) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
        headers.add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        return new HandshakeInfo(URI.create(uri), headers, new LinkedMultiValueMap<>(), Mono.empty(), null,
                new InetSocketAddress("127.0.0.1", 40000), Map.of("kept", true), "[abc] ");
    }

    @Test
    void movesTheTokenFromTheUriToTheAttributesAndDropsTheHeaders() {
        HandshakeInfo lean = LeanHandshakes.lean(handshake("ws://parley.example/ws/signaling?access_token=a.b-c_d.e"));

        assertThat(lean.getAttributes()).containsEntry(LeanHandshakes.TOKEN, "a.b-c_d.e").containsEntry("kept", true);
        assertThat(lean.getUri()).hasToString("ws://parley.example/ws/signaling");
        assertThat(lean.getHeaders().isEmpty()).isTrue();
        assertThat(lean.getRemoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 40000));
        assertThat(lean.getLogPrefix()).isEqualTo("[abc] ");
    }

    @Test
    void aHandshakeWithoutTokenHasNoTokenAttribute() {
        HandshakeInfo lean = LeanHandshakes.lean(handshake("ws://parley.example/ws/signaling?other=1"));

        assertThat(lean.getAttributes()).doesNotContainKey(LeanHandshakes.TOKEN);
        assertThat(lean.getUri()).hasToString("ws://parley.example/ws/signaling");
    }

}
