package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.parley.harness.Ports;
import io.parley.harness.http.OversizedBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi/people-service.yaml against the running service: one request per
 * documented status of every operation, checking the status, the content type, the
 * required headers and the body against the documented schema; an operation or status
 * documented but not exercised here (or exercised but not documented) fails the test.
 */
class OpenApiIT {

    private static final Path SPEC = Path.of("..", "docs", "openapi", "people-service.yaml");

    private static final String PASSWORD = "documented password";

    private static final String WRONG = "not the password";

    private static final String HUGE = "{\"displayName\":\"" + "x".repeat(20_000) + "\"}";

    /**
     * Requests sent at once to find the one hashing slot and the one waiting place of the
     * service taken.
     */
    private static final int BURST = 24;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestOidcProvider provider;

    private static RunningPeopleService service;

    private static RunningPeopleService closed;

    /**
     * The same database as {@code service}, but meeting-service and recording-service are
     * out of its reach.
     */
    private static RunningPeopleService cut;

    private static MeetingServiceProcess meetings;

    private static RecordingServiceProcess recordings;

    private static WebTestClient client;

    private static PeopleClient people;

    private static Map<String, Object> spec;

    @BeforeAll
    static void start() throws Exception {
        int providerPort = TestOidcProvider.reservePort();
        String test = "--parley.people.oidc.providers.test.";
        String down = "--parley.people.oidc.providers.down.";
        meetings = MeetingServiceProcess.reserve();
        recordings = RecordingServiceProcess.reserve();
        service = RunningPeopleService.start("openapi_it", "--parley.people.throttle.address-failures=10000",
                meetings.uriArgument(), recordings.urlArgument(),
                // one password hash at a time and one waiting, so that a burst of
                // sign-ins meets a 503
                "--parley.people.passwords.concurrency=1", "--parley.people.passwords.queue=1",
                test + "issuer-uri=" + TestOidcProvider.issuer(providerPort),
                test + "client-id=" + TestOidcProvider.CLIENT_ID,
                test + "client-secret=" + TestOidcProvider.CLIENT_SECRET, test + "display-name=Test provider",
                // nothing listens there: discovery fails
                down + "issuer-uri=http://127.0.0.1:" + TestOidcProvider.reservePort(), down + "client-id=parley",
                down + "client-secret=secret", down + "display-name=Down provider");
        closed = RunningPeopleService.start("openapi_closed_it", "--parley.people.sign-up=closed");
        cut = RunningPeopleService.start("openapi_it",
                "--parley.people.calls.meeting-service-uri=http://127.0.0.1:" + Ports.freePort(),
                "--parley.people.export.recordings-url=http://127.0.0.1:" + Ports.freePort());
        meetings.start(service);
        recordings.start(service, "openapi_it_recordings");
        provider = TestOidcProvider.start(providerPort, List.of(service.baseUrl() + "/api/session/oidc/test/callback"));
        client = service.client();
        people = new PeopleClient(client);
        try (InputStream in = Files.newInputStream(SPEC)) {
            spec = new Yaml().load(in);
        }
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        if (closed != null) {
            closed.close();
        }
        if (cut != null) {
            cut.close();
        }
        if (meetings != null) {
            meetings.close();
        }
        if (recordings != null) {
            recordings.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyDocumentedStatusIsWhatTheServiceAnswers() {
        Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios = scenarios();

        assertThat(new TreeSet<>(scenarios.keySet())).as("operations and statuses exercised here vs documented")
            .isEqualTo(new TreeSet<>(documented()));

        List<String> failures = new ArrayList<>();
        scenarios.forEach((key, request) -> {
            EntityExchangeResult<byte[]> result = request.get();
            failures.addAll(check(key, result));
        });
        assertThat(failures).isEmpty();
    }

    /**
     * A signed-up person: the address they signed up with, their access token and refresh
     * cookie.
     */
    private record Person(String email, PeopleClient.SignedIn signedIn) {

        String id() {
            return signedIn.accountId();
        }
    }

    private static Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios() {
        Map<String, Supplier<EntityExchangeResult<byte[]>>> s = new LinkedHashMap<>();
        accountsAndSessions(s);
        me(s);
        identities(s);
        orgs(s);
        invitations(s);
        new OpenApiContactScenarios(service.baseUrl(), client, cut.client()).add(s);
        s.put("GET /.well-known/jwks.json 200", () -> send(HttpMethod.GET, "/.well-known/jwks.json", null, null));
        return s;
    }

    private static void accountsAndSessions(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person taken = signUp();
        Person ada = signUp();

        String accounts = "/api/accounts";
        s.put("POST " + accounts + " 201", () -> send(HttpMethod.POST, accounts, null, signUpBody(email())));
        s.put("POST " + accounts + " 400", () -> send(HttpMethod.POST, accounts, null,
                "{\"email\":\"not an address\",\"displayName\":\"\",\"password\":\"short\"}"));
        s.put("POST " + accounts + " 403",
                () -> exchange(closed.client()
                    .post()
                    .uri(accounts)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(signUpBody(email()))));
        s.put("POST " + accounts + " 409",
                () -> send(HttpMethod.POST, accounts, null, signUpBody(taken.email().toUpperCase())));
        s.put("POST " + accounts + " 413", () -> send(HttpMethod.POST, accounts, null, HUGE));
        s.put("POST " + accounts + " 415",
                () -> send(HttpMethod.POST, accounts, null, MediaType.TEXT_PLAIN, signUpBody(email())));
        s.put("POST " + accounts + " 503",
                () -> burst(503, () -> send(HttpMethod.POST, accounts, null, signUpBody(email()))));

        String session = "/api/session";
        s.put("POST " + session + " 200",
                () -> send(HttpMethod.POST, session, null, signInBody(ada.email(), PASSWORD)));
        s.put("POST " + session + " 400", () -> send(HttpMethod.POST, session, null, "{\"email\":\"a@b.org\"}"));
        s.put("POST " + session + " 401", () -> send(HttpMethod.POST, session, null, signInBody(email(), WRONG)));
        s.put("POST " + session + " 413", () -> send(HttpMethod.POST, session, null, HUGE));
        s.put("POST " + session + " 415",
                () -> send(HttpMethod.POST, session, null, MediaType.TEXT_PLAIN, signInBody(ada.email(), PASSWORD)));
        s.put("POST " + session + " 429", () -> {
            // the failures run here, not before: the wait they earn is only 2 s
            String guessed = email();
            for (int free = 0; free < 5; free++) {
                send(HttpMethod.POST, session, null, signInBody(guessed, WRONG));
            }
            return send(HttpMethod.POST, session, null, signInBody(guessed, WRONG));
        });
        s.put("POST " + session + " 503",
                () -> burst(503, () -> send(HttpMethod.POST, session, null, signInBody(ada.email(), PASSWORD))));
        s.put("DELETE " + session + " 204", () -> exchange(
                client.delete().uri(session).cookie("parley_session", signUp().signedIn().refreshToken())));

        String refresh = "/api/session/refresh";
        s.put("POST " + refresh + " 200", () -> exchange(
                client.post().uri(refresh).cookie("parley_session", signUp().signedIn().refreshToken())));
        s.put("POST " + refresh + " 401", () -> exchange(client.post().uri(refresh)));

        s.put("GET /api/session/providers 200", () -> send(HttpMethod.GET, "/api/session/providers", null, null));
        s.put("GET /api/session/oidc/{provider}/start 302",
                () -> send(HttpMethod.GET, "/api/session/oidc/test/start?returnTo=/rooms/docs", null, null));
        s.put("GET /api/session/oidc/{provider}/callback 302", () -> send(HttpMethod.GET,
                "/api/session/oidc/test/callback?code=abc&state=" + "A".repeat(43), null, null));
    }

    private static void me(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person me = signUp();
        createOrg(me);
        seedMeeting(me);
        Person lastOwner = signUp();
        join(createOrg(lastOwner), lastOwner, signUp(), "member");

        s.put("GET /api/me 200", () -> send(HttpMethod.GET, "/api/me", me, null));
        s.put("GET /api/me 401", () -> send(HttpMethod.GET, "/api/me", null, null));
        String rename = "{\"displayName\":\"Renamed\"}";
        s.put("PATCH /api/me 200", () -> send(HttpMethod.PATCH, "/api/me", me, rename));
        s.put("PATCH /api/me 400", () -> send(HttpMethod.PATCH, "/api/me", me, "{\"displayName\":true}"));
        s.put("PATCH /api/me 401", () -> send(HttpMethod.PATCH, "/api/me", null, rename));
        s.put("PATCH /api/me 413", () -> send(HttpMethod.PATCH, "/api/me", me, HUGE));
        s.put("PATCH /api/me 415", () -> send(HttpMethod.PATCH, "/api/me", me, MediaType.TEXT_PLAIN, rename));

        s.put("DELETE /api/me 204", () -> send(HttpMethod.DELETE, "/api/me", signUp(), deletion(PASSWORD)));
        // an account with a password needs it
        s.put("DELETE /api/me 400", () -> send(HttpMethod.DELETE, "/api/me", me, "{}"));
        s.put("DELETE /api/me 401", () -> send(HttpMethod.DELETE, "/api/me", me, deletion(WRONG)));
        s.put("DELETE /api/me 409", () -> send(HttpMethod.DELETE, "/api/me", lastOwner, deletion(PASSWORD)));
        s.put("DELETE /api/me 413", () -> send(HttpMethod.DELETE, "/api/me", me, HUGE));
        s.put("DELETE /api/me 415",
                () -> send(HttpMethod.DELETE, "/api/me", me, MediaType.TEXT_PLAIN, deletion(WRONG)));
        s.put("DELETE /api/me 503", () -> burst(503, () -> send(HttpMethod.DELETE, "/api/me", me, deletion(WRONG))));

        String password = "/api/me/password";
        s.put("POST " + password + " 204",
                () -> send(HttpMethod.POST, password, signUp(), passwordChange(PASSWORD, "another fine password")));
        s.put("POST " + password + " 400",
                () -> send(HttpMethod.POST, password, me, passwordChange(PASSWORD, "short")));
        s.put("POST " + password + " 401",
                () -> send(HttpMethod.POST, password, me, passwordChange(WRONG, "another fine password")));
        s.put("POST " + password + " 413", () -> send(HttpMethod.POST, password, me, HUGE));
        s.put("POST " + password + " 415", () -> send(HttpMethod.POST, password, me, MediaType.TEXT_PLAIN,
                passwordChange(WRONG, "another fine password")));
        s.put("POST " + password + " 503", () -> burst(503,
                () -> send(HttpMethod.POST, password, me, passwordChange(WRONG, "another fine password"))));

        String sessions = "/api/me/sessions";
        s.put("GET " + sessions + " 200", () -> send(HttpMethod.GET, sessions, me, null));
        s.put("GET " + sessions + " 401", () -> send(HttpMethod.GET, sessions, null, null));
        s.put("DELETE " + sessions + " 204", () -> send(HttpMethod.DELETE, sessions, signUp(), null));
        s.put("DELETE " + sessions + " 401", () -> send(HttpMethod.DELETE, sessions, null, null));
        String session = "/api/me/sessions/{sessionId}";
        s.put("DELETE " + session + " 204", () -> {
            Person leaving = signUp();
            return send(HttpMethod.DELETE, path(session, currentSession(leaving)), leaving, null);
        });
        s.put("DELETE " + session + " 401",
                () -> send(HttpMethod.DELETE, path(session, UUID.randomUUID().toString()), null, null));
        s.put("DELETE " + session + " 404",
                () -> send(HttpMethod.DELETE, path(session, UUID.randomUUID().toString()), me, null));

        s.put("GET /api/me/export 200", () -> send(HttpMethod.GET, "/api/me/export", me, null));
        s.put("GET /api/me/export 401", () -> send(HttpMethod.GET, "/api/me/export", null, null));
        s.put("GET /api/me/export 503", () -> exchange(
                cut.client().get().uri("/api/me/export").headers(h -> h.setBearerAuth(me.signedIn().accessToken()))));
        // one meeting and a page of one: next is a cursor
        s.put("GET /api/me/meetings 200", () -> send(HttpMethod.GET, "/api/me/meetings?limit=1", me, null));
        s.put("GET /api/me/meetings 400", () -> send(HttpMethod.GET, "/api/me/meetings?limit=0", me, null));
        s.put("GET /api/me/meetings 401", () -> send(HttpMethod.GET, "/api/me/meetings", null, null));
    }

    private static void identities(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person linked = signUp();
        linkIdentity(linked);
        Person unlinked = signUp();

        s.put("GET /api/me/identities 200", () -> send(HttpMethod.GET, "/api/me/identities", linked, null));
        s.put("GET /api/me/identities 401", () -> send(HttpMethod.GET, "/api/me/identities", null, null));

        String identity = "/api/me/identities/{provider}";
        s.put("POST " + identity + " 200",
                () -> send(HttpMethod.POST, path(identity, "test") + "?returnTo=/account", unlinked, null));
        s.put("POST " + identity + " 401", () -> send(HttpMethod.POST, path(identity, "test"), null, null));
        s.put("POST " + identity + " 404", () -> send(HttpMethod.POST, path(identity, "nope"), unlinked, null));
        s.put("POST " + identity + " 503", () -> send(HttpMethod.POST, path(identity, "down"), unlinked, null));
        s.put("DELETE " + identity + " 204", () -> {
            Person withPassword = signUp();
            linkIdentity(withPassword);
            return send(HttpMethod.DELETE, path(identity, "test"), withPassword, null);
        });
        s.put("DELETE " + identity + " 401", () -> send(HttpMethod.DELETE, path(identity, "test"), null, null));
        s.put("DELETE " + identity + " 404", () -> send(HttpMethod.DELETE, path(identity, "test"), unlinked, null));
        s.put("DELETE " + identity + " 409", () -> {
            Person providerOnly = signUp();
            linkIdentity(providerOnly);
            dropPassword(providerOnly);
            return send(HttpMethod.DELETE, path(identity, "test"), providerOnly, null);
        });
    }

    private static void orgs(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person owner = signUp();
        Person member = signUp();
        Person stranger = signUp();
        String org = createOrg(owner);
        join(org, owner, member, "member");
        String unknown = UUID.randomUUID().toString();

        s.put("POST /api/orgs 201", () -> send(HttpMethod.POST, "/api/orgs", owner, "{\"name\":\"Docs\"}"));
        s.put("POST /api/orgs 400", () -> send(HttpMethod.POST, "/api/orgs", owner, "{\"name\":\" \"}"));
        s.put("POST /api/orgs 401", () -> send(HttpMethod.POST, "/api/orgs", null, "{\"name\":\"Docs\"}"));
        s.put("POST /api/orgs 413", () -> send(HttpMethod.POST, "/api/orgs", owner, HUGE));
        s.put("POST /api/orgs 415",
                () -> send(HttpMethod.POST, "/api/orgs", owner, MediaType.TEXT_PLAIN, "{\"name\":\"Docs\"}"));

        for (String template : List.of("/api/orgs/{orgId}", "/api/orgs/{orgId}/members")) {
            s.put("GET " + template + " 200", () -> send(HttpMethod.GET, path(template, org), owner, null));
            s.put("GET " + template + " 401", () -> send(HttpMethod.GET, path(template, org), null, null));
            s.put("GET " + template + " 403", () -> send(HttpMethod.GET, path(template, org), stranger, null));
            s.put("GET " + template + " 404", () -> send(HttpMethod.GET, path(template, unknown), owner, null));
        }

        String memberPath = "/api/orgs/{orgId}/members/{accountId}";
        s.put("PATCH " + memberPath + " 200",
                () -> send(HttpMethod.PATCH, path(memberPath, org, member.id()), owner, role("member")));
        s.put("PATCH " + memberPath + " 400",
                () -> send(HttpMethod.PATCH, path(memberPath, org, member.id()), owner, role("boss")));
        s.put("PATCH " + memberPath + " 401",
                () -> send(HttpMethod.PATCH, path(memberPath, org, member.id()), null, role("admin")));
        s.put("PATCH " + memberPath + " 403",
                () -> send(HttpMethod.PATCH, path(memberPath, org, owner.id()), member, role("member")));
        s.put("PATCH " + memberPath + " 404",
                () -> send(HttpMethod.PATCH, path(memberPath, org, stranger.id()), owner, role("admin")));
        // the last owner stepping down
        s.put("PATCH " + memberPath + " 409",
                () -> send(HttpMethod.PATCH, path(memberPath, org, owner.id()), owner, role("admin")));
        s.put("PATCH " + memberPath + " 413",
                () -> send(HttpMethod.PATCH, path(memberPath, org, member.id()), owner, HUGE));
        s.put("PATCH " + memberPath + " 415", () -> send(HttpMethod.PATCH, path(memberPath, org, member.id()), owner,
                MediaType.TEXT_PLAIN, role("admin")));

        s.put("DELETE " + memberPath + " 204", () -> {
            Person leaving = signUp();
            join(org, owner, leaving, "member");
            return send(HttpMethod.DELETE, path(memberPath, org, leaving.id()), leaving, null);
        });
        s.put("DELETE " + memberPath + " 401",
                () -> send(HttpMethod.DELETE, path(memberPath, org, member.id()), null, null));
        s.put("DELETE " + memberPath + " 403",
                () -> send(HttpMethod.DELETE, path(memberPath, org, owner.id()), member, null));
        s.put("DELETE " + memberPath + " 404",
                () -> send(HttpMethod.DELETE, path(memberPath, org, stranger.id()), owner, null));
        s.put("DELETE " + memberPath + " 409",
                () -> send(HttpMethod.DELETE, path(memberPath, org, owner.id()), owner, null));

        String limits = "/api/orgs/{orgId}/limits";
        String five = "{\"maxConcurrentStreams\":5}";
        s.put("PUT " + limits + " 200", () -> send(HttpMethod.PUT, path(limits, org), owner, five));
        s.put("PUT " + limits + " 400",
                () -> send(HttpMethod.PUT, path(limits, org), owner, "{\"maxConcurrentStreams\":2.5}"));
        s.put("PUT " + limits + " 401", () -> send(HttpMethod.PUT, path(limits, org), null, five));
        s.put("PUT " + limits + " 403", () -> send(HttpMethod.PUT, path(limits, org), member, five));
        s.put("PUT " + limits + " 404", () -> send(HttpMethod.PUT, path(limits, unknown), owner, five));
        s.put("PUT " + limits + " 413", () -> send(HttpMethod.PUT, path(limits, org), owner, HUGE));
        s.put("PUT " + limits + " 415",
                () -> send(HttpMethod.PUT, path(limits, org), owner, MediaType.TEXT_PLAIN, five));
    }

    private static void invitations(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person owner = signUp();
        Person member = signUp();
        Person stranger = signUp();
        String org = createOrg(owner);
        join(org, owner, member, "member");

        String invite = "/api/orgs/{orgId}/invitations";
        s.put("POST " + invite + " 201",
                () -> send(HttpMethod.POST, path(invite, org), owner, invitation(email(), "member")));
        s.put("POST " + invite + " 400",
                () -> send(HttpMethod.POST, path(invite, org), owner, invitation(email(), "owner")));
        s.put("POST " + invite + " 401",
                () -> send(HttpMethod.POST, path(invite, org), null, invitation(email(), "member")));
        s.put("POST " + invite + " 403",
                () -> send(HttpMethod.POST, path(invite, org), member, invitation(email(), "member")));
        s.put("POST " + invite + " 404", () -> send(HttpMethod.POST, path(invite, UUID.randomUUID().toString()), owner,
                invitation(email(), "member")));
        s.put("POST " + invite + " 413", () -> send(HttpMethod.POST, path(invite, org), owner, HUGE));
        s.put("POST " + invite + " 415", () -> send(HttpMethod.POST, path(invite, org), owner, MediaType.TEXT_PLAIN,
                invitation(email(), "member")));

        String accept = "/api/invitations/{token}/accept";
        s.put("POST " + accept + " 200", () -> {
            Person invitee = signUp();
            return send(HttpMethod.POST, path(accept, invite(org, owner, invitee.email(), "member")), invitee, null);
        });
        s.put("POST " + accept + " 401",
                () -> send(HttpMethod.POST, path(accept, invite(org, owner, email(), "member")), null, null));
        s.put("POST " + accept + " 403",
                () -> send(HttpMethod.POST, path(accept, invite(org, owner, email(), "member")), stranger, null));
        s.put("POST " + accept + " 404", () -> send(HttpMethod.POST, path(accept, "A".repeat(43)), stranger, null));
        s.put("POST " + accept + " 409",
                () -> send(HttpMethod.POST, path(accept, invite(org, owner, member.email(), "admin")), member, null));
        s.put("POST " + accept + " 410", () -> {
            Person invitee = signUp();
            String token = invite(org, owner, invitee.email(), "member");
            send(HttpMethod.POST, path(accept, token), invitee, null);
            return send(HttpMethod.POST, path(accept, token), invitee, null);
        });
    }

    // --- the people, organizations and rows the scenarios need

    private static String email() {
        return "docs-" + UUID.randomUUID() + "@example.org";
    }

    private static Person signUp() {
        String email = email();
        return new Person(email, people.signUp(email, "Docs", PASSWORD));
    }

    private static String createOrg(Person owner) {
        return (String) JSON
            .readValue(send(HttpMethod.POST, "/api/orgs", owner, "{\"name\":\"Docs\"}").getResponseBody(), Map.class)
            .get("orgId");
    }

    private static String invite(String org, Person by, String email, String role) {
        return (String) JSON
            .readValue(send(HttpMethod.POST, "/api/orgs/" + org + "/invitations", by, invitation(email, role))
                .getResponseBody(), Map.class)
            .get("token");
    }

    private static void join(String org, Person owner, Person person, String role) {
        assertThat(send(HttpMethod.POST, "/api/invitations/" + invite(org, owner, person.email(), role) + "/accept",
                person, null)
            .getStatus()
            .value()).isEqualTo(200);
    }

    private static String currentSession(Person person) {
        Map<?, ?> list = JSON.readValue(send(HttpMethod.GET, "/api/me/sessions", person, null).getResponseBody(),
                Map.class);
        return ((List<?>) list.get("sessions")).stream()
            .map(session -> (Map<?, ?>) session)
            .filter(session -> Boolean.TRUE.equals(session.get("current")))
            .map(session -> (String) session.get("sessionId"))
            .findFirst()
            .orElseThrow();
    }

    /**
     * The identity a callback from the test provider would have linked, straight into its
     * table.
     */
    private static void linkIdentity(Person person) {
        db().sql("insert into external_identity (issuer, subject, account_id, provider, email, linked_at) "
                + "values (:issuer, :subject, :account, 'test', :email, :now)")
            .bind("issuer", provider.issuer())
            .bind("subject", "u-" + UUID.randomUUID())
            .bind("account", UUID.fromString(person.id()))
            .bind("email", person.email())
            .bind("now", Instant.now())
            .then()
            .block();
    }

    /** As if the account had been created by a provider's sign-in: no password. */
    private static void dropPassword(Person person) {
        db().sql("update account set password_hash = null where id = :account")
            .bind("account", UUID.fromString(person.id()))
            .then()
            .block();
    }

    /**
     * A meeting the person hosted with a guest, as the meeting events listener records
     * it.
     */
    private static void seedMeeting(Person person) {
        String meeting = "docs-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().minusSeconds(60);
        db().sql("insert into meeting_record (meeting_id, title, slug, created_at, ended_at) "
                + "values (:meeting, 'Docs', null, :at, :at)")
            .bind("meeting", meeting)
            .bind("at", at)
            .then()
            .then(db()
                .sql("insert into meeting_participant (meeting_id, participant_id, account_id, name, role, "
                        + "joined_at) values (:meeting, 'p1', :account, 'Docs', 'host', :at), "
                        + "(:meeting, 'p2', null, 'A guest', 'participant', :at)")
                .bind("meeting", meeting)
                .bind("account", UUID.fromString(person.id()))
                .bind("at", at)
                .then())
            .block();
    }

    private static DatabaseClient db() {
        return service.bean(DatabaseClient.class);
    }

    private static String signUpBody(String email) {
        return "{\"email\":\"" + email + "\",\"displayName\":\"Docs\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String signInBody(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String passwordChange(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    private static String deletion(String password) {
        return "{\"password\":\"" + password + "\"}";
    }

    private static String role(String role) {
        return "{\"role\":\"" + role + "\"}";
    }

    private static String invitation(String email, String role) {
        return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    // --- requests

    /**
     * Sends the request {@link #BURST} times at once: with one hashing slot and one
     * waiting place, most of them find both taken. The first answer with the wanted
     * status, else the first answer (which then fails the check).
     */
    private static EntityExchangeResult<byte[]> burst(int status, Supplier<EntityExchangeResult<byte[]>> request) {
        ExecutorService senders = Executors.newFixedThreadPool(BURST);
        try {
            List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
            for (Future<EntityExchangeResult<byte[]>> answer : senders
                .invokeAll(Collections.nCopies(BURST, (Callable<EntityExchangeResult<byte[]>>) request::get))) {
                results.add(answer.get());
            }
            return results.stream()
                .filter(result -> result.getStatus().value() == status)
                .findFirst()
                .orElse(results.get(0));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
        finally {
            senders.shutdownNow();
        }
    }

    private static String path(String template, String... values) {
        String path = template;
        for (String value : values) {
            path = path.replaceFirst("\\{[^}]+}", value);
        }
        return path;
    }

    private static EntityExchangeResult<byte[]> send(HttpMethod method, String path, Person as, String body) {
        return send(method, path, as, MediaType.APPLICATION_JSON, body);
    }

    private static EntityExchangeResult<byte[]> send(HttpMethod method, String path, Person as, MediaType type,
            String body) {
        WebTestClient target = body != null && body.length() > 16 * 1024 ? OversizedBodies.client(service.baseUrl())
                : client;
        WebTestClient.RequestBodySpec request = target.method(method).uri(path);
        if (as != null) {
            request.headers(h -> h.setBearerAuth(as.signedIn().accessToken()));
        }
        return exchange(body == null ? request : request.contentType(type).bodyValue(body));
    }

    private static EntityExchangeResult<byte[]> exchange(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectBody().returnResult();
    }

    // --- the document

    /** "METHOD path status" for every documented response. */
    @SuppressWarnings("unchecked")
    private static List<String> documented() {
        List<String> keys = new ArrayList<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, operations) -> operations
            .forEach((method, operation) -> ((Map<Object, Object>) ((Map<String, Object>) operation).get("responses"))
                .keySet()
                .forEach(status -> keys.add(method.toUpperCase() + " " + path + " " + status))));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(String key, EntityExchangeResult<byte[]> result) {
        String[] parts = key.split(" ");
        int expected = Integer.parseInt(parts[2]);
        List<String> failures = new ArrayList<>();
        if (result.getStatus().value() != expected) {
            return List.of(key + ": got " + result.getStatus().value() + " " + body(result));
        }
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec
            .get("paths")).get(parts[1])).get(parts[0].toLowerCase());
        Map<String, Object> response = resolve(((Map<String, Object>) operation.get("responses")).get(parts[2]));
        ((Map<String, Object>) response.getOrDefault("headers", Map.of())).forEach((name, header) -> {
            if (Boolean.TRUE.equals(resolve(header).get("required"))
                    && result.getResponseHeaders().getFirst(name) == null) {
                failures.add(key + ": lacks the header " + name);
            }
        });
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        if (content == null) {
            if (result.getResponseBody() != null && result.getResponseBody().length > 0) {
                failures.add(key + ": documented without body but got " + body(result));
            }
            return failures;
        }
        String mediaType = content.keySet().iterator().next();
        MediaType actual = result.getResponseHeaders().getContentType();
        if (actual == null || !actual.isCompatibleWith(MediaType.parseMediaType(mediaType))) {
            failures.add(key + ": content type " + actual + ", documented " + mediaType);
        }
        Object schema = ((Map<String, Object>) content.get(mediaType)).get("schema");
        Object body = JSON.readValue(result.getResponseBody(), Object.class);
        new SchemaCheck(failures, key).check(schema, body, "$");
        return failures;
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        Object ref = map.get("$ref");
        if (ref == null) {
            return map;
        }
        Object target = spec;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = ((Map<String, Object>) target).get(part);
        }
        return resolve(target);
    }

