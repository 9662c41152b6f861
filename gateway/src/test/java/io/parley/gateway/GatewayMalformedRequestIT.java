package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests refused before any filter sees them — by Netty's decoder or by Spring's
 * adapter — get a problem-detail body like every other gateway error. Sent over a plain
 * socket, byte for byte: an HTTP client would refuse to send most of them.
 */
class GatewayMalformedRequestIT {

    private static StubBackend backend;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        backend = StubBackend.start("meeting-service");
        gateway = RunningGateway.start(SharedInfrastructure.redis(),
                StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends the bytes and reads the answer; the requests here make the server close the
     * connection after it.
     */
    private static RawResponse send(String request) {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readHead(socket.getInputStream()), socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static RawResponse parse(String head, InputStream in) throws IOException {
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static void assertProblem(RawResponse response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json")
            .containsEntry("x-parley-service", "gateway");
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo(title);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("about:blank");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isNotBlank();
    }

    @Test
    void answersHeaderFieldsTooLargeWithAProblem() {
        RawResponse response = send(
                "GET /api/meetings/m-1 HTTP/1.1\r\nHost: parley\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");

        assertProblem(response, 431, "Request Header Fields Too Large");
        assertThat(
                gateway.bean(MeterRegistry.class).counter("parley.gateway.request.malformed", "status", "431").count())
            .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void answersUriTooLongWithAProblem() {
        RawResponse response = send("GET /api/meetings/" + "m".repeat(10_000) + " HTTP/1.1\r\nHost: parley\r\n\r\n");

        assertProblem(response, 414, "URI Too Long");
    }

    @Test
    void answersABadPercentEncodingWithABadRequestProblem() {
        RawResponse response = send("GET /api/meetings/%zz HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400, "Bad Request");
    }

    @Test
    void answersACharacterThatMustBeEncodedWithABadRequestProblem() {
        RawResponse response = send("GET /api/meetings/a|b HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400, "Bad Request");
    }

    @Test
    void leavesWellFormedRequestsAlone() {
        RawResponse response = send("GET /api/meetings/m-1 HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("x-parley-service", "meeting-service");
    }

}
