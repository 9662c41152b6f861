package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-up, sign-in, sessions and the account itself (PEOPLE.md §2-§3) on real PostgreSQL,
 * Redis and Kafka.
 */
class AccountsIT {

    private static RunningPeopleService service;

    private static WebTestClient client;

    private static PeopleClient people;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("accounts_it", "--parley.people.throttle.address-failures=10000");
        client = service.client();
        people = new PeopleClient(client);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String email() {
        return "p-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void signUpAnswersTheAccountAnAccessTokenAndAStrictHttpOnlyCookie() {
        String email = email();
        var result = client.post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "displayName", "Ada Lovelace", "password", "analytical engine"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult();

        Map<?, ?> body = result.getResponseBody();
        assertThat((Map<String, Object>) body.get("account")).containsEntry("email", email)
            .containsEntry("displayName", "Ada Lovelace")
            .containsKey("accountId")
            .doesNotContainKey("passwordHash");
        assertThat(Instant.parse((String) body.get("expiresAt"))).isBetween(Instant.now().plusSeconds(800),
                Instant.now().plusSeconds(901));
        ResponseCookie cookie = result.getResponseCookies().getFirst("parley_session");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/session");
        assertThat(cookie.isSecure()).isFalse();
    }

    @Test
    void cookieIsSecureWhenTheGatewaySaysTheClientCameOverHttps() {
        var result = client.post()
            .uri("/api/accounts")
            .header("X-Forwarded-Proto", "https")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email(), "displayName", "Ada", "password", "analytical engine"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult();

        assertThat(result.getResponseCookies().getFirst("parley_session").isSecure()).isTrue();
    }

