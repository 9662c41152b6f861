package io.parley.quality.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class BeaconParserTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final BeaconParser parser = new BeaconParser(JsonMapper.builder().build(), Duration.ofMinutes(1),
            Duration.ofHours(1));

    private QualitySample parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static String parley(String stats) {
        return parley(NOW.toEpochMilli(), stats);
    }

    private static String parley(long timestamp, String stats) {
        return """
                {"meetingId":"m-1","participantId":"p-1","sessionId":"s-1","timestamp":%d,"stats":%s}"""
            .formatted(timestamp, stats);
    }

    @Test
    void readsEveryMeasurementOfAParleyBeacon() {
        QualitySample sample = parse(
                parley("""
                        {"rttMs":42.5,"jitterMs":3,"packetLossPct":{"send":0.5,"recv":2},
                         "bitrateBps":{"send":{"audio":32000,"video":800000},"recv":{"audio":30000,"video":700000,"total":731000}},
                         "framesPerSecond":29.97,"frameWidth":1280,"frameHeight":720,"somethingNew":{"ignored":true}}"""));

        assertThat(sample.meetingId()).isEqualTo("m-1");
        assertThat(sample.participantId()).isEqualTo("p-1");
        assertThat(sample.sessionId()).isEqualTo("s-1");
        assertThat(sample.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(sample.receivedAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(sample.format()).isEqualTo(BeaconFormat.PARLEY);
        assertThat(sample.stats()).isEqualTo(new QualityStats(42.5, 3.0, 0.5, 2.0, 832_000.0, 731_000.0, 32_000.0,
                30_000.0, 800_000.0, 700_000.0, 29.97, 1280, 720));
    }

    @Test
    void takesABitrateGivenAsANumberAsTheDirectionsTotal() {
        QualitySample sample = parse(parley("""
                {"bitrateBps":{"send":1500000,"recv":{"video":900000}}}"""));

        assertThat(sample.stats().sendBitrateBps()).isEqualTo(1_500_000.0);
        assertThat(sample.stats().videoSendBitrateBps()).isNull();
        assertThat(sample.stats().recvBitrateBps()).isEqualTo(900_000.0);
        assertThat(sample.stats().videoRecvBitrateBps()).isEqualTo(900_000.0);
    }

    @Test
    void mapsADailyStyleBeacon() {
        QualitySample sample = parse("""
                {"room":"daily-room","meetingSessionId":"ms-9","sessionId":"sess-7",
                 "stats":{"latest":{"timestamp":%d,"sendBitsPerSecond":900000,"recvBitsPerSecond":1200000,
                   "videoSendBitsPerSecond":850000,"videoRecvBitsPerSecond":1100000,
                   "videoSendPacketLoss":0.01,"videoRecvPacketLoss":0.025,"networkRoundTripTime":0.08},
                  "worstVideoRecvPacketLoss":0.1},
                 "threshold":"good","quality":97}""".formatted(NOW.toEpochMilli()));

        assertThat(sample.format()).isEqualTo(BeaconFormat.DAILY);
        assertThat(sample.meetingId()).isEqualTo("daily-room");
        assertThat(sample.participantId()).isEqualTo("sess-7");
        assertThat(sample.sessionId()).isEqualTo("sess-7");
        assertThat(sample.meetingSessionId()).isEqualTo("ms-9");
        assertThat(sample.timestamp()).isEqualTo(NOW.toEpochMilli());
        QualityStats stats = sample.stats();
        assertThat(stats.sendBitrateBps()).isEqualTo(900_000.0);
        assertThat(stats.recvBitrateBps()).isEqualTo(1_200_000.0);
        assertThat(stats.videoSendBitrateBps()).isEqualTo(850_000.0);
        assertThat(stats.videoRecvBitrateBps()).isEqualTo(1_100_000.0);
        assertThat(stats.sendPacketLossPct()).isEqualTo(1.0);
        assertThat(stats.recvPacketLossPct()).isEqualTo(2.5);
        assertThat(stats.rttMs()).isCloseTo(80.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void prefersDailysTotalPacketLossAndReadsTimestampsInSeconds() {
        QualitySample sample = parse(
                """
                        {"room":"r","sessionId":"s","stats":{"latest":{"timestamp":%s,
                          "totalSendPacketLoss":0.02,"videoSendPacketLoss":0.5,"totalRecvPacketLoss":null,"videoRecvPacketLoss":0.03}}}"""
                    .formatted(NOW.getEpochSecond() + ".25"));

        assertThat(sample.timestamp()).isEqualTo(NOW.toEpochMilli() + 250);
        assertThat(sample.stats().sendPacketLossPct()).isEqualTo(2.0);
        assertThat(sample.stats().recvPacketLossPct()).isEqualTo(3.0);
    }

    @Test
    void rejectsBodiesThatAreNotJsonObjectsAsMalformed() {
        for (String body : List.of("", "{", "not json", "[1,2]", "42", "\"text\"", "{\"meetingId\":\"m\"} trailing",
                "{\"meetingId\":\"m\",\"stats\":{\"rttMs\":NaN}}", "{\"hello\":\"world\"}")) {
            assertThatThrownBy(() -> parse(body)).as(body)
                .isInstanceOfSatisfying(InvalidBeaconException.class,
                        error -> assertThat(error.reason()).isEqualTo(Rejection.MALFORMED));
        }
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> parse("""
                {"meetingId":7,"participantId":"","sessionId":"s 1","timestamp":"now",
                 "stats":{"rttMs":"fast","jitterMs":-1,"packetLossPct":{"send":101},"frameWidth":12.5}}"""))
            .isInstanceOfSatisfying(InvalidBeaconException.class, error -> {
                assertThat(error.reason()).isEqualTo(Rejection.INVALID);
                assertThat(error.getBody().getStatus()).isEqualTo(400);
                @SuppressWarnings("unchecked")
                List<Map<String, String>> errors = (List<Map<String, String>>) error.getBody()
                    .getProperties()
                    .get("errors");
                assertThat(errors).extracting(e -> e.get("field"))
                    .containsExactly("meetingId", "participantId", "sessionId", "timestamp", "stats.rttMs",
                            "stats.jitterMs", "stats.packetLossPct.send", "stats.frameWidth");
                assertThat(errors).extracting(e -> e.get("message"))
                    .contains("must be a string", "must be a number", "must not be negative", "must be at most 100",
                            "must be a whole number");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"rttMs\":1e400}", "{\"rttMs\":-0.5}", "{\"rttMs\":60001}",
            "{\"packetLossPct\":{\"recv\":100.5}}", "{\"packetLossPct\":{\"recv\":-1}}",
            "{\"bitrateBps\":{\"send\":-1}}", "{\"bitrateBps\":{\"send\":\"1M\"}}", "{\"bitrateBps\":[1]}",
            "{\"framesPerSecond\":1001}", "{\"frameHeight\":16385}", "{}", "{\"unknownOnly\":1}", "[]", "\"x\"" })
    void rejectsOutOfRangeOrMistypedStats(String stats) {
        assertThatThrownBy(() -> parse(parley(stats))).as(stats)
            .isInstanceOfSatisfying(InvalidBeaconException.class,
                    error -> assertThat(error.reason()).isEqualTo(Rejection.INVALID));
    }

    @Test
    void rejectsDailyPacketLossGivenAsPercentInsteadOfAFraction() {
        assertThatThrownBy(() -> parse("""
                {"room":"r","sessionId":"s","stats":{"latest":{"timestamp":%d,"videoSendPacketLoss":2}}}"""
            .formatted(NOW.toEpochMilli())))
            .isInstanceOfSatisfying(InvalidBeaconException.class, error -> assertThat(error.getBody().getDetail())
                .isEqualTo("stats.latest.videoSendPacketLoss must be at most 1"));
    }

    @Test
    void rejectsADailyBeaconWithoutLatestStats() {
        assertThatThrownBy(() -> parse("{\"room\":\"r\",\"sessionId\":\"s\",\"stats\":{}}")).isInstanceOfSatisfying(
                InvalidBeaconException.class,
                error -> assertThat(error.getBody().getDetail()).isEqualTo("stats.latest is required"));
    }

    @Test
    void acceptsTimestampsWithinTheSkewAndAgeLimits() {
        assertThat(parse(parley(NOW.plusSeconds(59).toEpochMilli(), "{\"rttMs\":1}")).timestamp())
            .isEqualTo(NOW.plusSeconds(59).toEpochMilli());
        assertThat(parse(parley(NOW.minus(Duration.ofMinutes(59)).toEpochMilli(), "{\"rttMs\":1}"))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(longs = { 61, 3_600_000, -3601, -86_400 * 365 })
    void rejectsTimestampsTooFarInTheFutureOrPast(long offsetSeconds) {
        long timestamp = NOW.plusSeconds(offsetSeconds).toEpochMilli();
        assertThatThrownBy(() -> parse(parley(timestamp, "{\"rttMs\":1}"))).isInstanceOfSatisfying(
                InvalidBeaconException.class, error -> assertThat(error.reason()).isEqualTo(Rejection.TIMESTAMP));
    }

    @Test
    void rejectsATimestampInSecondsForAParleyBeacon() {
        assertThatThrownBy(() -> parse(parley(NOW.getEpochSecond(), "{\"rttMs\":1}")))
            .isInstanceOfSatisfying(InvalidBeaconException.class, error -> assertThat(error.getBody().getDetail())
                .isEqualTo("timestamp is more than 3600 s old (epoch milliseconds expected)"));
    }

    @Test
    void sameMeasurementHasTheSameEventIdAndAnotherOneAnother() {
        QualitySample first = parse(parley("{\"rttMs\":1}"));
        QualitySample retried = parser.parse(parley("{\"rttMs\":1}").getBytes(StandardCharsets.UTF_8),
                NOW.plusSeconds(5));
        QualitySample next = parse(parley(NOW.toEpochMilli() + 1, "{\"rttMs\":1}"));

        assertThat(retried.eventId()).isEqualTo(first.eventId());
        assertThat(next.eventId()).isNotEqualTo(first.eventId());
    }

}
