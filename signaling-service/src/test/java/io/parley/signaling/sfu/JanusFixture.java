package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.List;

import io.parley.harness.JanusServerProcess;
import org.springframework.web.reactive.function.client.WebClient;

/** Settings and clients for a Janus the harness started. */
final class JanusFixture {

    private JanusFixture() {
    }

    static SfuProperties settings(JanusServerProcess janus, String apiSecret) {
        return new SfuProperties(
                List.of(new SfuProperties.Instance(janus.apiUri(), janus.adminUri(), janus.websocketUri(), null)),
                MediaMode.AUTO, apiSecret, janus.adminSecret(), 5, 100, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(15), Duration.ofHours(12));
    }

    static JanusClient client(JanusServerProcess janus) {
        SfuProperties settings = settings(janus, janus.apiSecret());
        return new JanusClient(WebClient.builder(), settings.instances().get(0), settings);
    }

    static VideoRooms rooms(JanusServerProcess janus, String apiSecret) {
        SfuProperties settings = settings(janus, apiSecret);
        return new VideoRooms(new JanusClient(WebClient.builder(), settings.instances().get(0), settings),
                settings.instances().get(0), settings);
    }

}
