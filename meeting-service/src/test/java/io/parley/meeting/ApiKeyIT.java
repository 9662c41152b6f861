package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Server-side integrations with an API key, on a deployment where guests may not create
 * meetings.
 */
class ApiKeyIT {

    private static final String KEY = "acme-live-7f3a9c";

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    @BeforeAll
    static void start() throws Exception {
        String hash = HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        service = RunningMeetingService.start("--parley.meetings.guest-creation-enabled=false",
                "--parley.meetings.api-keys[0].name=acme", "--parley.meetings.api-keys[0].sha256=" + hash);
        client = service.client();
        api = new MeetingApiClient(client);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void guestsMayNotCreateMeetingsHereButAnIntegrationMay() {
        create(null, Map.of("hostName", "Ada")).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        create("wrong-key", Map.of("hostName", "Ada")).expectStatus().isUnauthorized();

        Map<?, ?> created = create(KEY, Map.of("hostName", "Ada", "hostUserId", "acme-user-1")).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

        String hostToken = (String) ((Map<?, ?>) created.get("host")).get("token");
        assertThat(subject(hostToken)).isEqualTo("acme-user-1");
        api.join((String) created.get("meetingId"), "Grace");
    }

    @Test
    void mintsATokenForTheAppsOwnUserAndRole() throws Exception {
        String meetingId = meeting();

        Map<?, ?> minted = mint(KEY, Map.of("meetingId", meetingId, "userId", "42", "name", "Linus", "role", "host"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

        String token = (String) minted.get("token");
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getStringClaim("role")).isEqualTo("host");
        assertThat(claims.getStringClaim("mid")).isEqualTo(meetingId);
        assertThat(claims.getStringClaim("pid")).isEqualTo(minted.get("participantId"));
        assertThat(Instant.parse((String) minted.get("expiresAt"))).isEqualTo(claims.getExpirationTime().toInstant())
            .isAfter(Instant.now().plus(3, ChronoUnit.HOURS));
        assertThat(MeetingLifecycleIT.participants(api.get(meetingId))).extracting(p -> p.get("name"))
            .contains("Linus");
        api.post("/api/meetings/{id}/mute-all", token, meetingId).expectStatus().isNoContent();
    }

    @Test
    void mintingNeedsAValidKey() {
        String meetingId = meeting();
        Map<String, Object> body = Map.of("meetingId", meetingId, "userId", "42", "name", "Linus", "role",
                "participant");

        mint(null, body).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        mint("wrong", body).expectStatus().isUnauthorized();
        mint(KEY.toUpperCase(), body).expectStatus().isUnauthorized();
        mint(null, "{not json").expectStatus().isUnauthorized();
    }

    @Test
    void mintingChecksItsInput() {
        String meetingId = meeting();

        mint(KEY, Map.of("meetingId", meetingId, "userId", "42", "name", "Linus", "role", "admin")).expectStatus()
            .isBadRequest();
        mint(KEY, Map.of("meetingId", meetingId, "userId", "guest:1", "name", "Linus", "role", "host")).expectStatus()
            .isBadRequest();
        mint(KEY, Map.of("meetingId", meetingId, "name", "Linus", "role", "host")).expectStatus().isBadRequest();
        mint(KEY, Map.of("meetingId", "zzzz-zzzz-zzzz", "userId", "42", "name", "Linus", "role", "host")).expectStatus()
            .isNotFound();
    }

    @Test
    void hostUserIdNeedsAnApiKey() {
        // guest creation is off here, so the key check comes first; see BadInputIT for
        // the open deployment
        create(KEY, Map.of("hostName", "Ada", "hostUserId", "guest:abc")).expectStatus().isBadRequest();
    }

    private String meeting() {
        return (String) create(KEY, Map.of("hostName", "Ada")).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("meetingId");
    }

    private WebTestClient.ResponseSpec create(String key, Object body) {
        return client.post().uri("/api/meetings").headers(h -> {
            if (key != null) {
                h.set("X-Api-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec mint(String key, Object body) {
        return client.post().uri("/api/tokens").headers(h -> {
            if (key != null) {
                h.set("X-Api-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String subject(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
