package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/** The ways into a meeting that do not end in a normal call, each with its own screen. */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class EndingsIT {

    private final PlatformApi api = new PlatformApi();

    EndingsIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void aLockedMeetingTurnsNewcomersAway(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        host.click(By.id("lock-meeting"));
        await().atMost(CallPage.UI_TIMEOUT)
            .until(() -> "Meeting locked".equals(host.browser().driver().findElement(By.id("lock-meeting")).getText()));

        CallPage guest = new CallPage(browsers.open("guest"));
        guest.join(meetingId, "Grace");

        guest.awaitScreen("locked");
        guest.browser().screenshot("locked");
    }

    @Test
    void aFullMeetingTurnsNewcomersAway(Browsers browsers) {
        // the two who fill it need no browser
        JsonNode meeting = api.createMeeting("Ada", 2);
        String meetingId = meeting.path("meetingId").asString();
        api.join(meetingId, "Grace");

        CallPage third = new CallPage(browsers.open("third"));
        third.join(meetingId, "Linus");

        third.awaitScreen("full");
    }

    @Test
    void overTheStreamLimitTheCallEndsOnItsScreen(Browsers browsers) {
        JsonNode meeting = api.createMeeting("Ada", null);
        String meetingId = meeting.path("meetingId").asString();
        JsonNode host = meeting.path("host");
        String token = host.path("token").asString();
        CallPage page = new CallPage(browsers.open("host"));
        page.storeCredentials(meetingId, host.path("participantId").asString(), token, "Ada", "host");
        // the host's user already holds as many streams as it may (elsewhere, say): every
        // lease the limit allows,
        // taken just before the page joins, since unrenewed leases expire
        int taken = 0;
        while (api.startStream(token).status() == 201) {
            taken++;
            assertThat(taken).as("stream leases granted before the limit").isLessThan(100);
        }
        assertThat(api.startStream(token).status()).isEqualTo(409);

        page.openLink(meetingId);

        page.awaitScreen("stream-limit");
        page.browser().screenshot("stream-limit");
    }

    @Test
    void withCameraAndMicrophoneBlockedYouStillJoinAndSeeTheOthers(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        String hostId = host.selfId();

        CallPage guest = new CallPage(browsers.open("guest", Browser.Media.BLOCKED));
        guest.join(meetingId, "Grace");
        guest.awaitScreen("media-denied");
        guest.browser().screenshot("media-denied");
        guest.click(By.id("join-without-media"));
        guest.awaitConnected();

        guest.awaitVideoPlaying(hostId, CallPage.JOIN_TIMEOUT);
        String guestId = guest.selfId();
        await("the host to list the guest without microphone and camera").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "off".equals(host.person(guestId).get("audio"))
                    && "off".equals(host.person(guestId).get("video")));
        assertThat(guest.attribute(By.id("toggle-mic"), "disabled")).as("no microphone to toggle").isNotNull();
    }

    @Test
    void aLinkToNoMeetingSaysSo(Browsers browsers) {
        CallPage page = new CallPage(browsers.open("visitor"));
        page.openLink("zzzz-zzzz-zzzz");
        page.awaitScreen("not-found");
    }

}
