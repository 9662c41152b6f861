package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.parley.harness.SharedInfrastructure;
import io.parley.harness.http.OversizedBodies;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.SamplesTopic;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Everything the beacon endpoint must refuse, each answered with a 4xx problem, and none
 * of it published: after the bad beacons, a good one for the same meeting is sent as a
 * marker, and the meeting's records on the topic up to the marker must be the marker
 * alone. Anonymous beacons stay switched off here, as they are by default.
 */
class BeaconRejectionIT {

    private static final String PARTICIPANT = "p-1";

    private static RunningCollector collector;

    private static SamplesTopic topic;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka());
        topic = new SamplesTopic(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        topic.close();
        collector.close();
    }

    private static String now() {
        return Long.toString(Instant.now().toEpochMilli());
    }

    private static String beacon(String meeting, String timestamp, String stats) {
        return """
                {"meetingId":"%s","participantId":"%s","sessionId":"s-bad","timestamp":%s,"stats":%s}"""
            .formatted(meeting, PARTICIPANT, timestamp, stats);
    }

    static Stream<Arguments> badBeacons() {
        String ok = "{\"rttMs\":40}";
        String hourAgo = Long.toString(Instant.now().minus(Duration.ofMinutes(61)).toEpochMilli());
        String inFiveMinutes = Long.toString(Instant.now().plus(Duration.ofMinutes(5)).toEpochMilli());
        return Stream.of(
                Arguments.of("malformed JSON", "malformed",
                        (BeaconFor) m -> "{\"meetingId\":\"" + m + "\", \"stats\":"),
                Arguments.of("not an object", "malformed", (BeaconFor) m -> "[\"" + m + "\"]"),
                Arguments.of("empty body", "malformed", (BeaconFor) m -> ""),
                Arguments.of("neither format", "malformed", (BeaconFor) m -> "{\"meeting\":\"" + m + "\"}"),
                Arguments.of("NaN literal", "malformed", (BeaconFor) m -> beacon(m, now(), "{\"rttMs\":NaN}")),
                Arguments.of("number as string", "invalid", (BeaconFor) m -> beacon(m, now(), "{\"rttMs\":\"40\"}")),
                Arguments.of("timestamp as string", "invalid", (BeaconFor) m -> beacon(m, "\"" + now() + "\"", ok)),
                Arguments.of("id as number", "invalid",
                        (BeaconFor) m -> beacon(m, now(), ok).replace("\"s-bad\"", "12")),
                Arguments.of("stats as array", "invalid", (BeaconFor) m -> beacon(m, now(), "[40]")),
                Arguments.of("missing stats", "invalid",
                        (BeaconFor) m -> "{\"meetingId\":\"" + m + "\",\"participantId\":\"p-1\",\"sessionId\":\"s\","
                                + "\"timestamp\":" + now() + "}"),
                Arguments.of("no measurement", "invalid", (BeaconFor) m -> beacon(m, now(), "{}")),
                Arguments.of("infinite", "invalid", (BeaconFor) m -> beacon(m, now(), "{\"rttMs\":1e999}")),
                Arguments.of("negative", "invalid", (BeaconFor) m -> beacon(m, now(), "{\"jitterMs\":-3}")),
                Arguments.of("loss over 100%", "invalid",
                        (BeaconFor) m -> beacon(m, now(), "{\"packetLossPct\":{\"send\":100.1}}")),
                Arguments.of("negative bitrate", "invalid",
                        (BeaconFor) m -> beacon(m, now(), "{\"bitrateBps\":{\"recv\":{\"video\":-1}}}")),
                Arguments.of("future timestamp", "timestamp", (BeaconFor) m -> beacon(m, inFiveMinutes, ok)),
                Arguments.of("ancient timestamp", "timestamp", (BeaconFor) m -> beacon(m, hourAgo, ok)),
                Arguments.of("timestamp in seconds", "timestamp",
                        (BeaconFor) m -> beacon(m, Long.toString(Instant.now().getEpochSecond()), ok)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBeacons")
    void badBeaconIsRefusedWithBadRequestAndNotPublished(String name, String reason, BeaconFor body) {
        String meeting = "m-" + UUID.randomUUID();
        double rejectedBefore = rejected(reason);

        post(body.forMeeting(meeting), MediaType.APPLICATION_JSON, TestTokens.token(meeting, PARTICIPANT))
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(400)
            .jsonPath("$.detail")
            .isNotEmpty()
            .jsonPath("$.errors[0].field")
            .isNotEmpty();

        assertNothingPublishedBefore(meeting);
        assertThat(rejected(reason)).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void megabyteBodyIsRefusedAsTooLargeWhetherItsLengthIsDeclaredOrNot() {
        String meeting = "m-" + UUID.randomUUID();
        String padded = beacon(meeting, now(), "{\"rttMs\":40,\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}");
        String token = TestTokens.token(meeting, PARTICIPANT);

        post(padded, MediaType.APPLICATION_JSON, token).expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        OversizedBodies.client(collector.baseUrl())
            .post()
            .uri("/api/quality/beacons?access_token=" + token)
            .contentType(MediaType.TEXT_PLAIN)
            .body(BodyInserters.fromDataBuffers(chunked(padded)))
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertNothingPublishedBefore(meeting);
    }

    @Test
    void beaconJustUnderTheSixteenKilobyteLimitIsAccepted() {
        String meeting = "m-" + UUID.randomUUID();
        String token = TestTokens.token(meeting, PARTICIPANT);
        String template = beacon(meeting, now(), "{\"rttMs\":40,\"padding\":\"%s\"}");
        String exactlyAtLimit = template.formatted("x".repeat(16 * 1024 - template.length() + 2));
        assertThat(exactlyAtLimit.getBytes(StandardCharsets.UTF_8)).hasSize(16 * 1024);

        post(exactlyAtLimit, MediaType.TEXT_PLAIN, token).expectStatus().isNoContent();
        post(exactlyAtLimit.replace("\"padding\":\"", "\"padding\":\"x"), MediaType.TEXT_PLAIN, token).expectStatus()
            .isEqualTo(413);
    }

    @Test
    void beaconWithoutTokenIsUnauthorized() {
        String meeting = "m-" + UUID.randomUUID();
        double rejectedBefore = rejected("unauthorized");

        post(Beacons.parley(meeting, PARTICIPANT, 40), MediaType.TEXT_PLAIN, null).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");

        assertNothingPublishedBefore(meeting);
        assertThat(rejected("unauthorized")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void beaconWithForgedExpiredOrGarbledTokenIsUnauthorized() {
        String meeting = "m-" + UUID.randomUUID();
        String body = Beacons.parley(meeting, PARTICIPANT, 40);

        for (String token : List.of(TestTokens.forgedToken(meeting, PARTICIPANT),
                TestTokens.expiredToken(meeting, PARTICIPANT), "not.a.jwt")) {
            post(body, MediaType.APPLICATION_JSON, token).expectStatus().isUnauthorized();
        }
        collector.client()
            .post()
            .uri("/api/quality/beacons")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forgedToken(meeting, PARTICIPANT))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isUnauthorized();

        assertNothingPublishedBefore(meeting);
    }

    @Test
    void tokenForAnotherMeetingOrParticipantIsForbidden() {
        String meeting = "m-" + UUID.randomUUID();
        double rejectedBefore = rejected("forbidden");

        post(Beacons.parley(meeting, PARTICIPANT, 40), MediaType.APPLICATION_JSON,
                TestTokens.token("m-other", PARTICIPANT))
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The token is for another meeting.");
        post(Beacons.parley(meeting, PARTICIPANT, 40), MediaType.APPLICATION_JSON, TestTokens.token(meeting, "p-2"))
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The token is for another participant.");

        assertNothingPublishedBefore(meeting);
        assertThat(rejected("forbidden")).isEqualTo(rejectedBefore + 2);
    }

    @Test
    void anonymousDailyBeaconIsUnauthorizedWhileAnonymousBeaconsAreOff() {
        String room = "room-" + UUID.randomUUID();

        post(Beacons.daily(room, "sess-1", Instant.now().toEpochMilli()), MediaType.TEXT_PLAIN, null).expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("A join token is required: anonymous beacons are switched off.");

        assertNothingPublishedBefore(room);
    }

    @Test
    void otherContentTypesAreUnsupported() {
        String meeting = "m-" + UUID.randomUUID();
        String token = TestTokens.token(meeting, PARTICIPANT);

        for (MediaType type : List.of(MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.APPLICATION_OCTET_STREAM)) {
            post(Beacons.parley(meeting, PARTICIPANT, 40), type, token).expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        assertNothingPublishedBefore(meeting);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        collector.client()
            .get()
            .uri("/api/quality/beacons")
            .exchange()
            .expectStatus()
            .isEqualTo(405)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static WebTestClient.ResponseSpec post(String body, MediaType type, String token) {
        WebTestClient client = body.length() > 16 * 1024 ? OversizedBodies.client(collector.baseUrl())
                : collector.client();
        return client.post()
            .uri(token == null ? "/api/quality/beacons" : "/api/quality/beacons?access_token=" + token)
            .contentType(type)
            .bodyValue(body.getBytes(StandardCharsets.UTF_8))
            .exchange();
    }

    /**
     * Sends a good beacon as a marker: the meeting's records up to it must be that one
     * alone.
     */
    private static void assertNothingPublishedBefore(String meeting) {
        String body = Beacons.parley(meeting, "marker", "s-marker", Instant.now().toEpochMilli(), "{\"rttMs\":1}");
        post(body, MediaType.APPLICATION_JSON, TestTokens.token(meeting, "marker")).expectStatus().isNoContent();
        assertThat(topic.recordsUpTo(meeting, "s-marker")).hasSize(1);
    }

    private static double rejected(String reason) {
        return collector.scrape().value("parley_quality_beacons_rejected_total", Map.of("reason", reason));
    }

    private static Flux<DataBuffer> chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int chunk = 8 * 1024;
        return Flux.range(0, (bytes.length + chunk - 1) / chunk)
            .map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk))));
    }

    @FunctionalInterface
    interface BeaconFor {

        String forMeeting(String meetingId);

    }

}
