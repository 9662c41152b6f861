package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi/meeting-service.yaml against the running service: one request per
 * documented status of every operation, checking the status, the content type and the
 * body against the documented schema; an operation or status documented but not exercised
 * here (or exercised but not documented) fails the test.
 */
class OpenApiIT {

    private static final Path SPEC = Path.of("..", "docs", "openapi", "meeting-service.yaml");

    private static final String KEY = "openapi-key";

    private static final String HUGE = "{\"name\":\"" + "x".repeat(100_000) + "\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int ACCOUNT_CAP = 2;

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    private static Map<String, Object> spec;

    @BeforeAll
    static void start() throws Exception {
        String hash = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        service = RunningMeetingService.start("--parley.meetings.api-keys[0].name=docs",
                "--parley.meetings.api-keys[0].sha256=" + hash,
                "--parley.access-tokens.jwks-uri=" + PeopleKeys.jwksUri(),
                "--parley.meetings.creation-limits.per-account=" + ACCOUNT_CAP);
        client = service.client();
        api = new MeetingApiClient(client);
        try (InputStream in = Files.newInputStream(SPEC)) {
            spec = new Yaml().load(in);
        }
    }

    @AfterAll
    static void stop() {
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

    private static Map<String, Supplier<EntityExchangeResult<byte[]>>> scenarios() {
        var meeting = api.create("Ada");
        String id = meeting.meetingId();
        var grace = api.join(id, "Grace");
        var ended = api.create("Edith");
        api.post("/api/meetings/{id}/end", ended.hostToken(), ended.meetingId()).expectStatus().isNoContent();
        var full = api.create("Fay", 2);
        api.join(full.meetingId(), "Second");
        String room = "docs-room-" + System.nanoTime();
        api.create(Map.of("hostName", "Rita", "slug", room));
        String fullRoom = "docs-full-" + System.nanoTime();
        api.create(Map.of("hostName", "Rita", "slug", fullRoom, "maxParticipants", 2));
        api.join(fullRoom, "Second");
        String unknown = "zzzz-zzzz-zzzz";
        String nobody = "p0000000000000000";

        Map<String, Supplier<EntityExchangeResult<byte[]>>> s = new LinkedHashMap<>();
        s.put("POST /api/meetings 201", () -> send(HttpMethod.POST, "/api/meetings", null, "{\"hostName\":\"Ada\"}"));
        s.put("POST /api/meetings 200",
                () -> send(HttpMethod.POST, "/api/meetings", null, "{\"hostName\":\"Bo\",\"slug\":\"" + room + "\"}"));
        s.put("POST /api/meetings 400", () -> send(HttpMethod.POST, "/api/meetings", null, "{}"));
        s.put("POST /api/meetings 401",
                () -> exchange(client.post()
                    .uri("/api/meetings")
                    .header("X-Api-Key", "no")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"hostName\":\"Ada\"}")));
        s.put("POST /api/meetings 403", () -> send(HttpMethod.POST, "/api/meetings",
                PeopleKeys.accessToken(UUID.randomUUID().toString(), "Ada"), "{\"access\":\"org\",\"orgId\":\"o-1\"}"));
        s.put("POST /api/meetings 409", () -> send(HttpMethod.POST, "/api/meetings", null,
                "{\"hostName\":\"Bo\",\"slug\":\"" + fullRoom + "\"}"));
        s.put("POST /api/meetings 413", () -> send(HttpMethod.POST, "/api/meetings", null, HUGE));
        s.put("POST /api/meetings 415",
                () -> exchange(client.post()
                    .uri("/api/meetings")
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("{\"hostName\":\"Ada\"}")));
        String capped = PeopleKeys.accessToken(UUID.randomUUID().toString(), "Cap");
        for (int i = 0; i < ACCOUNT_CAP; i++) {
            assertThat(send(HttpMethod.POST, "/api/meetings", capped, "{}").getStatus().value()).isEqualTo(201);
        }
        s.put("POST /api/meetings 429", () -> send(HttpMethod.POST, "/api/meetings", capped, "{}"));

        s.put("GET /api/meetings/{id} 200", () -> send(HttpMethod.GET, "/api/meetings/" + id, null, null));
        s.put("GET /api/meetings/{id} 404", () -> send(HttpMethod.GET, "/api/meetings/" + unknown, null, null));

        String join = "/api/meetings/{id}/participants";
        s.put("POST " + join + " 201", () -> send(HttpMethod.POST, path(join, id), null, "{\"name\":\"Al\"}"));
        s.put("POST " + join + " 400", () -> send(HttpMethod.POST, path(join, id), null, "{\"name\":\"\"}"));
        String org = UUID.randomUUID().toString();
        String orgMeeting = JSON
            .readTree(send(HttpMethod.POST, "/api/meetings",
                    PeopleKeys.accessToken(UUID.randomUUID().toString(), "Owner", org),
                    "{\"access\":\"org\",\"orgId\":\"" + org + "\"}")
                .getResponseBody())
            .path("meetingId")
            .asString();
        s.put("POST " + join + " 401", () -> send(HttpMethod.POST, path(join, orgMeeting), null, "{\"name\":\"Al\"}"));
        s.put("POST " + join + " 403", () -> send(HttpMethod.POST, path(join, orgMeeting),
                PeopleKeys.accessToken(UUID.randomUUID().toString(), "Outsider"), "{\"name\":\"Al\"}"));
        s.put("POST " + join + " 404", () -> send(HttpMethod.POST, path(join, unknown), null, "{\"name\":\"Al\"}"));
        s.put("POST " + join + " 409",
                () -> send(HttpMethod.POST, path(join, full.meetingId()), null, "{\"name\":\"Al\"}"));
        s.put("POST " + join + " 413", () -> send(HttpMethod.POST, path(join, id), null, HUGE));
        s.put("POST " + join + " 415", () -> exchange(
                client.post().uri(path(join, id)).contentType(MediaType.TEXT_PLAIN).bodyValue("{\"name\":\"Al\"}")));

        String remove = "/api/meetings/{id}/participants/{participantId}";
        s.put("DELETE " + remove + " 204", () -> {
            var leaving = api.join(id, "Leaving");
            return send(HttpMethod.DELETE, path(remove, id, leaving.participantId()), meeting.hostToken(), null);
        });
        s.put("DELETE " + remove + " 401",
                () -> send(HttpMethod.DELETE, path(remove, id, grace.participantId()), null, null));
        s.put("DELETE " + remove + " 403",
                () -> send(HttpMethod.DELETE, path(remove, id, meeting.hostId()), grace.token(), null));
        s.put("DELETE " + remove + " 404",
                () -> send(HttpMethod.DELETE, path(remove, id, nobody), meeting.hostToken(), null));
        s.put("DELETE " + remove + " 409", () -> send(HttpMethod.DELETE,
                path(remove, ended.meetingId(), ended.hostId()), ended.hostToken(), null));

        String mute = "/api/meetings/{id}/participants/{participantId}/mute";
        hostControl(s, mute, () -> path(mute, id, grace.participantId()), () -> path(mute, unknown, nobody),
                () -> path(mute, ended.meetingId(), ended.hostId()), meeting.hostToken(), grace.token(),
                ended.hostToken(), null);
        s.put("POST " + mute + " 404", () -> send(HttpMethod.POST, path(mute, id, nobody), meeting.hostToken(), null));

        for (String command : List.of("mute-all", "lock", "end")) {
            String template = "/api/meetings/{id}/" + command;
            hostControl(s, template, () -> path(template, api.create("Host").meetingId()),
                    () -> path(template, unknown), () -> path(template, ended.meetingId()), null, grace.token(),
                    ended.hostToken(), null);
            // 204 needs the host of the meeting it acts on: a fresh one, so lock and end
            // leave the others open
            s.put("POST " + template + " 204", () -> {
                var fresh = api.create("Host");
                return send(HttpMethod.POST, path(template, fresh.meetingId()), fresh.hostToken(), null);
            });
            s.put("POST " + template + " 403", () -> send(HttpMethod.POST, path(template, id), grace.token(), null));
        }

        String timer = "/api/meetings/{id}/timer";
        String preset = "{\"preset\":\"seconds_30\"}";
        hostControl(s, timer, () -> path(timer, id), () -> path(timer, unknown), () -> path(timer, ended.meetingId()),
                meeting.hostToken(), grace.token(), ended.hostToken(), preset);
        s.remove("POST " + timer + " 204");
        s.put("POST " + timer + " 200", () -> send(HttpMethod.POST, path(timer, id), meeting.hostToken(), preset));
        s.put("POST " + timer + " 400",
                () -> send(HttpMethod.POST, path(timer, id), meeting.hostToken(), "{\"preset\":\"seconds_20\"}"));
        s.put("POST " + timer + " 413", () -> send(HttpMethod.POST, path(timer, id), meeting.hostToken(), HUGE));

        String recording = "/api/meetings/{id}/recording";
        hostControl(s, recording, () -> path(recording, api.create("Host").meetingId()), () -> path(recording, unknown),
                () -> path(recording, ended.meetingId()), null, grace.token(), ended.hostToken(), null);
        s.put("POST " + recording + " 201", () -> {
            var fresh = api.create("Host");
            return send(HttpMethod.POST, path(recording, fresh.meetingId()), fresh.hostToken(), null);
        });
        s.put("POST " + recording + " 403", () -> send(HttpMethod.POST, path(recording, id), grace.token(), null));
        s.put("POST " + recording + " 503", () -> {
            var fresh = api.create("Host");
            service.mediaServerAnswers(false);
            try {
                return send(HttpMethod.POST, path(recording, fresh.meetingId()), fresh.hostToken(), null);
            }
            finally {
                service.mediaServerAnswers(true);
            }
        });
        s.put("POST " + recording + " 413",
                () -> send(HttpMethod.POST, path(recording, id), meeting.hostToken(), HUGE));
        s.put("DELETE " + recording + " 204", () -> {
            var fresh = api.create("Host");
            api.post(recording, fresh.hostToken(), fresh.meetingId()).expectStatus().isCreated();
            return send(HttpMethod.DELETE, path(recording, fresh.meetingId()), fresh.hostToken(), null);
        });
        s.put("DELETE " + recording + " 401", () -> send(HttpMethod.DELETE, path(recording, id), null, null));
        s.put("DELETE " + recording + " 403", () -> send(HttpMethod.DELETE, path(recording, id), grace.token(), null));
        s.put("DELETE " + recording + " 404",
                () -> send(HttpMethod.DELETE, path(recording, unknown), meeting.hostToken(), null));
        s.put("DELETE " + recording + " 409",
                () -> send(HttpMethod.DELETE, path(recording, id), meeting.hostToken(), null));

        String mint = "/api/tokens";
        s.put("POST " + mint + " 201", () -> mint(KEY, mintBody(id, "host")));
        s.put("POST " + mint + " 400", () -> mint(KEY, mintBody(id, "admin")));
        s.put("POST " + mint + " 401", () -> mint(null, mintBody(id, "host")));
        s.put("POST " + mint + " 404", () -> mint(KEY, mintBody(unknown, "host")));
        s.put("POST " + mint + " 409", () -> mint(KEY, mintBody(full.meetingId(), "participant")));
        s.put("POST " + mint + " 413", () -> mint(KEY, HUGE));

        s.put("GET /.well-known/jwks.json 200", () -> send(HttpMethod.GET, "/.well-known/jwks.json", null, null));
        return s;
    }

