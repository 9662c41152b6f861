package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.parley.harness.http.OversizedBodies;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad input on every endpoint gets a 4xx problem (malformed JSON, wrong types, missing
 * fields, 100 KB names, control characters, unknown ids), never a 5xx; bodies above the
 * limit get 413.
 */
class BadInputIT {

    private static final String KEY = "bad-input-key";

    private static final String HUGE = "x".repeat(100_000);

    private static final List<String> MALFORMED = List.of("{not json", "{\"name\":", "[]", "\"text\"", "42", "null", "",
            "{\"hostName\":\"Ada\",}", "\u0000\u0001");

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    private static MeetingApiClient.Created meeting;

    @BeforeAll
    static void start() throws Exception {
        String hash = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        service = RunningMeetingService.start("--parley.meetings.api-keys[0].name=tests",
                "--parley.meetings.api-keys[0].sha256=" + hash);
        client = service.client();
        api = new MeetingApiClient(client);
        meeting = api.create("Ada");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void createRefusesMalformedMissingAndMistypedBodies() {
        for (String body : MALFORMED) {
            problem(send(HttpMethod.POST, "/api/meetings", null, body), 400);
        }
        for (String body : List.of("{}", "{\"title\":\"x\"}", "{\"hostName\":\"   \"}", "{\"hostName\":{\"a\":1}}",
                "{\"hostName\":[\"Ada\"]}", "{\"hostName\":\"Ada\",\"maxParticipants\":\"many\"}",
                "{\"hostName\":\"Ada\",\"maxParticipants\":99999999999}",
                "{\"hostName\":\"Ada\",\"maxParticipants\":1}", "{\"hostName\":\"Ada\",\"maxParticipants\":101}",
                "{\"hostName\":\"Ada\",\"slug\":\"a b\"}", "{\"hostName\":\"Ada\",\"slug\":42.5}",
                "{\"hostName\":\"" + "x".repeat(65) + "\"}", "{\"hostName\":\"Ada\\u0007\"}",
                "{\"hostName\":\"Ada\",\"title\":\"" + "t".repeat(201) + "\"}",
                "{\"hostName\":\"Ada\",\"hostUserId\":\"42\"}")) {
            problem(send(HttpMethod.POST, "/api/meetings", null, body), 400);
        }
    }

    /**
     * Only the three wire names are a media mode; a long value (under the body limit) is
     * refused without being echoed.
     */
    @Test
    void createRefusesUnknownMediaModesNamingTheField() {
        for (String media : List.of("p2p", "SFU", "", " mesh", "sfu\\n", "x".repeat(10_000))) {
            Map<?, ?> body = problem(
                    send(HttpMethod.POST, "/api/meetings", null, "{\"hostName\":\"Ada\",\"media\":\"" + media + "\"}"),
                    400);
            assertThat(body.get("errors")).as("errors for media %s", media)
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement()
                .isEqualTo(Map.of("field", "media", "message", "media must be one of auto, mesh, sfu."));
        }
    }

    /**
     * Jackson would read {@code true} as the text "true" and 2.5 as 2; here a wrong kind
     * is a 400 naming the field.
     */
    @Test
    void valuesOfTheWrongKindAreRefusedNamingTheFieldOnEveryEndpoint() {
        String id = meeting.meetingId();
        List<List<String>> cases = List.of(List.of("/api/meetings", "{\"hostName\":true}", "hostName"),
                List.of("/api/meetings", "{\"hostName\":42}", "hostName"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"title\":false}", "title"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"slug\":42}", "slug"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"maxParticipants\":2.5}", "maxParticipants"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"maxParticipants\":\"5\"}", "maxParticipants"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"maxParticipants\":true}", "maxParticipants"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"hostUserId\":42}", "hostUserId"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"access\":true}", "access"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"orgId\":7}", "orgId"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"invitedAccounts\":\"a\"}", "invitedAccounts"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"invitedAccounts\":[1]}", "invitedAccounts"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"media\":42}", "media"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"media\":true}", "media"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"media\":[\"sfu\"]}", "media"),
                List.of("/api/meetings", "{\"hostName\":\"Ada\",\"media\":{\"mode\":\"sfu\"}}", "media"),
                List.of("/api/meetings/" + id + "/participants", "{\"name\":true}", "name"),
                List.of("/api/meetings/" + id + "/participants", "{\"name\":42}", "name"),
                List.of("/api/meetings/" + id + "/timer", "{\"preset\":true}", "preset"),
                List.of("/api/meetings/" + id + "/timer", "{\"preset\":30}", "preset"),
                List.of("/api/tokens", mintBody("42", "\"u\"", "\"A\"", "\"host\""), "meetingId"),
                List.of("/api/tokens", mintBody(quoted(id), "42", "\"A\"", "\"host\""), "userId"),
                List.of("/api/tokens", mintBody(quoted(id), "\"u\"", "true", "\"host\""), "name"),
                List.of("/api/tokens", mintBody(quoted(id), "\"u\"", "\"A\"", "1"), "role"));
        for (List<String> wrong : cases) {
            String path = wrong.get(0);
            WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
            if (path.endsWith("/timer")) {
                request.headers(h -> h.setBearerAuth(meeting.hostToken()));
            }
            if (path.equals("/api/tokens")) {
                request.header("X-Api-Key", KEY);
            }
            WebTestClient.ResponseSpec response = request.bodyValue(wrong.get(1)).exchange();
            Map<?, ?> body = problem(response, 400);
            assertThat(body.get("errors")).as("errors for %s on %s", wrong.get(1), path)
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement()
                .satisfies(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo(wrong.get(2)));
        }
    }

    /** A mint body with each value as raw JSON. */
    private static String mintBody(String meetingId, String userId, String name, String role) {
        return "{\"meetingId\":" + meetingId + ",\"userId\":" + userId + ",\"name\":" + name + ",\"role\":" + role
                + "}";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void createAcceptsUnicodeNames() {
        for (String name : List.of("Zoë Ångström", "李小龙", "𝓐𝓭𝓪 ✨", "👩‍💻", "مرحبا", "ⓐⓓⓐ")) {
            api.create(name);
        }
    }

    @Test
    void hugeBodiesAreTooLargeEverywhere() {
        String hugeName = "{\"name\":\"" + HUGE + "\",\"hostName\":\"" + HUGE + "\"}";
        problem(send(HttpMethod.POST, "/api/meetings", null, hugeName), 413);
        problem(send(HttpMethod.POST, "/api/meetings/{id}/participants", null, hugeName, meeting.meetingId()), 413);
        problem(send(HttpMethod.POST, "/api/meetings/{id}/timer", meeting.hostToken(), "{\"preset\":\"" + HUGE + "\"}",
                meeting.meetingId()), 413);
        problem(send(HttpMethod.POST, "/api/meetings/{id}/recording", meeting.hostToken(), hugeName,
                meeting.meetingId()), 413);
        problem(OversizedBodies.client(service.baseUrl())
            .post()
            .uri("/api/tokens")
            .header("X-Api-Key", KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"meetingId\":\"" + HUGE + "\"}")
            .exchange(), 413);
    }

    @Test
    void joinRefusesBadNamesAndUnknownMeetings() {
        String path = "/api/meetings/{id}/participants";
        for (String body : MALFORMED) {
            problem(send(HttpMethod.POST, path, null, body, meeting.meetingId()), 400);
        }
        for (String body : List.of("{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\" \\t \"}",
                "{\"name\":\"a\\nb\"}", "{\"name\":\"\\u001b[31mred\"}", "{\"name\":{\"first\":\"A\"}}",
                "{\"name\":[1,2]}", "{\"name\":\"" + "🚀".repeat(65) + "\"}", "{\"name\":\"\\ud800\"}")) {
            problem(send(HttpMethod.POST, path, null, body, meeting.meetingId()), 400);
        }
        for (String id : List.of("zzzz-zzzz-zzzz", "unknown-room", "🚀🚀🚀", "%00", "x".repeat(1000))) {
            problem(send(HttpMethod.POST, "/api/meetings/" + id + "/participants", null, "{\"name\":\"Ada\"}"), 404);
        }
        problem(client.post()
            .uri(path, meeting.meetingId())
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("{\"name\":\"Ada\"}")
            .exchange(), 415);
        problem(client.post()
            .uri(path, meeting.meetingId())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })
            .exchange(), 400);
    }

