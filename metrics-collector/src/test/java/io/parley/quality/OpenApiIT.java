package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.EventPublisher;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.OpenApiDocument;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * docs/openapi/metrics-collector.yaml against the running collector: one request per
 * documented status (and media type) of every operation, checking the status, the content
 * type, the required headers and the body against the documented schema; an operation or
 * status documented but not exercised here (or exercised but not documented) fails the
 * test.
 */
class OpenApiIT {

    private static final Path SPEC = Path.of("..", "docs", "openapi", "metrics-collector.yaml");

    private static final String BEACONS = "/api/quality/beacons";

    private static final String PARTICIPANT = "p-1";

    /** The organization {@link #measured} belongs to. */
    private static final String ORG = "org-" + UUID.randomUUID();

    private static RunningCollector collector;

    /**
     * A second collector whose views cannot reach PostgreSQL (migrated, then pointed at a
     * port nothing listens on); its samples consumer is in a group of its own so that it
     * takes no work from the first.
     */
    private static RunningCollector unreachable;

    private static EventPublisher events;

    private static OpenApiDocument document;

    /**
     * A meeting hosted by {@link #host} with two stored samples of {@link #PARTICIPANT}.
     */
    private static String measured;

    /** The account that hosted {@link #measured}. */
    private static String host;

