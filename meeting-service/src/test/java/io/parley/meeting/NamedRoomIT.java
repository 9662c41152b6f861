package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Named rooms: "enter a room name and share the URL". */
class NamedRoomIT {

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start("--parley.meetings.public-url=https://meet.example.com/");
        client = service.client();
        api = new MeetingApiClient(client);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theFirstCallerCreatesTheRoomAndTheSecondJoinsIt() {
        String room = "Design-Review-" + System.nanoTime();
        String slug = room.toLowerCase();

        var first = api.create(Map.of("hostName", "Ada", "slug", room, "title", "Design review"));
        Map<String, Object> second = MeetingApiClient
            .body(createRoom(Map.of("hostName", "Grace", "slug", room, "title", "ignored")).expectStatus().isOk());

        assertThat(first.body()).containsEntry("slug", slug)
            .containsEntry("joinUrl", "https://meet.example.com/m/" + slug);
        assertThat(second).containsEntry("meetingId", first.meetingId())
            .containsEntry("created", false)
            .containsEntry("joinUrl", "https://meet.example.com/m/" + slug);
        assertThat(MeetingApiClient.map(second.get("participant"))).containsEntry("role", "participant")
            .containsKeys("participantId", "token", "expiresAt");
        Map<String, Object> meeting = api.get(slug);
        assertThat(meeting).containsEntry("meetingId", first.meetingId()).containsEntry("title", "Design review");
        assertThat(MeetingLifecycleIT.participants(meeting)).extracting(p -> p.get("name"), p -> p.get("role"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Ada", "host"),
                    org.assertj.core.groups.Tuple.tuple("Grace", "participant"));
    }

    @Test
    void aRoomIsReachableByNameForJoinsAndHostControls() {
        String slug = "room-" + System.nanoTime();
        var created = api.create(Map.of("hostName", "Ada", "slug", slug));

        var grace = api.join(slug, "Grace");
        api.post("/api/meetings/{id}/participants/{pid}/mute", created.hostToken(), slug, grace.participantId())
            .expectStatus()
            .isNoContent();
        api.post("/api/meetings/{id}/lock", created.hostToken(), slug).expectStatus().isNoContent();

        createRoom(Map.of("hostName", "Late", "slug", slug)).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("locked");
    }

    @Test
    void anEndedRoomNameStartsAFreshMeeting() {
        String slug = "weekly-" + System.nanoTime();
        var first = api.create(Map.of("hostName", "Ada", "slug", slug));
        api.post("/api/meetings/{id}/end", first.hostToken(), slug).expectStatus().isNoContent();

        var second = api.create(Map.of("hostName", "Grace", "slug", slug));

        assertThat(second.meetingId()).isNotEqualTo(first.meetingId());
        assertThat(api.get(slug)).containsEntry("meetingId", second.meetingId()).containsEntry("state", "open");
        assertThat(api.get(first.meetingId())).containsEntry("state", "ended");
    }

    @Test
    void aFullRoomRefusesTheNextCaller() {
        String slug = "small-" + System.nanoTime();
        api.create(Map.of("hostName", "Ada", "slug", slug, "maxParticipants", 2));
        createRoom(Map.of("hostName", "Grace", "slug", slug)).expectStatus().isOk();

        createRoom(Map.of("hostName", "Alan", "slug", slug)).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("full");
    }

    @Test
    void refusesRoomNamesThatAreInvalidOrLookLikeMeetingIds() {
        for (String slug : new String[] { "ab", "has space", "abcd-efgh-ijkl", "-dash", "ü-room" }) {
            createRoom(Map.of("hostName", "Ada", "slug", slug)).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("slug");
        }
    }

    private WebTestClient.ResponseSpec createRoom(Map<String, Object> body) {
        return client.post().uri("/api/meetings").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

}
