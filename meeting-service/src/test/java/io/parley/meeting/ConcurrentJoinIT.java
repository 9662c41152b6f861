package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The participant limit holds under a burst of simultaneous joins: one atomic script
 * admits or refuses each.
 */
class ConcurrentJoinIT {

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    private static ConnectionProvider connections;

    private static WebClient http;

    @BeforeAll
    static void start() {
        // the test is about atomicity, not speed: on a loaded machine a 2 s Redis timeout
        // would turn joins into 503s
        service = RunningMeetingService.start("--spring.data.redis.timeout=20s");
        api = new MeetingApiClient(service.client());
        connections = ConnectionProvider.builder("joins").maxConnections(200).build();
        http = WebClient.builder()
            .baseUrl(service.baseUrl())
            .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                    HttpClient.create(connections)))
            .build();
    }

    @AfterAll
    static void stop() {
        connections.dispose();
        service.close();
    }

    @Test
    void aHundredConcurrentJoinsFillAMeetingOfTenExactly() {
        var created = api.create("Ada", 10);

        List<Integer> statuses = Flux.range(0, 100)
            .flatMap(
                    i -> http.post()
                        .uri("/api/meetings/{id}/participants", created.meetingId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Guest " + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    100)
            .collectList()
            .block(Duration.ofSeconds(60));

        // the host holds one of the ten seats
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(9);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(91);
        assertThat(MeetingLifecycleIT.participants(api.get(created.meetingId()))).hasSize(10);
    }

    @Test
    void concurrentCreatorsOfOneRoomNameEndUpInOneMeeting() {
        String room = "burst-" + System.nanoTime();

        List<Map<String, Object>> answers = Flux.range(0, 20)
            .flatMap(i -> http.post()
                .uri("/api/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hostName", "Caller " + i, "slug", room))
                .retrieve()
                .bodyToMono(Map.class), 20)
            .map(MeetingApiClient::map)
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(answers).extracting(answer -> answer.get("meetingId")).containsOnly(answers.get(0).get("meetingId"));
        assertThat(answers).filteredOn(answer -> Boolean.TRUE.equals(answer.get("created"))).hasSize(1);
        assertThat(MeetingLifecycleIT.participants(api.get(room))).hasSize(20)
            .filteredOn(p -> "host".equals(p.get("role")))
            .hasSize(1);
    }

}
