package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The caps on new meetings: a guest's client address (as the gateway reports it in
 * {@code X-Forwarded-For}) and a signed-in account each found so many meetings per
 * window, then get 429 with {@code Retry-After}. Joining a running named room founds
 * nothing and counts nothing; an integration's API key is not capped.
 */
class CreationLimitsIT {

    private static final String KEY = "caps-integration-key";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static RunningMeetingService service;

    private static WebTestClient client;

    @BeforeAll
    static void start() throws Exception {
        String hash = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        service = RunningMeetingService.start("--parley.meetings.creation-limits.per-address=3",
                "--parley.meetings.creation-limits.per-account=2",
                "--parley.access-tokens.jwks-uri=" + PeopleKeys.jwksUri(), "--parley.meetings.api-keys[0].name=caps",
                "--parley.meetings.api-keys[0].sha256=" + hash);
        client = service.client();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aGuestAddressFoundsItsCapThenIsToldWhenToTryAgain() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            create(address, null, Map.of("hostName", "Ada")).expectStatus().isCreated();
        }

        create(address, null, Map.of("hostName", "Ada")).expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L))
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(429)
            .jsonPath("$.reason")
            .isEqualTo("creation-limit")
            .jsonPath("$.scope")
            .isEqualTo("address")
            .jsonPath("$.limit")
            .isEqualTo(3)
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail)
                .startsWith("This address may create at most 3 meetings an hour; try again in "));

        create(newAddress(), null, Map.of("hostName", "Grace")).expectStatus().isCreated();
        assertThat(service.bean(MeterRegistry.class)
            .get("parley.meetings.creations.limited")
            .tag("scope", "address")
            .counter()
            .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theAddressIsTheGatewaysEntryNotWhatTheClientWroteBeforeIt() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            create("10.0.0." + i + ", " + address, null, Map.of("hostName", "Ada")).expectStatus().isCreated();
        }

        create("10.0.0.99, " + address, null, Map.of("hostName", "Ada")).expectStatus().isEqualTo(429);
    }

    @Test
    void aSignedInPersonCountsAgainstTheirAccountNotTheirAddress() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            create(address, null, Map.of("hostName", "Guest")).expectStatus().isCreated();
        }
        create(address, null, Map.of("hostName", "Guest")).expectStatus().isEqualTo(429);
        String ada = PeopleKeys.accessToken(UUID.randomUUID().toString(), "Ada");

        create(address, ada, Map.of()).expectStatus().isCreated();
        create(address, ada, Map.of()).expectStatus().isCreated();
        create(newAddress(), ada, Map.of()).expectStatus()
            .isEqualTo(429)
            .expectBody()
            .jsonPath("$.scope")
            .isEqualTo("account")
            .jsonPath("$.limit")
            .isEqualTo(2)
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail)
                .startsWith("Your account may create at most 2 meetings an hour"));

        create(address, PeopleKeys.accessToken(UUID.randomUUID().toString(), "Grace"), Map.of()).expectStatus()
            .isCreated();
    }

    @Test
    void joiningARunningNamedRoomCountsNothing() {
        String address = newAddress();
        String room = "caps-room-" + System.nanoTime();
        create(address, null, Map.of("hostName", "Ada", "slug", room)).expectStatus().isCreated();

        for (int i = 0; i < 5; i++) {
            create(address, null, Map.of("hostName", "Guest " + i, "slug", room)).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.created")
                .isEqualTo(false);
        }

        create(address, null, Map.of("hostName", "Ada")).expectStatus().isCreated();
        create(address, null, Map.of("hostName", "Ada", "slug", "caps-other-" + System.nanoTime())).expectStatus()
            .isCreated();
        create(address, null, Map.of("hostName", "Ada", "slug", "caps-third-" + System.nanoTime())).expectStatus()
            .isEqualTo(429);
    }

    @Test
    void anIntegrationIsNotCapped() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            client.post()
                .uri("/api/meetings")
                .header("X-Forwarded-For", address)
                .header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hostName", "Bot"))
                .exchange()
                .expectStatus()
                .isCreated();
        }
    }

    /** One address per test: the counters live in the test JVM's one Redis. */
    private static String newAddress() {
        return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":"
                + Long.toHexString(System.nanoTime() & 0xffff);
    }

    private static WebTestClient.ResponseSpec create(String forwardedFor, String accessToken,
            Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = client.post()
            .uri("/api/meetings")
            .header("X-Forwarded-For", forwardedFor)
            .contentType(MediaType.APPLICATION_JSON);
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.bodyValue(body).exchange();
    }

}
