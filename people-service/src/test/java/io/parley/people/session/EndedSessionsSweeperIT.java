package io.parley.people.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.parley.people.PeopleClient;
import io.parley.people.RunningPeopleService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Ended sessions and the tokens they retired are deleted once they are older than
 * {@code keep-ended}, not before.
 */
class EndedSessionsSweeperIT {

    private static RunningPeopleService service;

    private static DatabaseClient db;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("ended_sessions_it");
        db = service.bean(DatabaseClient.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long count(String sql, UUID account) {
        return db.sql(sql).bind("account", account).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void deletesSessionsEndedLongerAgoThanKeptWithTheirRetiredTokens() {
        PeopleClient people = new PeopleClient(service.client());
        String email = "sweep-" + UUID.randomUUID() + "@example.org";
        var old = people.signUp(email, "Sweeper", "sessions come and go");
        people.refresh(old.refreshToken()).expectStatus().isOk();
        var recent = people.signIn(email, "sessions come and go");
        service.client()
            .delete()
            .uri("/api/me/sessions")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(recent))
            .exchange()
            .expectStatus()
            .isNoContent();
        UUID account = UUID.fromString(old.accountId());
        // the first session ended eight days ago; the second just now
        db.sql("update session set revoked_at = :long_ago where account_id = :account and id = ("
                + "select id from session where account_id = :account order by created_at limit 1)")
            .bind("long_ago", Instant.now().minus(8, ChronoUnit.DAYS))
            .bind("account", account)
            .then()
            .block();

        long deleted = service.bean(EndedSessionsSweeper.class).runOnce().block();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from session where account_id = :account", account)).isEqualTo(1);
        assertThat(count("select count(*) from retired_token r join session s on s.id = r.session_id "
                + "where s.account_id = :account", account))
            .isZero();
    }

}
