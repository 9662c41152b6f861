package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.parley.harness.JanusEventHandler;
import io.parley.harness.JanusServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.harness.http.OversizedBodies;
import io.parley.quality.sfu.JanusEventsController;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * What the server sees: a real Janus with its sample event handler posting to the running
 * collector. Janus's handle events of a VideoRoom handle attached with a Parley opaque id
 * are attributed to that participant, those of another opaque id counted as foreign.
 * Media statistics need a WebRTC peer (a browser) to exist, so they are posted here as
 * Janus posts them ({@code combine_media_stats}, grouped) and followed through Kafka and
 * the history into the meeting's views; the e2e tests see Janus's own. Refused posts:
 * unauthorized, malformed, oversized, not JSON, and everything while no password is set.
 */
class JanusEventsIT {

    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static final String PARTICIPANT = "p-1";

    private static final int MAX_BODY = 64 * 1024;

    @TempDir
    static Path dir;

    private static RunningCollector collector;

    private static JanusServerProcess janus;

    /**
     * A collector without a password. Started and closed with the other: closing a second
     * application midway would take Reactor Netty's shared resources from the first. Its
     * consumer group and database are its own, so it does not store the other's samples
     * first (which would leave them out of the other's histograms as duplicates).
     */
    private static RunningCollector unconfigured;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                "--parley.quality.sfu-events.password=" + PASSWORD,
                "--parley.quality.sfu-events.max-body-size=" + MAX_BODY / 1024 + "KB");
        janus = JanusServerProcess.startOnFreePorts(dir,
                new JanusEventHandler(URI.create(collector.baseUrl() + JanusEventsController.PATH),
                        JanusEventHandler.USER, PASSWORD, Duration.ofSeconds(1)));
        unconfigured = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                SharedInfrastructure.postgres(), "parley_quality_unconfigured",
                "--spring.kafka.consumer.group-id=janus-events-unconfigured");
    }

    @AfterAll
    static void stop() {
        if (unconfigured != null) {
            unconfigured.close();
        }
        if (janus != null) {
            janus.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void aRealJanussHandleEventsAreAttributedToTheParticipantTheOpaqueIdNames() throws Exception {
        String meeting = "m-" + UUID.randomUUID();
        double attributed = events("handle", "attributed");
        double foreign = events("handle", "foreign");

        long session = JsonPath.<Number>read(janusApi(janus.apiUri(), "{\"janus\":\"create\"}"), "$.data.id")
            .longValue();
        URI sessionUri = URI.create(janus.apiUri() + "/" + session);
        long handle = JsonPath
            .<Number>read(janusApi(sessionUri,
                    """
                            {"janus":"attach","plugin":"janus.plugin.videoroom","opaque_id":"parley:%s:%s"}"""
                        .formatted(meeting, PARTICIPANT)),
                    "$.data.id")
            .longValue();
        janusApi(sessionUri,
                "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\",\"opaque_id\":\"other-app\"}");
        janusApi(URI.create(sessionUri + "/" + handle), "{\"janus\":\"detach\"}");

        // attached and detached of the Parley handle, attached of the other one
        await("Janus's handle events at the collector").atMost(Duration.ofSeconds(20))
            .until(() -> events("handle", "attributed") >= attributed + 2
                    && events("handle", "foreign") >= foreign + 1);
        janusApi(sessionUri, "{\"janus\":\"destroy\"}");
    }

    @Test
    void janusMediaStatisticsBecomeSfuSamplesShownBesideWhatTheBrowserReported() {
        String meeting = "m-" + UUID.randomUUID();
        String token = TestTokens.token(meeting, PARTICIPANT);
        long now = Instant.now().toEpochMilli();
        double foreign = events("media", "foreign");
        double nacks = collector.scrape().value("parley_quality_sfu_nacks_total", Map.of("direction", "send"));
        collector.client()
            .post()
            .uri("/api/quality/beacons")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Beacons.parley(meeting, PARTICIPANT, "s-1", now - 1_000, "{\"rttMs\":80}"))
            .exchange()
            .expectStatus()
            .isNoContent();

        postEvents(mediaStats(meeting, now)).expectStatus().isNoContent();

        await("the SFU's sample in the meeting's series").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String series = get("/api/quality/meetings/" + meeting, token);
            assertThat(JsonPath.<List<String>>read(series, "$.participants[*].participantId"))
                .containsExactly(PARTICIPANT);
            assertThat(JsonPath.<List<Double>>read(series, "$.participants[0].points[*].stats.rttMs"))
                .containsExactly(80.0);
            assertThat(JsonPath.<List<String>>read(series, "$.sfu[*].participantId")).containsExactly(PARTICIPANT);
            assertThat(JsonPath.<List<String>>read(series, "$.sfu[0].points[*].sessionId"))
                .containsExactly("janus-11-22");
            assertThat(JsonPath.<List<Double>>read(series, "$.sfu[0].points[*].stats.rttMs")).containsExactly(42.0);
            assertThat(JsonPath.<List<Double>>read(series, "$.sfu[0].points[*].stats.sendBitrateBps"))
                .containsExactly(992_000.0);
            assertThat(JsonPath.<List<Double>>read(series, "$.sfu[0].points[*].stats.sendPacketLossPct"))
                .containsExactly(0.3);
        });
        String summary = get("/api/quality/meetings/" + meeting + "/summary", token);
        assertThat(JsonPath.<Integer>read(summary, "$.samples")).isEqualTo(2);
        assertThat(JsonPath.<Double>read(summary, "$.metrics.rttMs.p50")).isEqualTo(80.0);
        assertThat(JsonPath.<Double>read(summary, "$.sfuMetrics.rttMs.p50")).isEqualTo(42.0);
        assertThat(JsonPath.<Integer>read(summary, "$.sfuMetrics.jitterMs.count")).isEqualTo(1);
        assertThat(events("media", "foreign")).isEqualTo(foreign + 1);
        assertThat(collector.scrape().value("parley_quality_sfu_nacks_total", Map.of("direction", "send")))
            .isEqualTo(nacks + 2);
        // recorded in the histograms right after the batch is stored
        await("the SFU's round-trip time in its histogram").atMost(Duration.ofSeconds(10))
            .until(() -> collector.scrape().value("parley_quality_sfu_rtt_seconds_count", Map.of()) > 0);
    }

    @Test
    void postsWithoutTheHandlersCredentialsAreUnauthorized() {
        double rejected = rejected("unauthorized");

        for (String authorization : List.of("", basic("janus", "wrong-password-123"), basic("other", PASSWORD),
                "Bearer " + PASSWORD)) {
            WebTestClient.RequestBodySpec post = collector.client()
                .post()
                .uri(JanusEventsController.PATH)
                .contentType(MediaType.APPLICATION_JSON);
            if (!authorization.isEmpty()) {
                post = post.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            post.bodyValue("[]")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"janus-events\"");
        }

        assertThat(rejected("unauthorized")).isEqualTo(rejected + 4);
    }

    @Test
    void malformedPostsAreBadRequests() {
        double rejected = rejected("malformed");

        for (String body : List.of("not json", "", "[1]", "{\"type\":\"media\"}",
                "[{\"type\":32,\"subtype\":3,\"event\":\"stats\"}]")) {
            postEvents(body).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isNotEmpty();
        }

        assertThat(rejected("malformed")).isEqualTo(rejected + 5);
    }

    @Test
    void postsOverTheLimitAreTooLargeWhetherTheirLengthIsDeclaredOrNot() {
        String padded = "[{\"type\":1,\"event\":{\"padding\":\"" + "x".repeat(MAX_BODY) + "\"}}]";

        postEvents(padded).expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        OversizedBodies.client(collector.baseUrl())
            .post()
            .uri(JanusEventsController.PATH)
            .header(HttpHeaders.AUTHORIZATION, basic(JanusEventHandler.USER, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromDataBuffers(chunked(padded)))
            .exchange()
            .expectStatus()
            .isEqualTo(413);
    }

    @Test
    void otherContentTypesAreUnsupported() {
        collector.client()
            .post()
            .uri(JanusEventsController.PATH)
            .header(HttpHeaders.AUTHORIZATION, basic(JanusEventHandler.USER, PASSWORD))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("[]")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutAPasswordTheEndpointIsNotThere() {
        unconfigured.client()
            .post()
            .uri(JanusEventsController.PATH)
            .header(HttpHeaders.AUTHORIZATION, basic(JanusEventHandler.USER, ""))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("[]")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * A grouped post as Janus sends it with {@code combine_media_stats}: the publisher
     * handle of the participant (audio and video it receives from them), and a handle of
     * another application on the same Janus.
     */
    private static String mediaStats(String meeting, long nowMillis) {
        long micros = nowMillis * 1_000;
        return """
                [{"emitter":"janus-it","type":32,"subtype":3,"timestamp":%d,"session_id":11,"handle_id":22,
                  "opaque_id":"parley:%s:%s","event":[
                   {"mid":"0","mindex":0,"media":"audio","codec":"opus","base":48000,"rtt":42,"lost":1,
                    "lost-by-remote":0,"jitter-local":4,"jitter-remote":0,"in-link-quality":100,
                    "in-media-link-quality":100,"out-link-quality":0,"out-media-link-quality":0,"packets-received":99,
                    "packets-sent":0,"bytes-received":20000,"bytes-sent":0,"bytes-received-lastsec":4000,
                    "bytes-sent-lastsec":0,"nacks-received":0,"nacks-sent":0,"retransmissions-received":0},
                   {"mid":"1","mindex":1,"media":"video","codec":"vp8","base":90000,"rtt":40,"lost":2,
                    "lost-by-remote":0,"jitter-local":7,"jitter-remote":0,"packets-received":898,"packets-sent":0,
                    "bytes-received":900000,"bytes-sent":0,"bytes-received-lastsec":120000,"bytes-sent-lastsec":0,
                    "nacks-received":0,"nacks-sent":2,"retransmissions-received":1}]},
                 {"emitter":"janus-it","type":32,"subtype":3,"timestamp":%d,"session_id":12,"handle_id":23,
                  "opaque_id":"other-app","event":[{"mid":"0","media":"audio","rtt":10,"packets-received":10}]}]
                """.formatted(micros, meeting, PARTICIPANT, micros);
    }

    private static WebTestClient.ResponseSpec postEvents(String body) {
        WebTestClient client = body.length() > MAX_BODY ? OversizedBodies.client(collector.baseUrl())
                : collector.client();
        return client.post()
            .uri(JanusEventsController.PATH)
            .header(HttpHeaders.AUTHORIZATION, basic(JanusEventHandler.USER, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body.getBytes(StandardCharsets.UTF_8))
            .exchange();
    }

    private static String get(String path, String token) {
        return collector.client()
            .get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    /** A Janus API request over HTTP, with a transaction and the API secret. */
    private String janusApi(URI uri, String json) throws Exception {
        String request = json.substring(0, json.lastIndexOf('}')) + ",\"transaction\":\"" + UUID.randomUUID()
                + "\",\"apisecret\":\"" + janus.apiSecret() + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JsonPath.<String>read(response.body(), "$.janus")).as(response.body()).isEqualTo("success");
        return response.body();
    }

    private static double events(String kind, String result) {
        return collector.scrape().value("parley_quality_sfu_events_total", Map.of("kind", kind, "result", result));
    }

    private static double rejected(String reason) {
        return collector.scrape().value("parley_quality_sfu_posts_rejected_total", Map.of("reason", reason));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Flux<DataBuffer> chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int chunk = 8 * 1024;
        return Flux.range(0, (bytes.length + chunk - 1) / chunk)
            .map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk))));
    }

}
