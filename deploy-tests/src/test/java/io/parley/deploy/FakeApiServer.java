package io.parley.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal Kubernetes API server for Helm's {@code lookup}.
 *
 * <p>
 * helm-java's {@code template} asks the cluster when a template calls {@code lookup}
 * (unlike the helm CLI's {@code helm template}, which never does). The build points
 * KUBECONFIG at a file this class writes, so those calls land here and never on a real
 * cluster: Secrets registered with {@link #putSecret} exist, everything else is 404,
 * which {@code lookup} turns into an empty result, as on a first install.
 */
final class FakeApiServer {

    /** Where the build (surefire's environment) points KUBECONFIG. */
    static final String KUBECONFIG_PROPERTY = "parley.test.kubeconfig";

    private static final Pattern SECRET_PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/secrets/([^/]+)$");

    private static final Map<String, Map<String, String>> SECRETS = new ConcurrentHashMap<>();

    private static volatile boolean started;

    private FakeApiServer() {
    }

    static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        String expected = System.getProperty(KUBECONFIG_PROPERTY);
        if (expected == null || !expected.equals(kubeconfig)) {
            throw new IllegalStateException("Run the chart tests through Maven (./mvnw -pl deploy-tests verify): "
                    + "KUBECONFIG must point at the test's fake API server (" + expected + "), not at " + kubeconfig
                    + ", so that helm's lookup never reaches a real cluster.");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", FakeApiServer::handle);
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            Path file = Path.of(kubeconfig);
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster:
                          server: http://127.0.0.1:%d
                    contexts:
                      - name: fake
                        context:
                          cluster: fake
                          user: fake
                    current-context: fake
                    users:
                      - name: fake
                        user:
                          token: fake
                    """.formatted(server.getAddress().getPort()));
            started = true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Makes a Secret exist, as after an earlier install; values are plain text (stored
     * base64-encoded).
     */
    static void putSecret(String namespace, String name, Map<String, String> data) {
        SECRETS.put(namespace + "/" + name, Map.copyOf(data));
    }

    static void removeSecret(String namespace, String name) {
        SECRETS.remove(namespace + "/" + name);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher secret = SECRET_PATH.matcher(path);
        if (path.equals("/version")) {
            respond(exchange, 200, """
                    {"major":"1","minor":"31","gitVersion":"v1.31.0","platform":"linux/amd64"}""");
        }
        else if (path.equals("/api")) {
            respond(exchange, 200, """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}""");
        }
        else if (path.equals("/apis")) {
            respond(exchange, 200, """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[]}""");
        }
        else if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[
                      {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret",
                       "verbs":["get","list"]}]}""");
        }
        else if (secret.matches() && exchange.getRequestMethod().equals("GET")
                && SECRETS.containsKey(secret.group(1) + "/" + secret.group(2))) {
            Map<String, String> data = SECRETS.get(secret.group(1) + "/" + secret.group(2));
            String encoded = data.entrySet()
                .stream()
                .map(e -> "\"" + e.getKey() + "\":\""
                        + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)) + "\"")
                .collect(Collectors.joining(","));
            respond(exchange, 200,
                    """
                            {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}"""
                        .formatted(secret.group(2), secret.group(1), encoded));
        }
        else {
            respond(exchange, 404, """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
                     "message":"not found"}""");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
