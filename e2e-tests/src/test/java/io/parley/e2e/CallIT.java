package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

/**
 * Two people in a call, each in their own Chromium with a fake camera and microphone,
 * through the gateway to the real services: the host starts the meeting on the start
 * page, the guest opens its link and enters a name.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class CallIT {

    /**
     * The host's and the guest's browser, shared by the tests; each test starts a new
     * meeting in them.
     */
    private static CallPage host;

    private static CallPage guest;

    private final PlatformApi api = new PlatformApi();

    @BeforeAll
    static void openBrowsers(Platform platform, Browsers browsers) {
        host = new CallPage(browsers.open("host"));
        guest = new CallPage(browsers.open("guest"));
    }

    record Call(String meetingId, CallPage host, CallPage guest) {

        String hostId() {
            return host.selfId();
        }

        String guestId() {
            return guest.selfId();
        }
    }

    /**
     * The host starts a meeting on the start page, the guest opens its link and enters a
     * name.
     */
    static Call startCall() {
        String meetingId = host.createMeeting("Ada");
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        return new Call(meetingId, host, guest);
    }

    @Test
    void eachBrowserSeesTheOthersVideoPlaying() {
        Call call = startCall();

        call.host().awaitVideoPlaying(call.guestId(), CallPage.JOIN_TIMEOUT);
        call.guest().awaitVideoPlaying(call.hostId(), CallPage.JOIN_TIMEOUT);

        call.host().browser().screenshot("two-person-call");
        // a phone held upright: everything stacks into one column, nothing scrolls
        // sideways
        Dimension desktop = call.guest().browser().driver().manage().window().getSize();
        call.guest().browser().driver().manage().window().setSize(new Dimension(390, 844));
        try {
            await("the call to fit a phone's width").atMost(CallPage.UI_TIMEOUT).until(call.guest()::fitsWidth);
            call.guest().browser().screenshot("two-person-call-phone");
        }
        finally {
            call.guest().browser().driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void aNamedRoomIsOpenedByItsName() {
        String room = "standup-" + Long.toString(System.currentTimeMillis(), 36);
        host.createMeeting("Ada", room);
        assertThat(host.browser().driver().getCurrentUrl()).endsWith("/m/" + room);

        guest.join(room, "Grace");
        guest.awaitConnected();

        String guestId = guest.selfId();
        await("the host to see the guest").atMost(CallPage.UI_TIMEOUT).until(() -> !host.person(guestId).isEmpty());
    }

    @Test
    void chatMessagesReachEveryoneAndAreReplayedAfterAReload() {
        Call call = startCall();

        call.guest().sendChat("Hello from Grace");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> call.host().chatTexts().contains("Hello from Grace"));
        call.host().sendChat("Hi Grace <b>not bold</b>");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> call.guest().chatTexts().contains("Hi Grace <b>not bold</b>"));

        // a reload rejoins with the tab's credentials and gets the history with its
        // welcome
        call.guest().browser().driver().navigate().refresh();
        call.guest().awaitConnected();
        await().atMost(CallPage.UI_TIMEOUT)
            .untilAsserted(() -> assertThat(call.guest().chatTexts()).containsExactly("Hello from Grace",
                    "Hi Grace <b>not bold</b>"));
        call.guest().browser().screenshot("chat");
    }

    @Test
    void muteAllTurnsTheOthersMicrophoneOffAndBothPagesShowIt() {
        Call call = startCall();
        await().atMost(CallPage.UI_TIMEOUT).until(() -> "on".equals(call.host().person(call.guestId()).get("audio")));
        assertThat(call.guest().microphoneOn()).isTrue();

        call.host().click(By.id("mute-all"));

        await("the guest's microphone to go off").atMost(CallPage.UI_TIMEOUT).until(() -> !call.guest().microphoneOn());
        assertThat(call.guest().attribute(By.id("toggle-mic"), "aria-pressed")).isEqualTo("false");
        await("the host's list to show the guest muted").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "off".equals(call.host().person(call.guestId()).get("audio")));
        assertThat(call.host().microphoneOn()).as("mute all spares the host").isTrue();
        call.guest().browser().screenshot("muted-by-host");
    }

    @Test
    void aFifteenSecondTimerCountsDownOnEveryScreen() {
        Call call = startCall();

        call.host().click(By.cssSelector("button[data-preset='seconds_15']"));

        for (CallPage page : new CallPage[] { call.host(), call.guest() }) {
            await(page.browser().name() + " to show the countdown").atMost(CallPage.UI_TIMEOUT)
                .until(() -> page.timerText().matches("Timer 0:(1[0-5]|0[0-9])"));
        }
        call.guest().browser().screenshot("timer");
        for (CallPage page : new CallPage[] { call.host(), call.guest() }) {
            await(page.browser().name() + " to show the end of the timer").atMost(Duration.ofSeconds(30))
                .until(() -> page.timerText().equals("Time is up"));
        }
    }

    @Test
    void aRemovedParticipantSeesTheRemovedScreen() {
        Call call = startCall();
        String guestId = call.guestId();

        call.host()
            .click(By.cssSelector("#participant-list li[data-participant-id='" + guestId + "'] .remove-participant"));

        call.guest().awaitScreen("removed");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> call.host().person(guestId).isEmpty());
        call.guest().browser().screenshot("removed");
    }

    @Test
    void endingTheMeetingShowsTheEndedScreenToEveryone() {
        Call call = startCall();

        call.host().click(By.id("end-meeting"));
        assertThat(call.host().browser().driver().findElement(By.id("end-dialog")).isDisplayed())
            .as("ending asks for confirmation")
            .isTrue();
        call.host().browser().screenshot("end-confirmation");
        call.host().click(By.id("confirm-end"));

        call.host().awaitScreen("ended");
        call.guest().awaitScreen("ended");
        call.guest().browser().screenshot("ended");
    }

    @Test
    void afterTheCallTheQualityPageShowsBothParticipants() {
        Call call = startCall();
        call.host().awaitVideoPlaying(call.guestId(), CallPage.JOIN_TIMEOUT);
        call.guest().awaitVideoPlaying(call.hostId(), CallPage.JOIN_TIMEOUT);
        String hostId = call.hostId();
        String guestId = call.guestId();
        String token = call.host().credentials().path("token").asString();
        await("samples of both participants at the collector").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode series = api.get("/api/quality/meetings/" + call.meetingId(), token).body();
            return series.path("participants").size() == 2;
        });

        call.guest().click(By.id("leave-call"));
        call.host().click(By.id("leave-call"));
        call.host().awaitScreen("left");
        call.host().click(By.linkText("See the call quality"));

        CallPage quality = call.host();
        await("the quality page to list both participants with samples").atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> quality.samplesOf(hostId) > 0 && quality.samplesOf(guestId) > 0);
        await("the charts to be drawn").atMost(CallPage.UI_TIMEOUT).until(quality::chartsDrawn);
        quality.browser().screenshot("quality");
    }

}