    /**
     * 204, 401, 403, 404 and 409 of a host control; callers replace what does not fit.
     */
    private static void hostControl(Map<String, Supplier<EntityExchangeResult<byte[]>>> s, String template,
            Supplier<String> target, Supplier<String> unknownMeeting, Supplier<String> endedMeeting, String hostToken,
            String participantToken, String endedHostToken, String body) {
        if (hostToken != null) {
            s.put("POST " + template + " 204", () -> send(HttpMethod.POST, target.get(), hostToken, body));
            s.put("POST " + template + " 403", () -> send(HttpMethod.POST, target.get(), participantToken, body));
        }
        s.put("POST " + template + " 401", () -> send(HttpMethod.POST, target.get(), null, body));
        s.put("POST " + template + " 404", () -> send(HttpMethod.POST, unknownMeeting.get(), participantToken, body));
        s.put("POST " + template + " 409", () -> send(HttpMethod.POST, endedMeeting.get(), endedHostToken, body));
    }

    private static String mintBody(String meetingId, String role) {
        return "{\"meetingId\":\"" + meetingId + "\",\"userId\":\"u-1\",\"name\":\"Lin\",\"role\":\"" + role + "\"}";
    }

    private static EntityExchangeResult<byte[]> mint(String key, String body) {
        return exchange(service.clientFor(body).post().uri("/api/tokens").headers(h -> {
            if (key != null) {
                h.set("X-Api-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    private static String path(String template, String... values) {
        String path = template;
        for (String value : values) {
            path = path.replaceFirst("\\{[^}]+}", value);
        }
        return path;
    }

    private static EntityExchangeResult<byte[]> send(HttpMethod method, String path, String token, String body) {
        WebTestClient.RequestBodySpec request = service.clientFor(body).method(method).uri(path);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return exchange(body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    private static EntityExchangeResult<byte[]> exchange(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectBody().returnResult();
    }

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
     * properties, items, enum, const.
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
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!object.containsKey(required)) {
                        failures.add(key + ": " + where + " lacks required " + required);
                    }
                }
                ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((name, property) -> {
                    if (object.containsKey(name)) {
                        check(property, object.get(name), where + "." + name);
                    }
                });
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
