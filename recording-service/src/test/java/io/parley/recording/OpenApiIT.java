package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.OpenApiDocument;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * docs/openapi/recording-service.yaml against the running service: one request per
 * documented status of every operation, checking the status, the content type and the
 * body against the documented schema; an operation or status documented but not exercised
 * here (or exercised but not documented) fails the test.
 */
class OpenApiIT {

    private static final String DATABASE = "recordings_openapi";

    private static final String MEETING = Captures.meetingId();

    private static final String HOST_ACCOUNT = "acct-host";

    @TempDir
    static Path dir;

    private static RunningRecordingService service;

    private static CatalogDatabase db;

    private static OpenApiDocument document;

    @BeforeAll
    static void start() throws IOException {
        db = new CatalogDatabase(DATABASE);
        service = RunningRecordingService.start(DATABASE, dir);
        document = OpenApiDocument.load(Path.of("..", "docs", "openapi", "recording-service.yaml"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyDocumentedStatusIsWhatTheServiceAnswers() {
        Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios = scenarios();

        assertThat(new TreeSet<>(scenarios.keySet())).as("operations and statuses exercised here vs documented")
            .isEqualTo(new TreeSet<>(document.responses()));

        List<String> failures = new ArrayList<>();
        scenarios.forEach((key, request) -> failures.addAll(document.check(key, request.get())));
        assertThat(failures).isEmpty();
    }

    private static Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios() {
        String ready = readyRecording();
        String processing = insert(MEETING, "processing");
        String host = TestTokens.account(HOST_ACCOUNT);
        String participant = TestTokens.participant(MEETING, "p-guest");
        String unknown = Captures.recordingId();

        Map<String, Supplier<EntityExchangeResult<byte[]>>> s = new LinkedHashMap<>();
        String list = "/api/meetings/{meetingId}/recordings";
        s.put("GET " + list + " 200", () -> send(HttpMethod.GET, path(list, MEETING), TestTokens.host(MEETING, "p-h")));
        s.put("GET " + list + " 400", () -> send(HttpMethod.GET, path(list, "-not-an-id"), host));
        s.put("GET " + list + " 401", () -> send(HttpMethod.GET, path(list, MEETING), null));
        s.put("GET " + list + " 403", () -> send(HttpMethod.GET, path(list, MEETING), participant));
        s.put("GET " + list + " 404", () -> send(HttpMethod.GET, path(list, Captures.meetingId()), host));

        String one = "/api/recordings/{recordingId}";
        s.put("GET " + one + " 200", () -> send(HttpMethod.GET, path(one, ready), host));
        s.put("GET " + one + " 400", () -> send(HttpMethod.GET, path(one, "too-short"), host));
        s.put("GET " + one + " 401", () -> send(HttpMethod.GET, path(one, ready), TestTokens.forgedHost(MEETING, "p")));
        s.put("GET " + one + " 403", () -> send(HttpMethod.GET, path(one, ready), TestTokens.account("acct-other")));
        s.put("GET " + one + " 404", () -> send(HttpMethod.GET, path(one, unknown), host));

        s.put("DELETE " + one + " 204", () -> send(HttpMethod.DELETE, path(one, readyRecording()), host));
        s.put("DELETE " + one + " 400", () -> send(HttpMethod.DELETE, path(one, "too-short"), host));
        s.put("DELETE " + one + " 401", () -> send(HttpMethod.DELETE, path(one, ready), null));
        s.put("DELETE " + one + " 403", () -> send(HttpMethod.DELETE, path(one, ready), participant));
        s.put("DELETE " + one + " 404", () -> send(HttpMethod.DELETE, path(one, unknown), host));

        String file = "/api/recordings/{recordingId}/file";
        s.put("GET " + file + " 200", () -> send(HttpMethod.GET, path(file, ready), host));
        s.put("GET " + file + " 206",
                () -> exchange(service.client()
                    .get()
                    .uri(path(file, ready))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + host)
                    .header(HttpHeaders.RANGE, "bytes=0-99")));
        s.put("GET " + file + " 416",
                () -> exchange(service.client()
                    .get()
                    .uri(path(file, ready))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + host)
                    .header(HttpHeaders.RANGE, "bytes=5000-")));
        s.put("GET " + file + " 400", () -> send(HttpMethod.GET, path(file, "too-short"), host));
        s.put("GET " + file + " 401", () -> send(HttpMethod.GET, path(file, ready), null));
        s.put("GET " + file + " 403", () -> send(HttpMethod.GET, path(file, ready), participant));
        s.put("GET " + file + " 404", () -> send(HttpMethod.GET, path(file, unknown), host));
        s.put("GET " + file + " 409", () -> send(HttpMethod.GET, path(file, processing), host));

        String mine = "/api/me/recordings";
        s.put("GET " + mine + " 200", () -> send(HttpMethod.GET, mine, host));
        s.put("GET " + mine + " 401", () -> send(HttpMethod.GET, mine, TestTokens.host(MEETING, "p-h")));
        return s;
    }

    private static String readyRecording() {
        String recordingId = insert(MEETING, "ready");
        try {
            Path folder = Files.createDirectories(service.storageDir().resolve(recordingId));
            Files.write(folder.resolve(recordingId + ".webm"), new byte[1000]);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return recordingId;
    }

    private static String insert(String meetingId, String state) {
        String recordingId = Captures.recordingId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, host_account_id, "
                        + "duration_seconds) values (?, ?, ?, ?, ?, ?, ?)",
                recordingId, meetingId, state, now, now.plusSeconds(10), HOST_ACCOUNT,
                "ready".equals(state) ? 10.0 : null);
        return recordingId;
    }

    private static String path(String template, String value) {
        return template.replaceFirst("\\{[^}]+}", value);
    }

    private static EntityExchangeResult<byte[]> send(HttpMethod method, String path, String token) {
        WebTestClient.RequestHeadersSpec<?> request = service.client().method(method).uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return exchange(request);
    }

    private static EntityExchangeResult<byte[]> exchange(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectBody().returnResult();
    }

}
