package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meetings whose media goes through the SFU (the stack's Janus, driven by signaling),
 * each person in their own Chromium through the gateway: every page receives everyone
 * else on one subscribing connection, decoding their video and audio (getStats of that
 * connection), and keeps doing so as people leave.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class SfuIT {

    /**
     * Joining, publishing and the first subscription of several browsers on two busy
     * cores.
     */
    static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final JsonMapper json = JsonMapper.builder().build();

    private final PlatformApi api = new PlatformApi();

    SfuIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void threePeopleOnTheSfuDecodeEachOtherAndGoOnWhenOneLeaves(Browsers browsers) {
        JsonNode meeting = createMeeting("Ada", "sfu");
        String meetingId = meeting.path("meetingId").asString();
        CallPage ada = host(browsers, meeting, "Ada");
        CallPage grace = guest(browsers, meetingId, "Grace");
        CallPage linus = guest(browsers, meetingId, "Linus");
        List<CallPage> everyone = List.of(ada, grace, linus);
        for (CallPage page : everyone) {
            assertThat(page.mediaMode()).as(page.browser().name() + "'s media").isEqualTo("sfu");
        }

        for (CallPage page : everyone) {
            assertThat(receivingConnections(page, others(page, everyone)))
                .as(page.browser().name() + " receives everyone on one connection, the SFU's")
                .hasSize(1);
        }
        ada.browser().screenshot("sfu-call");

        // what Janus measured on each participant's handles, posted by its sample event
        // handler every few seconds, is in the meeting's quality view beside the
        // browsers'
        String hostToken = meeting.path("host").path("token").asString();
        List<String> ids = everyone.stream().map(CallPage::selfId).toList();
        await("the SFU's samples of all three in the quality view").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> sfuSampled(api.get("/api/quality/meetings/" + meetingId, hostToken).body()).containsAll(ids));

        String linusId = linus.selfId();
        linus.click(By.id("leave-call"));
        linus.awaitScreen("left");
        for (CallPage page : List.of(ada, grace)) {
            await(page.browser().name() + " to take Linus's tile away").atMost(CallPage.UI_TIMEOUT)
                .until(() -> "absent".equals(page.video(linusId).connectionState()));
        }
        awaitDecoding(ada, grace.selfId());
        awaitDecoding(grace, ada.selfId());
    }

    private CallPage host(Browsers browsers, JsonNode meeting, String name) {
        CallPage page = new CallPage(browsers.open(name.toLowerCase()));
        page.recordPeerConnections();
        String meetingId = meeting.path("meetingId").asString();
        JsonNode host = meeting.path("host");
        page.storeCredentials(meetingId, host.path("participantId").asString(), host.path("token").asString(), name,
                "host");
        page.openLink(meetingId);
        page.awaitConnected();
        return page;
    }

    /**
     * Opens the meeting's link and joins, more patient than {@link CallPage#join}: with
     * several browsers sending video on two busy cores, the pre-join screen of the next
     * one can take longer than a click's usual wait.
     */
    static CallPage guest(Browsers browsers, String meetingId, String name) {
        CallPage page = new CallPage(browsers.open(name.toLowerCase()));
        page.recordPeerConnections();
        page.openLink(meetingId);
        await(name + "'s pre-join screen").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> page.browser().driver().findElement(By.id("join-meeting")).isEnabled());
        page.type(By.id("participant-name"), name);
        page.click(By.id("join-meeting"));
        await(name + "'s call to connect").atMost(MEDIA_TIMEOUT).ignoreExceptions().until(page::connected);
        return page;
    }

    /** The participants the SFU measured with a round-trip time, from the series view. */
    private static List<String> sfuSampled(JsonNode series) {
        List<String> sampled = new ArrayList<>();
        for (JsonNode participant : series.path("sfu")) {
            for (JsonNode point : participant.path("points")) {
                if (point.path("stats").path("rttMs").isNumber()) {
                    sampled.add(participant.path("participantId").asString());
                    break;
                }
            }
        }
        return sampled;
    }

    private static List<String> others(CallPage page, List<CallPage> everyone) {
        return everyone.stream().filter(other -> other != page).map(CallPage::selfId).toList();
    }

    /**
     * Waits until the page decodes every one of them, video and audio, and returns the
     * connections (indexes) they arrive on.
     */
    private static Set<Integer> receivingConnections(CallPage page, List<String> participantIds) {
        Set<Integer> connections = new HashSet<>();
        for (String participantId : participantIds) {
            page.awaitVideoPlaying(participantId, MEDIA_TIMEOUT);
            connections.add(awaitDecoding(page, participantId));
        }
        return connections;
    }

    /**
     * The participant's video frames decoded and audio samples received keep growing on
     * one connection of the page; returns that connection's index.
     */
    static int awaitDecoding(CallPage page, String participantId) {
        String what = page.browser().name() + " to decode the video and audio of " + participantId;
        await(what).atMost(MEDIA_TIMEOUT).ignoreExceptions().until(() -> {
            CallPage.Received received = page.received(participantId);
            return received != null && received.framesDecoded() > 0 && received.audioSamples() > 0;
        });
        CallPage.Received before = page.received(participantId);
        await(what + " on").atMost(CallPage.UI_TIMEOUT).ignoreExceptions().until(() -> {
            CallPage.Received now = page.received(participantId);
            return now.connection() == before.connection() && now.framesDecoded() > before.framesDecoded()
                    && now.audioSamples() > before.audioSamples();
        });
        return before.connection();
    }

    /** POST /api/meetings as a guest, with {@code media} (null: the default, auto). */
    private JsonNode createMeeting(String hostName, String media) {
        ObjectNode body = json.createObjectNode().put("hostName", hostName);
        if (media != null) {
            body.put("media", media);
        }
        HttpRequest request = HttpRequest.newBuilder(Platform.GATEWAY.resolve("/api/meetings"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST /api/meetings: " + response.body()).isEqualTo(201);
            return json.readTree(response.body());
        }
        catch (IOException ex) {
            throw new AssertionError("POST /api/meetings failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

}