    @BeforeAll
    static void start() throws Exception {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka());
        events = new EventPublisher(SharedInfrastructure.kafka());
        document = OpenApiDocument.load(SPEC);
        measured = "m-" + UUID.randomUUID();
        host = UUID.randomUUID().toString();
        events.meetingCreated(measured, "p-host", host, ORG);
        long now = Instant.now().toEpochMilli();
        for (long timestamp : List.of(now - 5_000, now)) {
            assertThat(beacon(TestTokens.token(measured, PARTICIPANT), MediaType.APPLICATION_JSON,
                    Beacons.parley(measured, PARTICIPANT, "s-1", timestamp,
                            "{\"rttMs\":40,\"jitterMs\":3,\"bitrateBps\":{\"recv\":1200000}}"))
                .getStatus()
                .value()).isEqualTo(204);
        }
        HistoryDatabase database = new HistoryDatabase(SharedInfrastructure.postgres(), RunningCollector.DATABASE);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> database.count("select count(*) from quality_sample where meeting_id = ?", measured) == 2
                    && database.count("select count(*) from quality_participant where meeting_id = ? and user_id = ?",
                            measured, host) == 1
                    && database.count("select count(*) from quality_org_meeting where org_id = ?", ORG) == 1);
        // only now: its meeting-events consumer shares the first one's group, and could
        // otherwise hold the partition of the event above
        unreachable = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + Ports.freePort() + "/quality",
                "--spring.r2dbc.pool.max-acquire-time=1s", "--spring.kafka.consumer.group-id=openapi-unreachable");
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (unreachable != null) {
            unreachable.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void everyDocumentedStatusIsWhatTheServiceAnswers() {
        Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios = scenarios();

        assertThat(new TreeSet<>(scenarios.keySet())).as("operations and statuses exercised here vs documented")
            .isEqualTo(new TreeSet<>(document.documented()));

        List<String> failures = new ArrayList<>();
        scenarios.forEach((key, request) -> failures.addAll(document.check(key, request.get())));
        assertThat(failures).isEmpty();
    }

    @Test
    void csvHeaderRowListsTheDocumentedFieldsInTheirOrder() {
        String csv = OpenApiDocument.body(read(samples(measured), TestTokens.token(measured, PARTICIPANT), "text/csv"));

        assertThat(csv.lines().findFirst().orElseThrow().split(","))
            .containsExactlyElementsOf(document.propertiesOf("ExportedSample"));
        assertThat(csv.lines()).hasSize(3);
    }

    private static Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios() {
        String token = TestTokens.token(measured, PARTICIPANT);
        String stranger = TestTokens.accessToken(UUID.randomUUID().toString());
        String unmeasured = "m-" + UUID.randomUUID();
        String unmeasuredToken = TestTokens.token(unmeasured, PARTICIPANT);
        Map<String, Supplier<EntityExchangeResult<byte[]>>> s = new LinkedHashMap<>();
        String fresh = "m-" + UUID.randomUUID();
        String beacon = Beacons.parley(fresh, PARTICIPANT, 42.5);
        s.put("POST " + BEACONS + " 204",
                () -> beacon(TestTokens.token(fresh, PARTICIPANT), MediaType.TEXT_PLAIN, beacon));
        s.put("POST " + BEACONS + " 400", () -> beacon(TestTokens.token(fresh, PARTICIPANT), MediaType.APPLICATION_JSON,
                Beacons.parley(fresh, PARTICIPANT, "s-1", 0, "{\"rttMs\":-1}")));
        s.put("POST " + BEACONS + " 401", () -> beacon(null, MediaType.APPLICATION_JSON, beacon));
        s.put("POST " + BEACONS + " 403",
                () -> beacon(TestTokens.token("m-other", PARTICIPANT), MediaType.APPLICATION_JSON, beacon));
        s.put("POST " + BEACONS + " 413", () -> beacon(TestTokens.token(fresh, PARTICIPANT), MediaType.APPLICATION_JSON,
                beacon.replace("\"stats\"", "\"padding\":\"" + "x".repeat(20_000) + "\",\"stats\"")));
        s.put("POST " + BEACONS + " 415",
                () -> beacon(TestTokens.token(fresh, PARTICIPANT), MediaType.APPLICATION_XML, beacon));

        for (String view : List.of("", "/summary", "/samples")) {
            String template = "GET /api/quality/meetings/{meetingId}" + view + " ";
            String path = "/api/quality/meetings/" + measured + view;
            if (view.isEmpty()) {
                s.put(template + "200", () -> read(path, token, null));
            }
            else if ("/summary".equals(view)) {
                // an account that hosted the meeting reads it with its access token
                s.put(template + "200", () -> read(path, TestTokens.accessToken(host), null));
            }
            s.put(template + "400", () -> read(path + "?from=5&to=5", token, null));
            s.put(template + "401", () -> read(path, null, null));
            s.put(template + "403", () -> read(path, stranger, null));
            s.put(template + "404", () -> read("/api/quality/meetings/" + unmeasured + view, unmeasuredToken, null));
            s.put(template + "503", () -> read(unreachable, path, token, null));
        }
        String export = "GET /api/quality/meetings/{meetingId}/samples ";
        s.put(export + "200 application/x-ndjson", () -> read(samples(measured), token, "application/x-ndjson"));
        s.put(export + "200 text/csv", () -> read(samples(measured), token, "text/csv"));
        s.put(export + "406", () -> read(samples(measured), token, "application/xml"));
        String trends = "/api/quality/orgs/" + ORG + "/trends";
        String admin = TestTokens.accessToken(host, ORG, "admin");
        String operation = "GET /api/quality/orgs/{orgId}/trends ";
        s.put(operation + "200", () -> read(trends, admin, null));
        s.put(operation + "400", () -> read(trends + "?from=2026-13-01", admin, null));
        s.put(operation + "401", () -> read(trends, token, null));
        s.put(operation + "403", () -> read(trends, TestTokens.accessToken(host, ORG, "member"), null));
        s.put(operation + "503", () -> read(unreachable, trends, admin, null));
        return s;
    }

    private static String samples(String meetingId) {
        return "/api/quality/meetings/" + meetingId + "/samples";
    }

    private static EntityExchangeResult<byte[]> beacon(String token, MediaType type, String body) {
        String uri = token == null ? BEACONS : BEACONS + "?access_token=" + token;
        return collector.client()
            .post()
            .uri(uri)
            .contentType(type)
            .bodyValue(body)
            .exchange()
            .expectBody()
            .returnResult();
    }

    private static EntityExchangeResult<byte[]> read(String path, String token, String accept) {
        return read(collector, path, token, accept);
    }

    private static EntityExchangeResult<byte[]> read(RunningCollector target, String path, String token,
            String accept) {
        WebTestClient.RequestHeadersSpec<?> request = target.client().get().uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return request.exchange().expectBody().returnResult();
    }

}
