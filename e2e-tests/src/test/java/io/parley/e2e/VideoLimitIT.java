package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * On the SFU what a person watches counts against their stream limit: each camera video
 * beyond the first holds a lease. With the default limit of three, everyone in a meeting
 * of five receives three of the four cameras; a person with two streams left receives
 * two, from the latest speakers, and hears everyone. Everyone joins with stored
 * credentials: five pre-join screens on two busy cores took longer than the test may
 * wait.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class VideoLimitIT {

    private final PlatformApi api = new PlatformApi();

    VideoLimitIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void aPersonWithTwoStreamsLeftInAMeetingOfFiveWatchesTwoVideosThatFollowTheSpeaker(Browsers browsers) {
        JsonNode meeting = api.createMeetingWithMedia("Ada", "sfu");
        String meetingId = meeting.path("meetingId").asString();
        JsonNode host = meeting.path("host");
        List<CallPage> others = new ArrayList<>();
        others.add(open(browsers, meetingId, host.path("participantId").asString(), host.path("token").asString(),
                "Ada", "host"));
        for (String name : List.of("Grace", "Linus", "Barbara")) {
            JsonNode joined = api.join(meetingId, name);
            others.add(open(browsers, meetingId, joined.path("participantId").asString(),
                    joined.path("token").asString(), name, "participant"));
        }
        JsonNode edsgerJoin = api.join(meetingId, "Edsger");
        String edsgerToken = edsgerJoin.path("token").asString();
        ScheduledExecutorService elsewhere = Executors.newSingleThreadScheduledExecutor();
        try {
            // Edsger watches a stream elsewhere (another tab, say) for as long as the
            // test runs: of the limit of three, two are left for this meeting
            assertThat(api.holdStream(edsgerToken, "elsewhere").status()).isEqualTo(201);
            elsewhere.scheduleAtFixedRate(() -> api.holdStream(edsgerToken, "elsewhere"), 10, 10, TimeUnit.SECONDS);
            CallPage edsger = open(browsers, meetingId, edsgerJoin.path("participantId").asString(), edsgerToken,
                    "Edsger", "participant");
            List<String> otherIds = others.stream().map(CallPage::selfId).toList();

            await("Edsger's stream limit to hold back two videos").atMost(SfuIT.MEDIA_TIMEOUT)
                .until(() -> withheld(edsger).size() == 2);
            List<String> held = withheld(edsger);
            List<String> watched = otherIds.stream().filter((id) -> !held.contains(id)).toList();
            assertThat(watched).hasSize(2);
            watched.forEach((id) -> SfuIT.awaitDecoding(edsger, id));
            await("Edsger's call bar to say two videos").atMost(SfuIT.MEDIA_TIMEOUT)
                .until(() -> "2".equals(
                        edsger.browser().driver().findElement(By.id("video-limit-status")).getAttribute("data-limit")));
            edsger.browser().screenshot("video-limit");
            for (CallPage page : others) {
                await(page.browser().name() + "'s default limit of three to hold back one of four videos")
                    .atMost(SfuIT.MEDIA_TIMEOUT)
                    .until(() -> withheld(page).size() == 1);
            }

            String speaker = held.get(0);
            for (CallPage page : others) {
                if (!page.selfId().equals(speaker)) {
                    page.click(By.id("toggle-mic"));
                }
            }
            edsger.click(By.id("toggle-mic"));
            await("Edsger's video to follow the only one speaking").atMost(SfuIT.MEDIA_TIMEOUT)
                .until(() -> !withheld(edsger).contains(speaker));
            SfuIT.awaitDecoding(edsger, speaker);
            await("two videos to stay held back").atMost(SfuIT.MEDIA_TIMEOUT).until(() -> withheld(edsger).size() == 2);
        }
        finally {
            elsewhere.shutdownNow();
        }
    }

    private static CallPage open(Browsers browsers, String meetingId, String participantId, String token, String name,
            String role) {
        CallPage page = new CallPage(browsers.open(name.toLowerCase()));
        page.recordPeerConnections();
        page.storeCredentials(meetingId, participantId, token, name, role);
        page.openLink(meetingId);
        await(name + "'s call to connect").atMost(SfuIT.MEDIA_TIMEOUT).ignoreExceptions().until(page::connected);
        return page;
    }

    /**
     * Whose video the limit holds back on the page, in one round trip: on two cores busy
     * with five browsers each WebDriver call takes a while.
     */
    private static List<String> withheld(CallPage page) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) page.browser()
            .js("return [...document.querySelectorAll('.tile[data-video=\"withheld\"]')]"
                    + ".map(tile => tile.dataset.participantId);");
        return ids;
    }

}
