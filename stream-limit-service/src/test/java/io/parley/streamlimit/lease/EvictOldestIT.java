package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.StreamEventsReader;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The evict-oldest policy: a start over the limit ends the oldest lease instead of being
 * refused.
 */
class EvictOldestIT {

    private static RunningService service;

    private static WebTestClient client;

    private static StreamEventsReader events;

    @BeforeAll
    static void start() {
        service = RunningService.start("--parley.streams.over-limit-policy=evict-oldest");
        client = service.client();
        events = new StreamEventsReader();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
    }

    @Test
    void theFourthStartEndsTheOldestAndSaysSo() {
        String user = "evicting-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            start(user, "s" + i).expectStatus().isCreated();
        }

        start(user, "s4").expectStatus().isCreated().expectBody().jsonPath("$.streamCount").isEqualTo(3);

        client.get()
            .uri("/api/streams?userId={u}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectBody()
            .jsonPath("$.streamCount")
            .isEqualTo(3)
            .jsonPath("$.streams[*].streamId")
            .value(ids -> assertThat(ids).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("s2", "s3", "s4"));
        events.await(EventType.STREAM_ENDED, user, data -> data.get("streamId").asString().equals("s1")
                && data.get("reason").asString().equals("evicted"));
    }

    private static WebTestClient.ResponseSpec start(String user, String streamId) {
        return client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", user, "streamId", streamId))
            .exchange();
    }

}
