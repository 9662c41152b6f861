package io.parley.harness.http;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * A client for requests whose body a service refuses with 413 before reading it all. Each
 * request gets a connection of its own: on a pooled keep-alive connection, Reactor Netty
 * 1.3.8's server can buffer such a request behind the previous one's not-yet-terminated
 * operations and never dispatch it, so the client waits until its timeout.
 */
public final class OversizedBodies {

    private OversizedBodies() {
    }

    public static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
            .baseUrl(baseUrl)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

}
