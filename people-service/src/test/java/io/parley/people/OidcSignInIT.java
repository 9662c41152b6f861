package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with OpenID Connect (PEOPLE.md §2) against a real provider, Spring
 * Authorization Server, driven the way a browser drives it: redirects followed one by
 * one, the provider's login form filled in, cookies kept per browser.
 */
class OidcSignInIT {

    private static final String PROVIDER = "test";

    private static final String PASSWORD = "correct horse battery";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestOidcProvider provider;

    private static RunningPeopleService service;

    private static RunningPeopleService closedService;

    private static WebTestClient client;

    private static PeopleClient people;

    @BeforeAll
    static void start() {
        int providerPort = TestOidcProvider.reservePort();
        String issuer = TestOidcProvider.issuer(providerPort);
        service = RunningPeopleService.start("oidc_sign_in_it", providerArgs(issuer, "open"));
        closedService = RunningPeopleService.start("oidc_sign_up_closed_it", providerArgs(issuer, "closed"));
        provider = TestOidcProvider.start(providerPort, List.of(callback(service), callback(closedService)));
        client = service.client();
        people = new PeopleClient(client);
    }

    private static String[] providerArgs(String issuer, String signUp) {
        String test = "--parley.people.oidc.providers." + PROVIDER + ".";
        String down = "--parley.people.oidc.providers.down.";
        return new String[] { "--parley.people.sign-up=" + signUp, test + "issuer-uri=" + issuer,
                test + "client-id=" + TestOidcProvider.CLIENT_ID,
                test + "client-secret=" + TestOidcProvider.CLIENT_SECRET, test + "display-name=Test provider",
                // nothing listens there: discovery fails
                down + "issuer-uri=http://127.0.0.1:" + TestOidcProvider.reservePort(), down + "client-id=parley",
                down + "client-secret=secret", down + "display-name=Down provider" };
    }

    private static String callback(RunningPeopleService service) {
        return service.baseUrl() + "/api/session/oidc/" + PROVIDER + "/callback";
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        service.close();
        closedService.close();
    }

    private static TestOidcProvider.Person person(boolean emailVerified) {
        return person("p-" + UUID.randomUUID() + "@example.org", emailVerified);
    }

    private static TestOidcProvider.Person person(String email, boolean emailVerified) {
        return provider
            .add(new TestOidcProvider.Person("u-" + UUID.randomUUID(), PASSWORD, email, emailVerified, "Ada Lovelace"));
    }

    @Test
    void theSignInPageListsTheConfiguredProviders() {
        client.get().uri("/api/session/providers").exchange().expectStatus().isOk().expectBody().json("""
                {"providers": [{"id": "down", "displayName": "Down provider"},
                               {"id": "test", "displayName": "Test provider"}]}""", JsonCompareMode.STRICT);
    }

