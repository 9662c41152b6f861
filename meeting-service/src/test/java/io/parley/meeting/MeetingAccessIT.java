package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Meetings know people (PEOPLE.md §3): with an access token the join token's {@code sub}
 * is the account and its name the display name; {@code org} and {@code invited} meetings
 * refuse guests (401) and outsiders (403).
 */
class MeetingAccessIT {

    private static RunningMeetingService service;

    private static WebTestClient client;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start("--parley.access-tokens.jwks-uri=" + PeopleKeys.jwksUri());
        client = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static WebTestClient.ResponseSpec create(String accessToken, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = client.post()
            .uri("/api/meetings")
            .contentType(MediaType.APPLICATION_JSON);
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.bodyValue(body).exchange();
    }

    private static WebTestClient.ResponseSpec join(String meetingId, String accessToken) {
        WebTestClient.RequestBodySpec request = client.post()
            .uri("/api/meetings/{id}/participants", meetingId)
            .contentType(MediaType.APPLICATION_JSON);
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.bodyValue(Map.of("name", "Typed Name")).exchange();
    }

    private static Map<String, Object> claims(String joinToken) throws Exception {
        return SignedJWT.parse(joinToken).getJWTClaimsSet().getClaims();
    }

    @SuppressWarnings("unchecked")
    private static String createdId(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("meetingId");
    }

    @Test
    void aSignedInHostAndParticipantGetTokensForTheirAccountsUnderTheirNames() throws Exception {
        String host = UUID.randomUUID().toString();
        Map<?, ?> created = create(PeopleKeys.accessToken(host, "Ada Lovelace"), Map.of("hostName", "ignored"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        Map<String, Object> hostClaims = claims((String) ((Map<?, ?>) created.get("host")).get("token"));
        assertThat(hostClaims).containsEntry("sub", host).containsEntry("name", "Ada Lovelace");

        String guest = UUID.randomUUID().toString();
        Map<?, ?> joined = join((String) created.get("meetingId"), PeopleKeys.accessToken(guest, "Grace Hopper"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(claims((String) joined.get("token"))).containsEntry("sub", guest)
            .containsEntry("name", "Grace Hopper");
    }

    @Test
    void guestsKeepJoiningMeetingsOpenToAnyone() throws Exception {
        String meetingId = createdId(create(null, Map.of("hostName", "Guest Host")));

        Map<?, ?> joined = join(meetingId, null).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat((String) claims((String) joined.get("token")).get("sub")).startsWith("guest:");
    }

    @Test
    void anOrgMeetingRefusesGuestsWith401AndOutsidersWith403() {
        String org = UUID.randomUUID().toString();
        String meetingId = createdId(create(PeopleKeys.accessToken(UUID.randomUUID().toString(), "Owner", org),
                Map.of("access", "org", "orgId", org)));

        join(meetingId, null).expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("sign-in-required");
        join(meetingId, PeopleKeys.accessToken(UUID.randomUUID().toString(), "Outsider", "other-org")).expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-invited");
        join(meetingId, PeopleKeys.accessToken(UUID.randomUUID().toString(), "Member", org)).expectStatus().isCreated();
        client.get().uri("/api/meetings/{id}", meetingId).exchange().expectBody().jsonPath("$.access").isEqualTo("org");
    }

    @Test
    void anInvitedMeetingAdmitsOnlyTheInvitedAndTheHost() {
        String host = UUID.randomUUID().toString();
        String invited = UUID.randomUUID().toString();
        String meetingId = createdId(create(PeopleKeys.accessToken(host, "Host"),
                Map.of("access", "invited", "invitedAccounts", List.of(invited))));

        join(meetingId, PeopleKeys.accessToken(UUID.randomUUID().toString(), "Stranger")).expectStatus().isForbidden();
        join(meetingId, PeopleKeys.accessToken(invited, "Invited")).expectStatus().isCreated();
        join(meetingId, PeopleKeys.accessToken(host, "Host")).expectStatus().isCreated();
    }

    @Test
    void restrictingAccessNeedsASignedInHostWhoIsInTheOrg() {
        String org = UUID.randomUUID().toString();
        create(null, Map.of("hostName", "Guest", "access", "org", "orgId", org)).expectStatus().isUnauthorized();
        create(PeopleKeys.accessToken(UUID.randomUUID().toString(), "Not In It"), Map.of("access", "org", "orgId", org))
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-member");
        create(PeopleKeys.accessToken(UUID.randomUUID().toString(), "Someone"), Map.of("access", "everyone"))
            .expectStatus()
            .isBadRequest();
        create(PeopleKeys.accessToken(UUID.randomUUID().toString(), "Someone"), Map.of("access", "org")).expectStatus()
            .isBadRequest();
    }

    @Test
    void aJoinTokenOrAForgedTokenWhereAnAccessTokenMayGoIs401() {
        String meetingId = createdId(create(null, Map.of("hostName", "Guest Host")));
        String joinToken = RunningMeetingService.signer()
            .sign(new io.parley.tokens.JoinToken("u", meetingId, "p", "n", io.parley.tokens.Role.HOST, "j",
                    java.time.Instant.now(), java.time.Instant.now().plusSeconds(60)));

        join(meetingId, joinToken).expectStatus().isUnauthorized();
        join(meetingId, "not.a.token").expectStatus().isUnauthorized();
        create(joinToken, Map.of("hostName", "X")).expectStatus().isUnauthorized();
    }

}
