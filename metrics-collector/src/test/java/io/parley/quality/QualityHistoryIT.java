package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.EventPublisher;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The history on real Kafka and PostgreSQL: a meeting's quality outlives the meeting and
 * Redis, opens to the accounts that took part and to nobody else, and a record delivered
 * twice is stored once.
 */
class QualityHistoryIT {

    private static RunningCollector collector;

    private static EventPublisher events;

    private static HistoryDatabase database;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka());
        events = new EventPublisher(SharedInfrastructure.kafka());
        database = new HistoryDatabase(SharedInfrastructure.postgres(), RunningCollector.DATABASE);
    }

    @AfterAll
    static void stop() {
        events.close();
        collector.close();
    }

    /**
     * A meeting hosted by one account and joined by another, each of whom sent three
     * beacons, then ended.
     */
    private record Meeting(String id, String host, String guest) {
    }

    private static Meeting endedMeeting() {
        Meeting meeting = new Meeting("m-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        events.meetingCreated(meeting.id(), "p-host", meeting.host());
        events.participantJoined(meeting.id(), "p-guest", meeting.guest());
        long now = Instant.now().toEpochMilli();
        for (String participant : List.of("p-host", "p-guest")) {
            for (int i = 0; i < 3; i++) {
                beacon(meeting.id(), participant, now - i * 5_000L, 40 + i).expectStatus().isNoContent();
            }
        }
        events.meetingEnded(meeting.id());
        await().atMost(Duration.ofSeconds(30))
            .until(() -> storedSamples(meeting.id()) == 6 && database.count(
                    "select count(*) from quality_participant where meeting_id = ? and user_id is not null",
                    meeting.id()) == 2);
        return meeting;
    }

    private static WebTestClient.ResponseSpec beacon(String meetingId, String participantId, long timestamp,
            double rttMs) {
        return collector.client()
            .post()
            .uri("/api/quality/beacons?access_token=" + TestTokens.token(meetingId, participantId))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Beacons.parley(meetingId, participantId, "s-" + participantId, timestamp,
                    "{\"rttMs\":" + rttMs + ",\"bitrateBps\":{\"recv\":1200000}}"))
            .exchange();
    }

    private static long storedSamples(String meetingId) {
        return database.count("select count(*) from quality_sample where meeting_id = ?", meetingId);
    }

    private static WebTestClient.ResponseSpec read(String meetingId, String path, String token) {
        return collector.client()
            .get()
            .uri("/api/quality/meetings/" + meetingId + path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange();
    }

    @Test
    void endedMeetingIsReadableWithTheAccessTokenOfEveryAccountThatTookPart() {
        Meeting meeting = endedMeeting();

        for (String account : List.of(meeting.host(), meeting.guest())) {
            read(meeting.id(), "", TestTokens.accessToken(account)).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.samples")
                .isEqualTo(6)
                .jsonPath("$.participants.length()")
                .isEqualTo(2)
                .jsonPath("$.participants[0].points.length()")
                .isEqualTo(3);
            read(meeting.id(), "/summary", TestTokens.accessToken(account)).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.participants")
                .isEqualTo(2)
                .jsonPath("$.metrics.rttMs.count")
                .isEqualTo(6)
                .jsonPath("$.metrics.rttMs.p50")
                .isEqualTo(41.0)
                .jsonPath("$.metrics.rttMs.histogram.length()")
                .isEqualTo(20)
                .jsonPath("$.metrics.recvBitrateBps.count")
                .isEqualTo(6)
                .jsonPath("$.metrics.jitterMs.count")
                .isEqualTo(0);
        }
    }

    @Test
    void strangersAreRefusedWhetherOrNotTheMeetingExists() {
        Meeting meeting = endedMeeting();
        String stranger = TestTokens.accessToken(UUID.randomUUID().toString());

        for (String path : List.of("", "/summary", "/samples")) {
            read(meeting.id(), path, stranger).expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            read("m-" + UUID.randomUUID(), path, stranger).expectStatus().isForbidden();
            read(meeting.id(), path, TestTokens.token("another-meeting", "p-1")).expectStatus().isForbidden();
            read(meeting.id(), path, TestTokens.forgedAccessToken(meeting.host())).expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
        }
    }

    @Test
    void historyIsReadableAfterRedisWasFlushed() {
        Meeting meeting = endedMeeting();
        collector.bean(ReactiveStringRedisTemplate.class)
            .getConnectionFactory()
            .getReactiveConnection()
            .serverCommands()
            .flushAll()
            .block(Duration.ofSeconds(10));

        read(meeting.id(), "", TestTokens.accessToken(meeting.guest())).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.samples")
            .isEqualTo(6);
        read(meeting.id(), "/summary", TestTokens.token(meeting.id(), "p-guest")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.metrics.rttMs.count")
            .isEqualTo(6);
    }

    @Test
    void theSameKafkaRecordDeliveredTwiceIsStoredOnce() {
        String meetingId = "m-" + UUID.randomUUID();
        long now = Instant.now().toEpochMilli();
        QualitySample sample = new QualitySample(meetingId, "p-1", "s-1", now, now, BeaconFormat.PARLEY, null,
                new QualityStats(33.0, null, null, null, null, null, null, null, null, null, null, null, null));
        double duplicatesBefore = collector.scrape()
            .value("parley_quality_samples_consumed_total", Map.of("result", "duplicate"));

        events.sample(sample);
        events.sample(sample);
        events.flush();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    collector.scrape().value("parley_quality_samples_consumed_total", Map.of("result", "duplicate")))
                .isGreaterThanOrEqualTo(duplicatesBefore + 1));
        assertThat(storedSamples(meetingId)).isEqualTo(1);
        assertThat(database.count("select count(*) from quality_sample where event_id = ?::uuid", sample.eventId()))
            .isEqualTo(1);
        read(meetingId, "/summary", TestTokens.token(meetingId, "p-1")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.samples")
            .isEqualTo(1);
    }

    @Test
    void viewsCoverTheRangeAskedFor() {
        Meeting meeting = endedMeeting();
        long last = database.count("select (extract(epoch from max(measured_at)) * 1000)::bigint from quality_sample "
                + "where meeting_id = ?", meeting.id());
        String token = TestTokens.accessToken(meeting.host());

        read(meeting.id(), "?from=" + (last - 5_000), token).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.samples")
            .isEqualTo(4)
            .jsonPath("$.firstTimestamp")
            .isEqualTo(last - 5_000)
            .jsonPath("$.lastTimestamp")
            .isEqualTo(last);
        read(meeting.id(), "/summary?to=" + last, token).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.samples")
            .isEqualTo(4);
        read(meeting.id(), "?from=" + (last + 1), token).expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badRangesAreRefusedWith400() {
        Meeting meeting = endedMeeting();
        String token = TestTokens.accessToken(meeting.host());

        for (String path : List.of("", "/summary", "/samples")) {
            for (String query : List.of("?from=yesterday", "?to=1.5", "?from=2000&to=1000", "?from=5&to=5", "?from=-1",
                    "?to=99999999999999999")) {
                read(meeting.id(), path + query, token).expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .exists();
            }
        }
    }

    @Test
    void aMeetingWithoutSamplesIsNotFoundForAParticipant() {
        String meetingId = "m-" + UUID.randomUUID();
        for (String path : List.of("", "/summary", "/samples")) {
            read(meetingId, path, TestTokens.token(meetingId, "p-1")).expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

}