    @Test
    void theFirstSignInCreatesAnAccountAndItsSessionCookieGivesAnAccessToken() {
        TestOidcProvider.Person person = person(true);
        Browser browser = new Browser();

        HttpResponse<String> callback = browser.signIn(service, "/rooms/42?tab=chat", person);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/rooms/42?tab=chat");
        String cookie = setCookie(callback, "parley_session");
        assertThat(cookie).contains("HttpOnly")
            .contains("SameSite=Strict")
            .contains("Path=/api/session")
            .doesNotContain("Secure");

        Map<?, ?> signedIn = browser.refresh(service);
        Map<?, ?> account = (Map<?, ?>) signedIn.get("account");
        assertThat(account.get("email")).isEqualTo(person.email());
        assertThat(account.get("displayName")).isEqualTo("Ada Lovelace");
        assertThat((String) signedIn.get("accessToken")).isNotBlank();

        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + signedIn.get("accessToken"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.hasPassword")
            .isEqualTo(false);
    }

    @Test
    void signingInAgainWithTheSameProviderAccountReachesTheSameAccount() {
        TestOidcProvider.Person person = person(true);
        Browser first = new Browser();
        first.signIn(service, "/", person);
        String accountId = accountId(first.refresh(service));

        Browser second = new Browser();
        assertThat(second.signIn(service, "/", person).headers().firstValue("Location")).hasValue("/");
        assertThat(accountId(second.refresh(service))).isEqualTo(accountId);

        // the provider remembers the first browser: straight back without a login form,
        // still the same account
        first.signIn(service, "/", person);
        assertThat(accountId(first.refresh(service))).isEqualTo(accountId);
    }

    @Test
    void anUnverifiedEmailIsRefusedAndNoAccountIsCreated() {
        TestOidcProvider.Person person = person(false);
        Browser browser = new Browser();

        HttpResponse<String> callback = browser.signIn(service, "/", person);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/signin?error=email-unverified");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_session="));
        // the address is still free: nobody has an account with it
        people.signUp(person.email(), "Someone", "a long enough password");
    }

    @Test
    void aPasswordAccountWithTheSameEmailIsNotTakenOver() {
        String email = "p-" + UUID.randomUUID() + "@example.org";
        PeopleClient.SignedIn owner = people.signUp(email, "Owner", "the owner's password");
        TestOidcProvider.Person person = person(email.toUpperCase(), true);
        Browser browser = new Browser();

        HttpResponse<String> callback = browser.signIn(service, "/", person);

        assertThat(callback.headers().firstValue("Location")).hasValue("/signin?error=link-required");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_session="));
        assertThat(browser.refreshStatus(service)).isEqualTo(401);
        assertThat(identities(owner)).isEmpty();
    }

    @Test
    void linkingWhileSignedInThenSigningInThroughTheProviderReachesTheLinkedAccount() {
        PeopleClient.SignedIn owner = people.signUp("p-" + UUID.randomUUID() + "@example.org", "Owner",
                "the owner's password");
        TestOidcProvider.Person person = person("elsewhere-" + UUID.randomUUID() + "@example.org", true);
        Browser browser = new Browser();

        HttpResponse<String> callback = browser.link(service, owner, "/account", person);

        assertThat(callback.headers().firstValue("Location")).hasValue("/account");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_session="));
        List<Map<String, Object>> linked = identities(owner);
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0)).containsEntry("provider", PROVIDER)
            .containsEntry("issuer", provider.issuer())
            .containsEntry("subject", person.username())
            .containsKey("linkedAt");

        Browser elsewhere = new Browser();
        elsewhere.signIn(service, "/", person);
        assertThat(accountId(elsewhere.refresh(service))).isEqualTo(owner.accountId());
    }

    @Test
    void anIdentityThatSignsInToAnotherAccountCannotBeLinked() {
        TestOidcProvider.Person person = person(true);
        new Browser().signIn(service, "/", person);
        PeopleClient.SignedIn other = people.signUp("p-" + UUID.randomUUID() + "@example.org", "Other",
                "the other password");

        HttpResponse<String> callback = new Browser().link(service, other, "/account", person);

        assertThat(callback.headers().firstValue("Location")).hasValue("/signin?error=identity-linked-elsewhere");
        assertThat(identities(other)).isEmpty();
    }

    @Test
    void theOnlyWayToSignInCannotBeUnlinkedButAnExtraOneCan() {
        Browser browser = new Browser();
        browser.signIn(service, "/", person(true));
        String providerOnly = (String) browser.refresh(service).get("accessToken");
        client.delete()
            .uri("/api/me/identities/" + PROVIDER)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + providerOnly)
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("last-sign-in-method");

        PeopleClient.SignedIn owner = people.signUp("p-" + UUID.randomUUID() + "@example.org", "Owner",
                "the owner's password");
        new Browser().link(service, owner, "/", person(true));
        client.delete()
            .uri("/api/me/identities/" + PROVIDER)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(owner))
            .exchange()
            .expectStatus()
            .isNoContent();
        assertThat(identities(owner)).isEmpty();
    }

    @Test
    void aForgedOrMissingStateEndsOnTheSignInPageWithAnError() {
        Browser browser = new Browser();
        for (String query : List.of("code=abc&state=" + "A".repeat(43), "code=abc&state=%27%3B--", "code=abc", "")) {
            HttpResponse<String> callback = browser.get(URI.create(callback(service) + "?" + query));
            assertThat(callback.statusCode()).as(query).isEqualTo(302);
            assertThat(callback.headers().firstValue("Location")).as(query).hasValue("/signin?error=state-invalid");
        }
    }

    @Test
    void aCallbackWorksOnceAndOnlyInTheBrowserThatStarted() {
        TestOidcProvider.Person person = person(true);
        Browser starter = new Browser();
        URI callback = starter.toCallback(start(service, "/"), person);

        // handed to someone else (login CSRF), the callback signs nobody in, and the flow
        // is spent
        HttpResponse<String> elsewhere = new Browser().get(callback);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("/signin?error=state-invalid");
        assertThat(starter.get(callback).headers().firstValue("Location")).hasValue("/signin?error=state-invalid");

        URI again = starter.toCallback(start(service, "/"), person);
        assertThat(starter.get(again).headers().firstValue("Location")).hasValue("/");
        assertThat(starter.get(again).headers().firstValue("Location")).hasValue("/signin?error=state-invalid");
    }

    @Test
    void returnToOnAnotherSiteEndsAtTheHomePage() {
        TestOidcProvider.Person person = person(true);
        Browser browser = new Browser();
        for (String returnTo : List.of("https://evil.example", "//evil.example/path", "/\\evil.example")) {
            HttpResponse<String> callback = browser.signIn(service, returnTo, person);
            assertThat(callback.headers().firstValue("Location")).as(returnTo).hasValue("/");
        }
    }

    @Test
    void anUnknownOrUnreachableProviderEndsOnTheSignInPageWithAnError() {
        Browser browser = new Browser();
        assertThat(browser.get(start(service, "nope", "/")).headers().firstValue("Location"))
            .hasValue("/signin?error=provider-unknown");
        HttpResponse<String> down = browser.get(start(service, "down", "/"));
        assertThat(down.statusCode()).isEqualTo(302);
        assertThat(down.headers().firstValue("Location")).hasValue("/signin?error=provider-unavailable");
    }

    @Test
    void noNewAccountWhenSignUpIsClosed() {
        HttpResponse<String> callback = new Browser().signIn(closedService, "/", person(true));

        assertThat(callback.headers().firstValue("Location")).hasValue("/signin?error=sign-up-closed");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("parley_session="));
    }

    private static List<Map<String, Object>> identities(PeopleClient.SignedIn signedIn) {
        Map<?, ?> body = client.get()
            .uri("/api/me/identities")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> identities = (List<Map<String, Object>>) body.get("identities");
        return identities;
    }

    private static String accountId(Map<?, ?> signedIn) {
        return (String) ((Map<?, ?>) signedIn.get("account")).get("accountId");
    }

    private static URI start(RunningPeopleService service, String returnTo) {
        return start(service, PROVIDER, returnTo);
    }

    private static URI start(RunningPeopleService service, String providerId, String returnTo) {
        return URI.create(service.baseUrl() + "/api/session/oidc/" + providerId + "/start?returnTo="
                + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(cookie -> cookie.startsWith(name + "="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    /**
     * One browser: cookies of its own, redirects followed by hand so that each hop can be
     * looked at.
     */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

        /**
         * Signs in through the provider, as {@code person} when it asks; the answer to
         * the callback.
         */
        HttpResponse<String> signIn(RunningPeopleService service, String returnTo, TestOidcProvider.Person person) {
            return get(toCallback(start(service, returnTo), person));
        }

        /**
         * Links the provider to the signed-in account, as a web client does: POST, then
         * off to the provider.
         */
        HttpResponse<String> link(RunningPeopleService service, PeopleClient.SignedIn signedIn, String returnTo,
                TestOidcProvider.Person person) {
            HttpResponse<String> started = send(HttpRequest
                .newBuilder(URI.create(service.baseUrl() + "/api/me/identities/" + PROVIDER + "?returnTo="
                        + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
                .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            String authorizationUrl = (String) JSON.readValue(started.body(), Map.class).get("authorizationUrl");
            return get(toCallback(URI.create(authorizationUrl), person));
        }

        /**
         * Follows redirects from {@code from} through the provider, filling in its login
         * form as {@code person}, up to the callback on people-service, which it does not
         * request.
         */
        URI toCallback(URI from, TestOidcProvider.Person person) {
            URI next = from;
            for (int hop = 0; hop < 10; hop++) {
                if (next.getPath().endsWith("/callback")) {
                    return next;
                }
                HttpResponse<String> response = get(next);
                if (response.statusCode() == 200 && next.getPath().equals("/login")) {
                    response = logIn(next, response.body(), person);
                }
                assertThat(response.statusCode()).as(next + " answered " + response.body()).isEqualTo(302);
                next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new AssertionError("no callback after 10 redirects from " + from);
        }

        private HttpResponse<String> logIn(URI form, String page, TestOidcProvider.Person person) {
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as("a CSRF token in the login form: " + page).isTrue();
            String body = Map.of("username", person.username(), "password", person.password(), "_csrf", csrf.group(1))
                .entrySet()
                .stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(form)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> get(URI uri) {
            // the provider sends browsers (text/html) to its login page, and other
            // clients a 401
            return send(HttpRequest.newBuilder(uri).header(HttpHeaders.ACCEPT, "text/html").GET());
        }

        Map<?, ?> refresh(RunningPeopleService service) {
            HttpResponse<String> response = sendRefresh(service);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readValue(response.body(), Map.class);
        }

        int refreshStatus(RunningPeopleService service) {
            return sendRefresh(service).statusCode();
        }

        private HttpResponse<String> sendRefresh(RunningPeopleService service) {
            return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/session/refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

    }

}