    @Test
    void aTakenEmailIs409WhateverItsCase() {
        String email = email();
        people.signUp(email, "First", "analytical engine");

        client.post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email.toUpperCase(), "displayName", "Second", "password", "other password!"))
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("email-taken");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetIdenticalAnswers() {
        String email = email();
        people.signUp(email, "Grace", "compile the world");

        byte[] wrongPassword = signInBody(email, "not the password");
        byte[] unknownEmail = signInBody(email(), "not the password");

        assertThat(new String(unknownEmail)).isEqualTo(new String(wrongPassword));
        assertThat(new String(wrongPassword)).contains("\"status\":401");
    }

    private byte[] signInBody(String email, String password) {
        return client.post()
            .uri("/api/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectBody()
            .returnResult()
            .getResponseBody();
    }

    @Test
    void theSixthRapidWrongPasswordForOneAccountIs429WithRetryAfter() {
        String email = email();
        people.signUp(email, "Linus", "just for fun, 1991");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInBody(email, "wrong guess " + attempt);
        }

        client.post()
            .uri("/api/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", "just for fun, 1991"))
            .exchange()
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.retryAfterSeconds")
            .isNumber();
    }

    @Test
    void signInWithTheRightPasswordStartsAnotherSession() {
        String email = email();
        var first = people.signUp(email, "Barbara", "liskov substitution");
        var second = people.signIn(email.toUpperCase(), "liskov substitution");

        assertThat(second.accountId()).isEqualTo(first.accountId());
        List<Map<String, Object>> sessions = sessionsOf(second);
        assertThat(sessions).hasSize(2);
        assertThat(sessions).filteredOn(session -> Boolean.TRUE.equals(session.get("current"))).hasSize(1);
    }

    @Test
    void refreshRotatesTheCookieAndAReusedTokenRevokesTheWholeFamily() {
        var signedIn = people.signUp(email(), "Ken", "unix philosophy");
        var rotated = PeopleClient.signedIn(
                people.refresh(signedIn.refreshToken()).expectStatus().isOk().expectBody(Map.class).returnResult());
        assertThat(rotated.refreshToken()).isNotEqualTo(signedIn.refreshToken());
        var again = PeopleClient.signedIn(
                people.refresh(rotated.refreshToken()).expectStatus().isOk().expectBody(Map.class).returnResult());

        // the first token is two rotations old: no grace, proof that a copy exists
        people.refresh(signedIn.refreshToken()).expectStatus().isUnauthorized();

        people.refresh(again.refreshToken()).expectStatus().isUnauthorized();
        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(again))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void theTokenRotatedLastGetsTheSameSuccessorWithinTheGrace() {
        var signedIn = people.signUp(email(), "Tab", "two tabs refreshing");
        var first = PeopleClient.signedIn(
                people.refresh(signedIn.refreshToken()).expectStatus().isOk().expectBody(Map.class).returnResult());
        var second = PeopleClient.signedIn(
                people.refresh(signedIn.refreshToken()).expectStatus().isOk().expectBody(Map.class).returnResult());

        assertThat(second.refreshToken()).isEqualTo(first.refreshToken());
        people.refresh(first.refreshToken()).expectStatus().isOk();
    }

    @Test
    void refreshWithoutOrWithAGarbageCookieIs401() {
        client.post().uri("/api/session/refresh").exchange().expectStatus().isUnauthorized();
        people.refresh("not-a-token").expectStatus().isUnauthorized();
        people.refresh("a".repeat(43)).expectStatus().isUnauthorized();
    }

    @Test
    void signOutEndsThisDeviceOnlyAndClearsTheCookie() {
        String email = email();
        var laptop = people.signUp(email, "Margaret", "apollo guidance");
        var phone = people.signIn(email, "apollo guidance");

        var result = client.delete()
            .uri("/api/session")
            .cookie("parley_session", laptop.refreshToken())
            .exchange()
            .expectStatus()
            .isNoContent()
            .expectBody()
            .returnResult();

        assertThat(result.getResponseCookies().getFirst("parley_session").getMaxAge()).isZero();
        people.refresh(laptop.refreshToken()).expectStatus().isUnauthorized();
        me(laptop).expectStatus().isUnauthorized();
        me(phone).expectStatus().isOk();
    }

    @Test
    void revokingOneSessionOrAllOfThem() {
        String email = email();
        var laptop = people.signUp(email, "Edsger", "goto considered harmful");
        var phone = people.signIn(email, "goto considered harmful");
        var tablet = people.signIn(email, "goto considered harmful");
        String phoneSession = sessionIdOf(phone);

        client.delete()
            .uri("/api/me/sessions/{id}", phoneSession)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(laptop))
            .exchange()
            .expectStatus()
            .isNoContent();
        me(phone).expectStatus().isUnauthorized();
        me(tablet).expectStatus().isOk();

        client.delete()
            .uri("/api/me/sessions")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(laptop))
            .exchange()
            .expectStatus()
            .isNoContent();
        me(tablet).expectStatus().isUnauthorized();
        me(laptop).expectStatus().isUnauthorized();
    }

    @Test
    void someoneElsesSessionIs404() {
        var mine = people.signUp(email(), "Mine", "my own password");
        var theirs = people.signUp(email(), "Theirs", "their own password");

        client.delete()
            .uri("/api/me/sessions/{id}", sessionIdOf(theirs))
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(mine))
            .exchange()
            .expectStatus()
            .isNotFound();
        me(theirs).expectStatus().isOk();
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        String email = email();
        var laptop = people.signUp(email, "Alan", "enigma machine");
        var phone = people.signIn(email, "enigma machine");

        client.post()
            .uri("/api/me/password")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(laptop))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("currentPassword", "wrong one here", "newPassword", "turing complete"))
            .exchange()
            .expectStatus()
            .isUnauthorized();
        client.post()
            .uri("/api/me/password")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(laptop))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("currentPassword", "enigma machine", "newPassword", "turing complete"))
            .exchange()
            .expectStatus()
            .isNoContent();

        me(laptop).expectStatus().isOk();
        me(phone).expectStatus().isUnauthorized();
        people.signIn(email, "turing complete");
    }

    @Test
    void renameAndDelete() {
        String email = email();
        var signedIn = people.signUp(email, "Old Name", "delete me later");

        client.patch()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("displayName", "  New Name  "))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.displayName")
            .isEqualTo("New Name");
        client.method(org.springframework.http.HttpMethod.DELETE)
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "not my password"))
            .exchange()
            .expectStatus()
            .isUnauthorized();
        client.method(org.springframework.http.HttpMethod.DELETE)
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "delete me later"))
            .exchange()
            .expectStatus()
            .isNoContent();

        me(signedIn).expectStatus().isUnauthorized();
        signInBody(email, "delete me later");
        people.signUp(email, "Back Again", "a fresh start now");
    }

    @Test
    void deletingWithoutABodyAsksAPasswordAccountForItsPasswordAndTwoDeletionsDeleteOnce() {
        var signedIn = people.signUp(email(), "No Body", "bodiless delete");
        client.delete()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        var first = client.method(org.springframework.http.HttpMethod.DELETE)
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "bodiless delete"))
            .exchange();
        first.expectStatus().isNoContent();
        client.method(org.springframework.http.HttpMethod.DELETE)
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "bodiless delete"))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void aJoinTokenOnMeIs401() {
        var signedIn = people.signUp(email(), "Join", "join token test");
        Instant now = Instant.now();
        String joinToken = new JoinTokenSigner(RunningPeopleService.KEY, "parley").sign(
                new JoinToken(signedIn.accountId(), "m-1", "p-1", "Join", Role.HOST, "jti", now, now.plusSeconds(600)));

        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + joinToken)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void accessTokensAreVerifiableWithThePublishedKeys() {
        client.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.keys[0].kid")
            .isEqualTo(RunningPeopleService.KEY.getKeyID())
            .jsonPath("$.keys[0].d")
            .doesNotExist();
    }

    private WebTestClient.ResponseSpec me(PeopleClient.SignedIn signedIn) {
        return client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn)).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sessionsOf(PeopleClient.SignedIn signedIn) {
        return (List<Map<String, Object>>) client.get()
            .uri("/api/me/sessions")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("sessions");
    }

    private String sessionIdOf(PeopleClient.SignedIn signedIn) {
        return (String) sessionsOf(signedIn).stream()
            .filter(s -> Boolean.TRUE.equals(s.get("current")))
            .findFirst()
            .orElseThrow()
            .get("sessionId");
    }

}
