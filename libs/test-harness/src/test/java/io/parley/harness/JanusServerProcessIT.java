package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JanusServerProcessIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void runsOnlyTheVideoRoomPluginAndTheHttpAndWebSocketTransportsOnTheHostAddress() throws Exception {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            String info = get(URI.create(janus.apiUri() + "/info"));

            Map<String, Object> plugins = JsonPath.read(info, "$.plugins");
            Map<String, Object> transports = JsonPath.read(info, "$.transports");
            assertThat(plugins).containsOnlyKeys("janus.plugin.videoroom");
            assertThat(transports).containsOnlyKeys("janus.transport.http", "janus.transport.websockets");
            assertThat(JsonPath.<String>read(info, "$['local-ip']")).isEqualTo(janus.mediaAddress())
                .isNotEqualTo("127.0.0.1");
            assertThat(JsonPath.<Boolean>read(info, "$['api_secret']")).isTrue();
        }
    }

    @Test
    void answersTheJanusApiOverAWebSocketWithTheJanusProtocol() throws Exception {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            WebSocket socket = http.newWebSocketBuilder()
                .subprotocols("janus-protocol")
                .buildAsync(janus.websocketUri(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                })
                .get(5, TimeUnit.SECONDS);

            socket.sendText("{\"janus\":\"info\",\"transaction\":\"t1\"}", true);

            String info = reply.get(5, TimeUnit.SECONDS);
            assertThat(JsonPath.<String>read(info, "$.janus")).isEqualTo("server_info");
            assertThat(JsonPath.<String>read(info, "$.transaction")).isEqualTo("t1");
            socket.abort();
        }
    }

    @Test
    void adminApiAnswersOnlyWithTheGeneratedSecret() throws Exception {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            String listed = post(janus.adminUri(),
                    "{\"janus\":\"list_sessions\",\"transaction\":\"t1\",\"admin_secret\":\"" + janus.adminSecret()
                            + "\"}");
            String refused = post(janus.adminUri(),
                    "{\"janus\":\"list_sessions\",\"transaction\":\"t2\",\"admin_secret\":\"janusoverlord\"}");

            assertThat(JsonPath.<String>read(listed, "$.janus")).isEqualTo("success");
            assertThat(JsonPath.<Integer>read(refused, "$.error.code")).isEqualTo(403);
        }
    }

    @Test
    void keepsItsSecretsInAFileOnlyItsOwnerReads() throws Exception {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            Path config = dir.resolve("conf/janus.jcfg");

            assertThat(Files.readString(config)).contains(janus.apiSecret(), janus.adminSecret());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        }
    }

    @Test
    void stopsAnsweringWhenKilledAndAnswersAgainAfterStart() {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            String apiSecret = janus.apiSecret();

            janus.kill();
            assertThat(janus.answersInfo()).isFalse();
            assertThat(janus.isRunning()).isFalse();

            janus.start();
            assertThat(janus.answersInfo()).isTrue();
            assertThat(janus.apiSecret()).isEqualTo(apiSecret);
        }
    }

    @Test
    void postsAHandlesAttachWithItsOpaqueIdToTheEventHandlerWithBasicAuth() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/events", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        backend.start();
        JanusEventHandler handler = JanusEventHandler
            .to(URI.create("http://127.0.0.1:" + backend.getAddress().getPort() + "/events"));
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir, handler)) {
            String created = post(janus.apiUri(),
                    "{\"janus\":\"create\",\"transaction\":\"t1\",\"apisecret\":\"" + janus.apiSecret() + "\"}");
            long session = JsonPath.<Number>read(created, "$.data.id").longValue();
            post(URI.create(janus.apiUri() + "/" + session),
                    "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\",\"opaque_id\":\"parley:m1:p1\","
                            + "\"transaction\":\"t2\",\"apisecret\":\"" + janus.apiSecret() + "\"}");

            await().atMost(Duration.ofSeconds(10))
                .until(() -> bodies.stream().anyMatch(body -> body.contains("parley:m1:p1")));
            String body = bodies.stream().filter(posted -> posted.contains("parley:m1:p1")).findFirst().orElseThrow();
            assertThat(JsonPath.<List<Integer>>read(body, "$[?(@.opaque_id == 'parley:m1:p1')].type")).contains(2);
            assertThat(JsonPath.<List<String>>read(body, "$[?(@.opaque_id == 'parley:m1:p1')].event.name"))
                .contains("attached");
            assertThat(authorizations).allMatch(header -> header.equals("Basic " + Base64.getEncoder()
                .encodeToString((handler.user() + ":" + handler.password()).getBytes(StandardCharsets.UTF_8))));
            assertThat(PosixFilePermissions
                .toString(Files.getPosixFilePermissions(dir.resolve("conf/janus.eventhandler.sampleevh.jcfg"))))
                .isEqualTo("rw-------");
        }
        finally {
            backend.stop(0);
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

}