    @Test
    void getRefusesUnknownIds() {
        for (String id : List.of("zzzz-zzzz-zzzz", "ABCD-EFGH-IJKL", "no-room", "a", "🚀", "' OR 1=1 --",
                "x".repeat(3000))) {
            problem(client.get().uri("/api/meetings/{id}", id).exchange(), 404);
        }
    }

    @Test
    void hostControlsRefuseMissingTokensUnknownMeetingsAndParticipants() {
        String id = meeting.meetingId();
        for (String path : List.of("/api/meetings/{id}/mute-all", "/api/meetings/{id}/lock", "/api/meetings/{id}/end",
                "/api/meetings/{id}/participants/" + meeting.hostId() + "/mute")) {
            problem(send(HttpMethod.POST, path, null, null, id), 401);
            problem(send(HttpMethod.POST, path, "not.a.token", null, id), 401);
            problem(send(HttpMethod.POST, path, meeting.hostToken(), null, "zzzz-zzzz-zzzz"), 404);
            problem(send(HttpMethod.POST, path, meeting.hostToken(), null, "🚀-room"), 404);
        }
        problem(send(HttpMethod.DELETE, "/api/meetings/{id}/participants/{pid}", null, null, id, meeting.hostId()),
                401);
        for (String pid : List.of("p0000000000000000", "nobody", "🚀", "x".repeat(1000))) {
            problem(send(HttpMethod.DELETE, "/api/meetings/{id}/participants/{pid}", meeting.hostToken(), null, id,
                    pid), 404);
            problem(send(HttpMethod.POST, "/api/meetings/{id}/participants/{pid}/mute", meeting.hostToken(), null, id,
                    pid), 404);
        }
        problem(send(HttpMethod.PUT, "/api/meetings/{id}/lock", meeting.hostToken(), null, id), 405);
        problem(send(HttpMethod.GET, "/api/meetings/{id}/end", meeting.hostToken(), null, id), 405);
    }

