package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import io.parley.quality.history.Partitions;
import io.parley.quality.support.EventPublisher;
import io.parley.quality.support.HistoryDashboard;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An organization's quality per day, on real Kafka and PostgreSQL: the organization of
 * each meeting comes from meeting-service's meeting-created event, the days are
 * aggregated by PostgreSQL over the organization's meetings only, and only the
 * organization's owners and admins may read them.
 */
class TrendIT {

    private static final String DATABASE = "quality_trends";

    private static final String ORG = "org-" + UUID.randomUUID();

    private static final String OTHER_ORG = "org-" + UUID.randomUUID();

    private static RunningCollector collector;

    /** A meeting of {@link #ORG} with samples two days ago. */
    private static String standup;

    private static HistoryDatabase database;

    private static EventPublisher events;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                SharedInfrastructure.postgres(), DATABASE);
        database = new HistoryDatabase(SharedInfrastructure.postgres(), DATABASE);
        events = new EventPublisher(SharedInfrastructure.kafka());
        standup = meeting(ORG);
        String review = meeting(ORG);
        String elsewhere = meeting(OTHER_ORG);
        String unorganized = "m-" + UUID.randomUUID();
        events.meetingCreated(unorganized, "p-host", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
            .until(() -> database.count("select count(*) from quality_org_meeting where meeting_id in (?, ?, ?)",
                    standup, review, elsewhere) == 3);
        Partitions partitions = collector.bean(Partitions.class);
        for (int daysAgo : List.of(1, 2)) {
            partitions.create(day(-daysAgo)).block(Duration.ofSeconds(10));
        }
        // two days ago: two participants of the standup over two minutes
        stored(standup, "p-1", at(-2, "12:00:00"), 10.0, 0.0, 1_000_000.0);
        stored(standup, "p-1", at(-2, "12:00:30"), 20.0, 1.0, 2_000_000.0);
        stored(standup, "p-1", at(-2, "12:01:00"), 30.0, 2.0, 3_000_000.0);
        stored(standup, "p-2", at(-2, "12:00:10"), 40.0, null, null);
        // yesterday: the review, and meetings of no or another organization, which must
        // not count
        stored(review, "p-1", at(-1, "09:00:00"), 100.0, 5.0, 500_000.0);
        stored(elsewhere, "p-1", at(-1, "09:00:00"), 9_000.0, 90.0, 1.0);
        stored(unorganized, "p-1", at(-1, "09:00:00"), 9_000.0, 90.0, 1.0);
    }

    @AfterAll
    static void stop() {
        events.close();
        collector.close();
    }

    private static String meeting(String orgId) {
        String meetingId = "m-" + UUID.randomUUID();
        events.meetingCreated(meetingId, "p-host", UUID.randomUUID().toString(), orgId);
        return meetingId;
    }

    private static LocalDate day(int daysFromToday) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(daysFromToday);
    }

    private static Instant at(int daysFromToday, String time) {
        return Instant.parse(day(daysFromToday) + "T" + time + "Z");
    }

    private static void stored(String meetingId, String participantId, Instant measuredAt, Double rttMs,
            Double recvLossPct, Double recvBitrateBps) {
        database.storeSample(meetingId, participantId, measuredAt, rttMs, recvLossPct, recvBitrateBps);
    }

    private static WebTestClient.ResponseSpec trends(String orgId, String query, String token) {
        WebTestClient.RequestHeadersSpec<?> request = collector.client()
            .get()
            .uri("/api/quality/orgs/" + orgId + "/trends" + query);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    private static String reader(String role) {
        return TestTokens.accessToken(UUID.randomUUID().toString(), ORG, role);
    }

    @Test
    void anAdminReadsTheOrganizationsQualityPerDayOverItsMeetingsOnly() {
        trends(ORG, "", reader("admin")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orgId")
            .isEqualTo(ORG)
            .jsonPath("$.to")
            .isEqualTo(day(1).toString())
            .jsonPath("$.from")
            .isEqualTo(day(-29).toString())
            .jsonPath("$.days.length()")
            .isEqualTo(2)
            .jsonPath("$.days[0].day")
            .isEqualTo(day(-2).toString())
            .jsonPath("$.days[0].meetings")
            .isEqualTo(1)
            .jsonPath("$.days[0].participants")
            .isEqualTo(2)
            .jsonPath("$.days[0].participantMinutes")
            .isEqualTo(3)
            .jsonPath("$.days[0].samples")
            .isEqualTo(4)
            .jsonPath("$.days[0].rttMs.p50")
            .isEqualTo(25.0)
            .jsonPath("$.days[0].rttMs.p95")
            .isEqualTo(38.5)
            .jsonPath("$.days[0].recvPacketLossPct.p50")
            .isEqualTo(1.0)
            .jsonPath("$.days[0].recvBitrateBps.p95")
            .isEqualTo(2_900_000.0)
            .jsonPath("$.days[1].day")
            .isEqualTo(day(-1).toString())
            .jsonPath("$.days[1].meetings")
            .isEqualTo(1)
            .jsonPath("$.days[1].rttMs.p95")
            .isEqualTo(100.0);
    }

    @Test
    void theRangeSelectsWholeUtcDaysAndAnOwnerReadsToo() {
        String yesterday = "?from=" + day(-1) + "&to=" + day(0);
        trends(ORG, yesterday, reader("owner")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.days.length()")
            .isEqualTo(1)
            .jsonPath("$.days[0].samples")
            .isEqualTo(1);
        trends(ORG, "?from=2020-01-01&to=2020-02-01", reader("owner")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.days.length()")
            .isEqualTo(0);
    }

    @Test
    void ownersAndAdminsReadEachOfTheOrganizationsMeetingsAndMembersOnlyTheirOwn() {
        for (String role : List.of("owner", "admin")) {
            collector.client()
                .get()
                .uri("/api/quality/meetings/" + standup + "/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + reader(role))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.samples")
                .isEqualTo(4);
        }
        collector.client()
            .get()
            .uri("/api/quality/meetings/" + standup)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + reader("member"))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void membersStrangersAndOtherOrganizationsAdminsAreForbidden() {
        for (String token : List.of(reader("member"), TestTokens.accessToken(UUID.randomUUID().toString()),
                TestTokens.accessToken(UUID.randomUUID().toString(), OTHER_ORG, "owner"))) {
            trends(ORG, "", token).expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void noTokenAJoinTokenOrAForgedOneIsUnauthorized() {
        for (String token : Arrays.asList(null, TestTokens.token("m-1", "p-1"),
                TestTokens.forgedAccessToken(UUID.randomUUID().toString()))) {
            trends(ORG, "", token).expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    /**
     * The Grafana dashboard on the history computes what the endpoint answers, and each
     * of its queries runs on the migrated schema.
     */
    @Test
    void theHistoryDashboardsQueriesRunAndAgreeWithTheEndpoint() {
        Map<String, String> queries = HistoryDashboard.queries(ORG, at(-30, "00:00:00"), at(1, "00:00:00"));

        assertThat(database.rows(queries.get("$org"))).extracting(row -> row.get("org_id")).contains(ORG, OTHER_ORG);
        List<Map<String, Object>> rtt = database.rows(queries.get("Round-trip time (p50, p95)"));
        assertThat(rtt).extracting(row -> row.get("p50"), row -> row.get("p95"))
            .containsExactly(tuple(25.0, 38.5), tuple(100.0, 100.0));
        assertThat(database.rows(queries.get("Meetings and participant-minutes")))
            .extracting(row -> row.get("meetings"), row -> row.get("participant-minutes"))
            .containsExactly(tuple(1L, 3L), tuple(1L, 1L));
        queries.forEach((title, sql) -> assertThat(database.rows(sql)).as(title).isNotEmpty());
    }

    @Test
    void malformedOrOversizedInputIsABadRequestNamingTheParameter() {
        String admin = reader("admin");
        List<String[]> cases = List.of(new String[] { "?from=yesterday", "from" },
                new String[] { "?to=2026-02-30", "to" }, new String[] { "?from=2026-03-01&to=2026-03-01", "to" },
                new String[] { "?from=2024-01-01&to=2025-01-02", "to" }, new String[] { "?from=0001-01-01", "from" },
                new String[] { "?from=" + "9".repeat(1_000), "from" });
        for (String[] bad : cases) {
            trends(ORG, bad[0], admin).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(bad[1]);
        }
        trends("x".repeat(129), "", admin).expectStatus().isBadRequest();
        trends("org%20with%20spaces", "", admin).expectStatus().isBadRequest();
    }

}