    /**
     * The parts of JSON Schema the document uses: $ref, allOf, oneOf, type, required,
     * properties, additionalProperties: false, items, enum, const.
     */
    private record SchemaCheck(List<String> failures, String key) {

        @SuppressWarnings("unchecked")
        boolean check(Object schemaNode, Object value, String where) {
            Map<String, Object> schema = resolve(schemaNode);
            int before = failures.size();
            if (schema.containsKey("allOf")) {
                for (Object part : (List<Object>) schema.get("allOf")) {
                    check(part, value, where);
                }
            }
            if (schema.containsKey("oneOf")) {
                long matching = ((List<Object>) schema.get("oneOf")).stream()
                    .filter(option -> new SchemaCheck(new ArrayList<>(), key).check(option, value, where))
                    .count();
                if (matching != 1) {
                    failures.add(key + ": " + where + " matches " + matching + " of oneOf");
                }
            }
            if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
                failures.add(key + ": " + where + " is " + value + ", documented type " + schema.get("type"));
                return false;
            }
            if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
                failures.add(key + ": " + where + " = " + value + " not in " + schema.get("enum"));
            }
            if (schema.containsKey("const") && !schema.get("const").equals(value)) {
                failures.add(key + ": " + where + " = " + value + ", documented " + schema.get("const"));
            }
            if (value instanceof Map<?, ?> object) {
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!object.containsKey(required)) {
                        failures.add(key + ": " + where + " lacks required " + required);
                    }
                }
                properties.forEach((name, property) -> {
                    if (object.containsKey(name)) {
                        check(property, object.get(name), where + "." + name);
                    }
                });
                if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    object.keySet()
                        .stream()
                        .filter(name -> !properties.containsKey(name))
                        .forEach(name -> failures.add(key + ": " + where + " has undocumented " + name));
                }
            }
            if (value instanceof List<?> list && schema.containsKey("items")) {
                for (int i = 0; i < list.size(); i++) {
                    check(schema.get("items"), list.get(i), where + "[" + i + "]");
                }
            }
            return failures.size() == before;
        }

        private static boolean typeMatches(Object type, Object value) {
            List<?> types = type instanceof List<?> list ? list : List.of(type);
            return types.stream().anyMatch(t -> switch ((String) t) {
                case "null" -> value == null;
                case "string" -> value instanceof String;
                case "integer" -> value instanceof Integer || value instanceof Long;
                case "number" -> value instanceof Number;
                case "boolean" -> value instanceof Boolean;
                case "array" -> value instanceof List;
                case "object" -> value instanceof Map;
                default -> false;
            });
        }
    }

}
