package io.parley.people;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator's sign-up switch: {@code invite-only} takes new accounts only with a
 * usable organization invitation sent to the address signing up; {@code closed} takes
 * none. Instances with other switches share the database, as an operator who opens the
 * server for its first people and then restricts it would.
 */
class SignUpSwitchIT {

    private static final String DATABASE = "sign_up_switch_it";

    private static RunningPeopleService open;

    private static RunningPeopleService inviteOnly;

    private static RunningPeopleService closed;

    @BeforeAll
    static void start() {
        Map<String, Object> database = new HashMap<>(SharedInfrastructure.postgresProperties(DATABASE));
        open = RunningPeopleService.start(DATABASE, database);
        inviteOnly = RunningPeopleService.start(DATABASE, database, "--parley.people.sign-up=invite-only");
        closed = RunningPeopleService.start(DATABASE, database, "--parley.people.sign-up=closed");
    }

    @AfterAll
    static void stop() {
        open.close();
        inviteOnly.close();
        closed.close();
    }

    private static WebTestClient.ResponseSpec signUp(RunningPeopleService service, String email, String invitation) {
        Map<String, Object> body = new HashMap<>(
                Map.of("email", email, "displayName", "Newcomer", "password", "joining by invitation"));
        if (invitation != null) {
            body.put("invitation", invitation);
        }
        return service.client()
            .post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    @Test
    void inviteOnlyTakesThoseInvitedAtTheirAddressAndNobodyElse() {
        var owner = new PeopleClient(open.client()).signUp("owner-" + UUID.randomUUID() + "@example.org", "Owner",
                "owns an organization");
        String orgId = (String) open.client()
            .post()
            .uri("/api/orgs")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(owner))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Invite only"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("orgId");
        String invited = "invited-" + UUID.randomUUID() + "@example.org";
        String token = (String) open.client()
            .post()
            .uri("/api/orgs/{id}/invitations", orgId)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(owner))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", invited, "role", "member"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("token");

        signUp(inviteOnly, invited, null).expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("sign-up-invite-only");
        signUp(inviteOnly, "someone-else-" + UUID.randomUUID() + "@example.org", token).expectStatus().isForbidden();
        signUp(inviteOnly, invited, "not-a-token").expectStatus().isForbidden();
        signUp(closed, invited, token).expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("sign-up-closed");

        var newcomer = PeopleClient.signedIn(signUp(inviteOnly, invited.toUpperCase(), token).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult());
        inviteOnly.client()
            .post()
            .uri("/api/invitations/{token}/accept", token)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(newcomer))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.role")
            .isEqualTo("member");
        signUp(inviteOnly, "another-" + UUID.randomUUID() + "@example.org", token).expectStatus().isForbidden();
    }

}
