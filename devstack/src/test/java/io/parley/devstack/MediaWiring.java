package io.parley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import io.parley.harness.media.MediaNetwork;
import io.parley.harness.media.TurnClient;

/** The smoke test's look at the media servers of a running {@code ./parley up}. */
final class MediaWiring {

    private MediaWiring() {
    }

    /**
     * Janus answers, signaling reads its admin API with the secrets it was given, and a
     * joining participant gets TURN credentials that coturn accepts: the wiring, without
     * depending on how meetings use the SFU.
     */
    static void check(HttpClient http, String upLog) throws Exception {
        assertThat(upLog.lines()).as("the ready report")
            .anyMatch(line -> line.matches("\\s+janus\\s+8094\\s.*"))
            .anyMatch(line -> line.matches("\\s+coturn\\s+3480\\s.*"));
        HttpResponse<String> info = get(http, "http://127.0.0.1:8094/janus/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"server_info\"").contains("janus.plugin.videoroom");
        await().atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertThat(get(http, "http://127.0.0.1:8081/actuator/prometheus").body().lines())
                .as("signaling's reading of Janus's admin API")
                .anyMatch(line -> line.startsWith("parley_signaling_sfu_up{") && line.contains(":8094\"")
                        && line.endsWith(" 1.0")));

        String welcome = SignalingWelcome.read(http, "127.0.0.1:8080");
        List<Map<String, Object>> turn = JsonPath.read(welcome, "$.iceServers[?(@.username)]");
        assertThat(turn).as("TURN servers in %s", welcome).singleElement().satisfies(server -> {
            assertThat(server.get("urls")).asString().contains("turn:" + MediaNetwork.hostAddress() + ":3480");
            TurnClient client = new TurnClient(new InetSocketAddress(MediaNetwork.hostAddress(), 3480),
                    Duration.ofSeconds(2));
            assertThat(client.allocate((String) server.get("username"), (String) server.get("credential")).granted())
                .as("coturn accepts the credentials signaling signed")
                .isTrue();
        });
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
