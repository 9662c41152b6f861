package io.parley.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTests {

    @Test
    void theGatewaysEntryIsTheLastOfXForwardedFor() {
        var request = MockServerHttpRequest.post("/api/meetings")
            .header("X-Forwarded-For", "10.9.9.9, 198.51.100.7")
            .header("X-Forwarded-For", " 203.0.113.5 ")
            .remoteAddress(new InetSocketAddress("127.0.0.1", 40000))
            .build();

        assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.5");
    }

    @Test
    void withoutTheHeaderTheConnectionCounts() {
        var request = MockServerHttpRequest.post("/api/meetings")
            .remoteAddress(new InetSocketAddress("192.0.2.44", 40000))
            .build();

        assertThat(ClientAddress.of(request)).isEqualTo("192.0.2.44");
    }

    @Test
    void anOverlongOrEmptyEntryIsNotBelieved() {
        for (String forwarded : new String[] { "x".repeat(65), " " }) {
            var request = MockServerHttpRequest.post("/api/meetings")
                .header("X-Forwarded-For", forwarded)
                .remoteAddress(new InetSocketAddress("192.0.2.44", 40000))
                .build();

            assertThat(ClientAddress.of(request)).isEqualTo("192.0.2.44");
        }
    }

}
