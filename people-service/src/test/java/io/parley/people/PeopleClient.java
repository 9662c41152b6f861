package io.parley.people;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-up and sign-in as a browser does them, for tests: the access token and the refresh
 * cookie it gets.
 */
public final class PeopleClient {

    private final WebTestClient client;

    public PeopleClient(WebTestClient client) {
        this.client = client;
    }

    /** A signed-in person: account id, access token, refresh-token cookie value. */
    public record SignedIn(String accountId, String accessToken, String refreshToken) {
    }

    public SignedIn signUp(String email, String displayName, String password) {
        return signedIn(client.post()
            .uri("/api/accounts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "displayName", displayName, "password", password))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult());
    }

    public SignedIn signIn(String email, String password) {
        return signedIn(client.post()
            .uri("/api/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult());
    }

    public WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post().uri("/api/session/refresh").cookie("parley_session", refreshToken).exchange();
    }

    static SignedIn signedIn(EntityExchangeResult<Map> result) {
        Map<?, ?> body = result.getResponseBody();
        ResponseCookie cookie = result.getResponseCookies().getFirst("parley_session");
        Map<?, ?> account = (Map<?, ?>) body.get("account");
        return new SignedIn((String) account.get("accountId"), (String) body.get("accessToken"),
                cookie == null ? null : cookie.getValue());
    }

    public static String bearer(SignedIn signedIn) {
        return "Bearer " + signedIn.accessToken();
    }

}
