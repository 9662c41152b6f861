package io.parley.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * people-service behind the gateway (PEOPLE.md §1–§3): which token each path takes, the
 * session cookie both ways, and what people-service is told about the client. The gateway
 * trusts one proxy in front of it, as the chart runs it.
 */
class GatewayPeopleIT {

    static final String SESSION_COOKIE = "parley_session=r1-rotated; Path=/api/session; Max-Age=2592000; HttpOnly; "
            + "SameSite=Strict; Secure";

    private static StubBackend meeting;

    private static StubBackend people;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        meeting = StubBackend.start("meeting-service");
        people = StubBackend.start("people-service", "people-service", Duration.ZERO, Map.of(),
                Map.of("Set-Cookie", SESSION_COOKIE));
        Map<String, String> services = new HashMap<>(
                StubBackend.serviceArgs(meeting.uri(), meeting.uri(), meeting.uri(), meeting.uri()));
        services.put("people-service", people.uri());
        gateway = RunningGateway.start(SharedInfrastructure.redis(), services,
                "--parley.gateway.rate-limit.trusted-proxies=1");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        people.close();
        meeting.close();
    }

    @Test
    void routesAnAccessTokenOnMeToPeopleService() {
        gateway.client()
            .get()
            .uri("/api/me")
            .header("Authorization", "Bearer " + TestTokens.access("acc-me"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Parley-Service", "people-service")
            .expectBody()
            .jsonPath("$.path")
            .isEqualTo("/api/me");
    }

    @Test
    void refusesJoinTokenOnMe() {
        gateway.client()
            .get()
            .uri("/api/me")
            .header("Authorization", TestTokens.bearer("u-guest"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectHeader()
            .valueMatches("WWW-Authenticate", "Bearer.*")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401)
            .jsonPath("$.detail")
            .isEqualTo("Not an access token.");
    }

    @Test
    void refusesMeWithoutAToken() {
        gateway.client()
            .get()
            .uri("/api/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Sign in first: an access token is required.");
    }

    @Test
    void refusesAnExpiredAccessTokenOnContacts() {
        String expired = TestTokens.ACCESS_SIGNER
            .sign(TestTokens.accessToken("acc-late", Instant.now().minusSeconds(600)));

        gateway.client()
            .get()
            .uri("/api/contacts")
            .header("Authorization", "Bearer " + expired)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The access token has expired.");
    }

    @Test
    void routesQualityDataWithAnAccessTokenAndRefusesAnExpiredOne() {
        gateway.client()
            .get()
            .uri("/api/quality/meetings/m-1/summary")
            .header("Authorization", "Bearer " + TestTokens.access("acc-past"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.path")
            .isEqualTo("/api/quality/meetings/m-1/summary");
        String expired = TestTokens.ACCESS_SIGNER
            .sign(TestTokens.accessToken("acc-late", Instant.now().minusSeconds(600)));

        gateway.client()
            .get()
            .uri("/api/quality/meetings/m-1")
            .header("Authorization", "Bearer " + expired)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The access token has expired.");
    }

    @Test
    void refusesAccessTokenOnAHostControl() {
        gateway.client()
            .post()
            .uri("/api/meetings/m-1/mute-all")
            .header("Authorization", "Bearer " + TestTokens.access("acc-host"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Not a join token.");
    }

    @Test
    void signsUpAndInWithoutAToken() {
        for (String path : new String[] { "/api/accounts", "/api/session" }) {
            gateway.client()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Parley-Service", "people-service")
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);
        }
    }

    @Test
    void refreshesWhateverAccessTokenRidesAlong() {
        String expired = TestTokens.ACCESS_SIGNER
            .sign(TestTokens.accessToken("acc-refresh", Instant.now().minusSeconds(600)));

        gateway.client()
            .post()
            .uri("/api/session/refresh")
            .header("Authorization", "Bearer " + expired)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Parley-Service", "people-service");
    }

    @Test
    void passesTheSessionCookieThroughBothWays() {
        gateway.client()
            .post()
            .uri("/api/session/refresh")
            .header("Cookie", "parley_session=r1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Set-Cookie", SESSION_COOKIE)
            .expectBody()
            .jsonPath("$.cookie")
            .isEqualTo("parley_session=r1");

        gateway.client()
            .delete()
            .uri("/api/session")
            .header("Cookie", "parley_session=r1-rotated")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.cookie")
            .isEqualTo("parley_session=r1-rotated");
    }

    @Test
    void tellsPeopleServiceTheSchemeAndAddressTheIngressSaw() {
        gateway.client()
            .post()
            .uri("/api/session")
            .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
            .header("X-Forwarded-Proto", "https")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("Strict-Transport-Security")
            .expectBody()
            .jsonPath("$.forwardedFor")
            .isEqualTo("203.0.113.7")
            .jsonPath("$.forwardedProto")
            .isEqualTo("https");

        gateway.client()
            .post()
            .uri("/api/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Strict-Transport-Security")
            .expectBody()
            .jsonPath("$.forwardedFor")
            .isEqualTo("127.0.0.1")
            .jsonPath("$.forwardedProto")
            .isEqualTo("http");
    }

    @Test
    void createsAndJoinsMeetingsWithAnOptionalAccessTokenButNeverAJoinToken() {
        String access = "Bearer " + TestTokens.access("acc-creator");
        for (String path : new String[] { "/api/meetings", "/api/meetings/m-1/participants" }) {
            gateway.client()
                .post()
                .uri(path)
                .header("Authorization", access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Parley-Service", "meeting-service");
            gateway.client()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
            gateway.client()
                .post()
                .uri(path)
                .header("Authorization", TestTokens.bearer("u-joiner"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Not an access token.");
        }
    }

    @Test
    void apiIndexListsThePeopleEndpoints() {
        gateway.client()
            .get()
            .uri("/api")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.endpoints[?(@.path == '/api/accounts' && @.method == 'POST')].service")
            .isEqualTo("people-service")
            .jsonPath("$.endpoints[?(@.path == '/api/contacts/{contactId}/messages' && @.method == 'POST')].service")
            .isEqualTo("people-service");
    }

}