    @Test
    void timerRefusesBadBodiesAndUnknownPresets() {
        String id = meeting.meetingId();
        for (String body : MALFORMED) {
            problem(send(HttpMethod.POST, "/api/meetings/{id}/timer", meeting.hostToken(), body, id), 400);
        }
        for (String body : List.of("{}", "{\"preset\":null}", "{\"preset\":30}", "{\"preset\":\"seconds_20\"}",
                "{\"preset\":\"SECONDS_30\"}", "{\"preset\":[\"seconds_30\"]}", "{\"preset\":\"seconds_30\\u0000\"}",
                "{\"preset\":\"🚀\"}")) {
            problem(send(HttpMethod.POST, "/api/meetings/{id}/timer", meeting.hostToken(), body, id), 400);
        }
        problem(send(HttpMethod.POST, "/api/meetings/{id}/timer", null, "{\"preset\":\"seconds_30\"}", id), 401);
    }

    @Test
    void mintingRefusesBadBodies() {
        for (String body : MALFORMED) {
            problem(client.post()
                .uri("/api/tokens")
                .header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange(), 400);
        }
        String id = meeting.meetingId();
        for (String body : List.of("{}", "{\"meetingId\":\"" + id + "\"}",
                "{\"meetingId\":\"" + id + "\",\"userId\":\"42\",\"name\":\"A\",\"role\":\"HOST\"}",
                "{\"meetingId\":\"" + id + "\",\"userId\":{\"id\":42},\"name\":\"A\",\"role\":\"host\"}",
                "{\"meetingId\":\"" + id + "\",\"userId\":\"" + "u".repeat(129)
                        + "\",\"name\":\"A\",\"role\":\"host\"}",
                "{\"meetingId\":\"" + id + "\",\"userId\":\"4\\n2\",\"name\":\"A\",\"role\":\"host\"}")) {
            problem(client.post()
                .uri("/api/tokens")
                .header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange(), 400);
        }
        problem(client.post()
            .uri("/api/tokens")
            .header("X-Api-Key", KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"meetingId\":\"🚀\",\"userId\":\"42\",\"name\":\"A\",\"role\":\"host\"}")
            .exchange(), 404);
    }

    @Test
    void unknownPathsAndTheJwksAnswerWithoutErrors() {
        problem(client.get().uri("/api/meetings").exchange(), 405);
        problem(client.get().uri("/api/nothing-here").exchange(), 404);
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        problem(client.post().uri("/.well-known/jwks.json").exchange(), 405);
    }

    private static WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String body,
            Object... uriVariables) {
        WebTestClient.RequestBodySpec request = service.clientFor(body).method(method).uri(path, uriVariables);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                    .exchange();
    }

    private static Map<?, ?> problem(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<Map> result = response.expectBody(Map.class).returnResult();
        assertThat(result.getStatus().value()).as("status of %s %s", result.getMethod(), result.getUrl())
            .isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).as("content type of %s", result.getUrl())
            .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // "type" may be absent: RFC 9457 reads that as about:blank
        assertThat(result.getResponseBody()).containsEntry("status", status).containsKey("title");
        return result.getResponseBody();
    }

}
