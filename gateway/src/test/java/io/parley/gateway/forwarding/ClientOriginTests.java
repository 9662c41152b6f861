package io.parley.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;

import io.parley.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientOriginTests {

    private static ClientOrigin behind(int trustedProxies) {
        Map<String, String> settings = Map.of("parley.gateway.services.meeting-service", "http://127.0.0.1:8082",
                "parley.gateway.rate-limit.trusted-proxies", String.valueOf(trustedProxies));
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(settings))
            .bind("parley.gateway", GatewayProperties.class)
            .get();
        return new ClientOrigin(properties);
    }

    private static MockServerHttpRequest.BaseBuilder<?> fromTheConnection(String url) {
        return MockServerHttpRequest.get(url).remoteAddress(new InetSocketAddress("192.0.2.10", 40000));
    }

    @Test
    void believesNoForwardedHeaderWithoutTrustedProxies() {
        MockServerHttpRequest request = fromTheConnection("http://meet.example.com/api/me")
            .header("X-Forwarded-For", "203.0.113.7")
            .header("X-Forwarded-Proto", "https")
            .build();
        ClientOrigin origin = behind(0);

        assertThat(origin.address(MockServerWebExchange.from(request))).isEqualTo("192.0.2.10");
        assertThat(origin.scheme(request)).isEqualTo("http");
    }

    @Test
    void takesWhatTheTrustedProxyAppendedNotWhatTheClientWrote() {
        MockServerHttpRequest request = fromTheConnection("http://meet.example.com/api/me")
            .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
            .header("X-Forwarded-Proto", "http, https")
            .build();
        ClientOrigin origin = behind(1);

        assertThat(origin.address(MockServerWebExchange.from(request))).isEqualTo("203.0.113.7");
        assertThat(origin.scheme(request)).isEqualTo("https");
    }

    @Test
    void readsTheOutermostOfSeveralTrustedProxies() {
        MockServerHttpRequest request = fromTheConnection("http://meet.example.com/api/me")
            .header("X-Forwarded-Proto", "https", "http")
            .build();

        assertThat(behind(2).scheme(request)).isEqualTo("https");
    }

    @Test
    void takesAProxysSingleReplacedValueAsItIs() {
        MockServerHttpRequest request = fromTheConnection("http://meet.example.com/api/me")
            .header("X-Forwarded-Proto", "HTTPS")
            .build();

        assertThat(behind(2).scheme(request)).isEqualTo("https");
    }

    @Test
    void fallsBackToTheConnectionWhenTheProxySaysNothing() {
        MockServerHttpRequest request = fromTheConnection("https://meet.example.com/api/me").build();

        assertThat(behind(1).scheme(request)).isEqualTo("https");
        assertThat(behind(1).address(MockServerWebExchange.from(request))).isEqualTo("192.0.2.10");
    }

}
