package io.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's Janus configuration starts a real Janus (the Debian package): the init
 * script fills in the secrets, only VideoRoom, the HTTP and WebSocket transports and the
 * sample event handler load, {@code info} answers without a secret (the probe), and the
 * admin API wants the secret. The pod's folders become temporary ones and its address the
 * loopback.
 */
class JanusConfigTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void theChartsConfigurationStartsJanusWithOnlyWhatParleyUses() throws Exception {
        int api = freePort();
        int admin = freePort();
        int websocket = freePort();
        Map<String, Object> data = Yamls.map(Chart
            .render(Chart.ciValues("janus"),
                    c -> c.set("janus.nat.stunServer", "")
                        .set("janus.ports.api", String.valueOf(api))
                        .set("janus.ports.admin", String.valueOf(admin))
                        .set("janus.ports.websocket", String.valueOf(websocket)))
            .get("ConfigMap", "parley-janus-config"), "data");
        Path template = Files.createDirectories(dir.resolve("template"));
        for (Map.Entry<String, Object> file : data.entrySet()) {
            Files.writeString(template.resolve(file.getKey()), inTempDir(file.getValue().toString()));
        }

        Tools.Result refused = prepare(template, "a\"quote");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("letters, digits");
        Tools.Result prepared = prepare(template, "api-secret-1");
        assertThat(prepared.exitCode()).as(prepared.output()).isZero();
        Path conf = dir.resolve("run/conf");
        assertThat(Files.readString(conf.resolve("janus.jcfg"))).contains("api_secret = \"api-secret-1\"",
                "admin_secret = \"admin-secret-1\"", "ice_enforce_list = \"127.0.0.1\"",
                "server_name = \"parley-janus-0\"");
        assertThat(Files.getPosixFilePermissions(conf.resolve("janus.jcfg")))
            .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readString(conf.resolve("janus.eventhandler.sampleevh.jcfg")))
            .contains("backend_pwd = \"events-password-1\"");

        Process janus = new ProcessBuilder(Tools.janus().toString(), "--configs-folder=" + conf, "--disable-colors")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("janus.log").toFile())
            .start();
        try {
            JsonNode info = awaitInfo(api, janus);
            assertThat(info.get("server-name").asString()).isEqualTo("parley-janus-0");
            assertThat(info.get("api_secret").asBoolean()).isTrue();
            assertThat(names(info.get("plugins"))).containsExactly("janus.plugin.videoroom");
            assertThat(names(info.get("transports"))).containsExactlyInAnyOrder("janus.transport.http",
                    "janus.transport.websockets");
            assertThat(names(info.get("events"))).containsExactly("janus.eventhandler.sampleevh");
            assertThat(post(admin, "/admin", "wrong").at("/error/code").asInt()).isEqualTo(403);
            assertThat(post(admin, "/admin", "admin-secret-1").get("janus").asString()).isEqualTo("success");
            assertThat(Files.readString(dir.resolve("janus.log")))
                .contains("Websockets server started (port " + websocket + ")");
        }
        finally {
            janus.destroy();
            janus.waitFor();
        }
    }

    /** Runs the pod's init script with the pod's environment. */
    private Tools.Result prepare(Path template, String apiSecret) throws IOException {
        Path script = template.resolve("prepare.sh");
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString());
        builder.environment()
            .putAll(Map.of("POD_IP", "127.0.0.1", "POD_NAME", "parley-janus-0", "JANUS_API_SECRET", apiSecret,
                    "JANUS_ADMIN_SECRET", "admin-secret-1", "JANUS_EVENTS_PASSWORD", "events-password-1"));
        Path stderr = dir.resolve("prepare.err");
        Process process = builder.redirectError(stderr.toFile()).start();
        try {
            String stdout = new String(process.getInputStream().readAllBytes());
            return new Tools.Result(process.waitFor(), stdout, Files.readString(stderr));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private String inTempDir(String file) {
        return file.replace("/etc/janus-template", dir.resolve("template").toString())
            .replace("/run/janus", dir.resolve("run").toString());
    }

    private JsonNode awaitInfo(int port, Process janus) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/janus/info")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(response.body());
            }
            catch (IOException ex) {
                if (!janus.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "Janus did not answer info:\n" + Files.readString(dir.resolve("janus.log")), ex);
                }
                Thread.sleep(100);
            }
        }
    }

    private static JsonNode post(int port, String path, String adminSecret) throws Exception {
        String body = JSON
            .writeValueAsString(Map.of("janus", "get_status", "transaction", "t", "admin_secret", adminSecret));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
