package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organizations, members, invitations and limits (PEOPLE.md §3, §6) on real PostgreSQL,
 * Redis and Kafka.
 */
class OrgsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningPeopleService service;

    private static WebTestClient client;

    private static PeopleClient people;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("orgs_it");
        client = service.client();
        people = new PeopleClient(client);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A signed-up person and the address invitations for them go to. */
    private record Person(PeopleClient.SignedIn signedIn, String email, String name) {

        String id() {
            return signedIn.accountId();
        }
    }

    private static Person signUp(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        return new Person(people.signUp(email, name, "organized people"), email, name);
    }

    @Test
    void creatingAnOrganizationMakesTheCallerItsOwner() {
        Person ada = signUp("Ada");

        Map<String, Object> created = send(HttpMethod.POST, "/api/orgs", ada, Map.of("name", "  Analytical Engines "))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches(HttpHeaders.LOCATION, "/api/orgs/[0-9a-f-]{36}")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(created).containsEntry("name", "Analytical Engines").containsEntry("role", "owner");
        String orgId = (String) created.get("orgId");

        get("/api/orgs/" + orgId, ada).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orgId")
            .isEqualTo(orgId)
            .jsonPath("$.name")
            .isEqualTo("Analytical Engines")
            .jsonPath("$.role")
            .isEqualTo("owner")
            .jsonPath("$.maxConcurrentStreams")
            .isEmpty();
        get("/api/orgs/" + orgId + "/members", ada).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.members.length()")
            .isEqualTo(1)
            .jsonPath("$.members[0].accountId")
            .isEqualTo(ada.id())
            .jsonPath("$.members[0].displayName")
            .isEqualTo("Ada")
            .jsonPath("$.members[0].email")
            .isEqualTo(ada.email())
            .jsonPath("$.members[0].role")
            .isEqualTo("owner")
            .jsonPath("$.members[0].joinedAt")
            .isNotEmpty();
    }

    @Test
    void aNameIsRequiredAndPlainText() {
        Person ada = signUp("Ada");

        expectProblem(send(HttpMethod.POST, "/api/orgs", ada, Map.of("name", " ")), 400).jsonPath("$.errors[0].field")
            .isEqualTo("name");
        expectProblem(send(HttpMethod.POST, "/api/orgs", ada, Map.of("name", "x".repeat(65))), 400);
        expectProblem(send(HttpMethod.POST, "/api/orgs", ada, Map.of("name", "evil\u202Eexe")), 400);
        expectProblem(send(HttpMethod.POST, "/api/orgs", ada, Map.of("name", 42)), 400);
    }

    @Test
    void anInvitationJoinsTheOrganizationWithTheInvitedRoleOnlyOnce() {
        Person owner = signUp("Owner");
        Person bob = signUp("Bob");
        String orgId = createOrg(owner, "Once");

        Map<?, ?> invited = invite(orgId, owner, bob.email(), "member").expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String token = (String) invited.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(invited.get("invitationId")).isNotNull();
        assertThat(Instant.parse((String) invited.get("expiresAt"))).isAfter(Instant.now().plus(Duration.ofDays(6)));

        accept(token, bob).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orgId")
            .isEqualTo(orgId)
            .jsonPath("$.name")
            .isEqualTo("Once")
            .jsonPath("$.role")
            .isEqualTo("member");
        assertThat(members(orgId, owner)).filteredOn("accountId", bob.id())
            .singleElement()
            .satisfies(listed -> assertThat(listed).containsEntry("role", "member")
                .containsEntry("displayName", "Bob")
                .containsEntry("email", bob.email()));
        get("/api/orgs/" + orgId, bob).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("member");

        expectProblem(accept(token, bob), 410);
        expectProblem(accept(token, signUp("Late")), 410);
    }

    @Test
    void anUnknownInvitationIs404() {
        Person bob = signUp("Bob");

        expectProblem(accept("A".repeat(43), bob), 404);
        expectProblem(accept("not-a-token", bob), 404);
    }

    @Test
    void anInvitationIsForTheAddressItWasSentToAndStaysUsableForIt() {
        Person owner = signUp("Owner");
        Person bob = signUp("Bob");
        Person eve = signUp("Eve");
        String orgId = createOrg(owner, "Addressed");
        String token = token(invite(orgId, owner, bob.email().toUpperCase(), "member"));

        expectProblem(accept(token, eve), 403).jsonPath("$.reason").isEqualTo("not-invitee");
        accept(token, bob).expectStatus().isOk();
    }

    @Test
    void acceptingAsAMemberAlreadyIs409AndLeavesTheInvitationUnused() {
        Person owner = signUp("Owner");
        Person bob = signUp("Bob");
        String orgId = createOrg(owner, "Twice");
        join(orgId, owner, bob, "member");
        String second = token(invite(orgId, owner, bob.email(), "admin"));

        expectProblem(accept(second, bob), 409).jsonPath("$.reason").isEqualTo("already-member");

        send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + bob.id(), bob, null).expectStatus().isNoContent();
        accept(second, bob).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("admin");
    }

    @Test
    void membersDoNotInviteAdminsInviteMembersOnlyAndNobodyIsInvitedAsOwner() {
        Person owner = signUp("Owner");
        Person admin = signUp("Admin");
        Person member = signUp("Member");
        String orgId = createOrg(owner, "Invitations");
        join(orgId, owner, admin, "admin");
        join(orgId, owner, member, "member");

        expectProblem(invite(orgId, member, "new@example.org", "member"), 403).jsonPath("$.reason")
            .isEqualTo("not-allowed");
        expectProblem(invite(orgId, admin, "new@example.org", "admin"), 403).jsonPath("$.reason")
            .isEqualTo("not-allowed");
        invite(orgId, admin, "new@example.org", "member").expectStatus().isCreated();
        expectProblem(invite(orgId, owner, "new@example.org", "owner"), 400).jsonPath("$.errors[0].field")
            .isEqualTo("role");
        expectProblem(invite(orgId, owner, "not an address", "member"), 400);
        expectProblem(invite(orgId, signUp("Stranger"), "new@example.org", "member"), 403).jsonPath("$.reason")
            .isEqualTo("not-member");
    }

    @Test
    void nonMembersSeeNeitherTheOrganizationNorItsMembers() {
        Person owner = signUp("Owner");
        Person stranger = signUp("Stranger");
        String orgId = createOrg(owner, "Private");

        expectProblem(get("/api/orgs/" + orgId, stranger), 403).jsonPath("$.reason").isEqualTo("not-member");
        expectProblem(get("/api/orgs/" + orgId + "/members", stranger), 403).jsonPath("$.reason")
            .isEqualTo("not-member");
        expectProblem(get("/api/orgs/" + UUID.randomUUID(), owner), 404);
        expectProblem(get("/api/orgs/not-a-uuid/members", owner), 404);
    }

    @Test
    void anAdminCannotTouchAnOwnerNorMakeOneButManagesOthersByTheDatabasesRoles() {
        Person owner = signUp("Owner");
        Person admin = signUp("Admin");
        Person member = signUp("Member");
        String orgId = createOrg(owner, "Admins");
        // the admin's access token was issued before joining: its orgs claim says nothing
        // of this organization
        join(orgId, owner, admin, "admin");
        join(orgId, owner, member, "member");

        expectProblem(role(orgId, admin, owner, "member"), 403).jsonPath("$.reason").isEqualTo("not-allowed");
        expectProblem(send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + owner.id(), admin, null), 403)
            .jsonPath("$.reason")
            .isEqualTo("not-allowed");
        expectProblem(role(orgId, admin, member, "owner"), 403);
        expectProblem(role(orgId, admin, admin, "owner"), 403);

        role(orgId, admin, member, "admin").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.accountId")
            .isEqualTo(member.id())
            .jsonPath("$.role")
            .isEqualTo("admin");
        role(orgId, owner, admin, "member").expectStatus().isOk();
        expectProblem(role(orgId, admin, member, "member"), 403);
        expectProblem(role(orgId, owner, member, "boss"), 400);
        expectProblem(role(orgId, owner, signUp("Stranger"), "admin"), 404);
    }

    @Test
    void theLastOwnerCannotLeaveNorBeDemotedUntilThereIsAnother() {
        Person owner = signUp("Owner");
        Person admin = signUp("Admin");
        String orgId = createOrg(owner, "Owned");
        join(orgId, owner, admin, "admin");

        expectProblem(send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + owner.id(), owner, null), 409)
            .jsonPath("$.reason")
            .isEqualTo("last-owner");
        expectProblem(role(orgId, owner, owner, "admin"), 409).jsonPath("$.reason").isEqualTo("last-owner");

        role(orgId, owner, admin, "owner").expectStatus().isOk();
        send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + owner.id(), owner, null).expectStatus()
            .isNoContent();
        expectProblem(get("/api/orgs/" + orgId, owner), 403);
        expectProblem(role(orgId, admin, admin, "member"), 409).jsonPath("$.reason").isEqualTo("last-owner");
    }

    @Test
    void ownersSteppingDownAllAtOnceLeaveExactlyOneOwner() {
        Person founder = signUp("Founder");
        String orgId = createOrg(founder, "Race");
        List<Person> owners = new ArrayList<>(List.of(founder));
        for (int i = 1; i < 8; i++) {
            Person owner = signUp("Owner" + i);
            join(orgId, founder, owner, "admin");
            role(orgId, founder, owner, "owner").expectStatus().isOk();
            owners.add(owner);
        }

        WebClient web = WebClient.create(service.baseUrl());
        List<Integer> statuses = Flux.fromIterable(owners)
            .flatMap(owner -> stepDown(web, orgId, owner))
            .collectList()
            .block(Duration.ofSeconds(30));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(owners.size() - 1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(1);
        assertThat(members(orgId, founder)).filteredOn("role", "owner").hasSize(1);
    }

    private static Mono<Integer> stepDown(WebClient web, String orgId, Person person) {
        return web.patch()
            .uri("/api/orgs/{org}/members/{account}", orgId, person.id())
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(person.signedIn()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("role", "admin"))
            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    @Test
    void aMemberMayLeaveButNotRemoveOthers() {
        Person owner = signUp("Owner");
        Person bob = signUp("Bob");
        Person carol = signUp("Carol");
        String orgId = createOrg(owner, "Leaving");
        join(orgId, owner, bob, "member");
        join(orgId, owner, carol, "member");

        expectProblem(send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + carol.id(), bob, null), 403)
            .jsonPath("$.reason")
            .isEqualTo("not-allowed");
        send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + bob.id(), bob, null).expectStatus().isNoContent();
        expectProblem(get("/api/orgs/" + orgId, bob), 403);
        send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + carol.id(), owner, null).expectStatus()
            .isNoContent();
        assertThat(members(orgId, owner)).extracting(listed -> listed.get("accountId")).containsExactly(owner.id());
        expectProblem(send(HttpMethod.DELETE, "/api/orgs/" + orgId + "/members/" + carol.id(), owner, null), 404);
    }

    @Test
    void theStreamLimitIsAWholeNumberFromOneToTwenty() {
        Person owner = signUp("Owner");
        Person member = signUp("Member");
        String orgId = createOrg(owner, "Limits");
        join(orgId, owner, member, "member");

        limits(orgId, owner, "{\"maxConcurrentStreams\": 1}").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.orgId")
            .isEqualTo(orgId)
            .jsonPath("$.maxConcurrentStreams")
            .isEqualTo(1);
        limits(orgId, owner, "{\"maxConcurrentStreams\": 20}").expectStatus().isOk();
        get("/api/orgs/" + orgId, member).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.maxConcurrentStreams")
            .isEqualTo(20);

        for (String wrong : List.of("0", "21", "-1", "2.5", "20.0", "\"3\"", "true", "null", "99999999999")) {
            expectProblem(limits(orgId, owner, "{\"maxConcurrentStreams\": " + wrong + "}"), 400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("maxConcurrentStreams");
        }
        expectProblem(limits(orgId, owner, "{}"), 400);
        expectProblem(limits(orgId, member, "{\"maxConcurrentStreams\": 5}"), 403).jsonPath("$.reason")
            .isEqualTo("not-allowed");
        get("/api/orgs/" + orgId, member).expectBody().jsonPath("$.maxConcurrentStreams").isEqualTo(20);
    }

    @Test
    void aLimitChangeReachesEveryMemberOnThePeopleEventsTopic() {
        Person owner = signUp("Owner");
        Person admin = signUp("Admin");
        Person member = signUp("Member");
        String orgId = createOrg(owner, "Events");
        join(orgId, owner, admin, "admin");
        join(orgId, owner, member, "member");

        try (PeopleEvents events = new PeopleEvents()) {
            limits(orgId, admin, "{\"maxConcurrentStreams\": 7}").expectStatus().isOk();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> changed = events.of("io.parley.people.org-limits-changed", orgId);
                assertThat(changed).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(owner.id(), admin.id(), member.id());
                assertThat(changed).allSatisfy(record -> {
                    JsonNode payload = JSON.readTree(record.value());
                    assertThat(payload.get("accountId").asString()).isEqualTo(record.key());
                    assertThat(payload.get("maxConcurrentStreams").intValue()).isEqualTo(7);
                });
                assertThat(events.of("io.parley.people.org-member-added", orgId)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(owner.id(), admin.id(), member.id());
            });
        }
    }

    @Test
    void aMemberWhoJoinsAfterTheLimitWasSetGetsItToo() {
        Person owner = signUp("Owner");
        Person late = signUp("Late");
        String orgId = createOrg(owner, "Late joiner");
        limits(orgId, owner, "{\"maxConcurrentStreams\": 4}").expectStatus().isOk();

        try (PeopleEvents events = new PeopleEvents()) {
            join(orgId, owner, late, "member");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> changed = events.of("io.parley.people.org-limits-changed", orgId);
                assertThat(changed).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(owner.id(), late.id());
                assertThat(changed).allSatisfy(
                        record -> assertThat(JSON.readTree(record.value()).get("maxConcurrentStreams").intValue())
                            .isEqualTo(4));
            });
        }
    }

    @Test
    void theOnlyOwnerCannotDeleteTheAccountWhileOthersRemainAndADeletedMemberLeavesTheOrg() {
        Person owner = signUp("Owner");
        Person member = signUp("Member");
        String orgId = createOrg(owner, "Deletions");
        join(orgId, owner, member, "member");

        expectProblem(send(HttpMethod.DELETE, "/api/me", owner, Map.of("password", "organized people")), 409)
            .jsonPath("$.reason")
            .isEqualTo("last-owner");
        try (PeopleEvents events = new PeopleEvents()) {
            send(HttpMethod.DELETE, "/api/me", member, Map.of("password", "organized people")).expectStatus()
                .isNoContent();

            assertThat(members(orgId, owner)).extracting(m -> m.get("accountId")).containsExactly(owner.id());
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(events.of("io.parley.people.org-member-removed", orgId))
                    .extracting(ConsumerRecord::key)
                    .containsExactly(member.id()));
        }
    }

    @Test
    void malformedJsonIs400() {
        Person owner = signUp("Owner");
        String orgId = createOrg(owner, "Malformed");

        expectProblem(limits(orgId, owner, "{\"maxConcurrentStreams\": "), 400);
        expectProblem(client.post()
            .uri("/api/orgs")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(owner.signedIn()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{name: 'unquoted'}")
            .exchange(), 400);
    }

    @Test
    void withoutAnAccessTokenEveryOrganizationEndpointIs401() {
        String orgId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        List<WebTestClient.RequestHeadersSpec<?>> requests = List.of(
                client.post().uri("/api/orgs").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x")),
                client.get().uri("/api/orgs/" + orgId), client.get().uri("/api/orgs/" + orgId + "/members"),
                client.post()
                    .uri("/api/orgs/" + orgId + "/invitations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "a@example.org", "role", "member")),
                client.post().uri("/api/invitations/" + "A".repeat(43) + "/accept"),
                client.patch()
                    .uri("/api/orgs/" + orgId + "/members/" + accountId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("role", "admin")),
                client.delete().uri("/api/orgs/" + orgId + "/members/" + accountId),
                client.put()
                    .uri("/api/orgs/" + orgId + "/limits")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("maxConcurrentStreams", 5)));

        for (WebTestClient.RequestHeadersSpec<?> request : requests) {
            expectProblem(request.exchange(), 401);
        }
    }

    private static String createOrg(Person owner, String name) {
        return (String) send(HttpMethod.POST, "/api/orgs", owner, Map.of("name", name)).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("orgId");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(String orgId, Person person) {
        return (List<Map<String, Object>>) get("/api/orgs/" + orgId + "/members", person).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("members");
    }

    private static void join(String orgId, Person inviter, Person invitee, String role) {
        accept(token(invite(orgId, inviter, invitee.email(), role)), invitee).expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec invite(String orgId, Person inviter, String email, String role) {
        return send(HttpMethod.POST, "/api/orgs/" + orgId + "/invitations", inviter,
                Map.of("email", email, "role", role));
    }

    private static String token(WebTestClient.ResponseSpec invited) {
        return (String) invited.expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("token");
    }

    private static WebTestClient.ResponseSpec accept(String token, Person person) {
        return send(HttpMethod.POST, "/api/invitations/" + token + "/accept", person, null);
    }

    private static WebTestClient.ResponseSpec role(String orgId, Person actor, Person target, String role) {
        return send(HttpMethod.PATCH, "/api/orgs/" + orgId + "/members/" + target.id(), actor, Map.of("role", role));
    }

    private static WebTestClient.ResponseSpec limits(String orgId, Person actor, String json) {
        return client.put()
            .uri("/api/orgs/" + orgId + "/limits")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(actor.signedIn()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange();
    }

    private static WebTestClient.ResponseSpec get(String path, Person person) {
        return send(HttpMethod.GET, path, person, null);
    }

    private static WebTestClient.ResponseSpec send(HttpMethod method, String path, Person person, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method)
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(person.signedIn()));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Every refusal is a problem document with the status it claims. */
    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status);
    }

    /**
     * Reads {@code parley.people.events} from the beginning as a consumer that knows
     * nothing of CloudEvents would: binary mode puts the type in the {@code ce_type}
     * header and the JSON payload in the value.
     */
    private static final class PeopleEvents implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        PeopleEvents() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < Topic.PEOPLE_EVENTS.partitions(); i++) {
                partitions.add(new TopicPartition(Topic.PEOPLE_EVENTS.topicName(), i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Every event so far of this type about this organization. */
        List<ConsumerRecord<String, byte[]>> of(String ceType, String orgId) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream()
                .filter(record -> ceType.equals(header(record, "ce_type")))
                .filter(record -> orgId.equals(JSON.readTree(record.value()).path("orgId").asString("")))
                .toList();
        }

        private static String header(ConsumerRecord<String, byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            consumer.close();
        }

    }

}
