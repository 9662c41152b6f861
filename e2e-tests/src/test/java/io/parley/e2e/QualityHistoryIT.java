package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * Quality history as a signed-in person finds it: a two-person call between accounts,
 * ended for everyone (which revokes every join token of the meeting), and later a new tab
 * — no join credentials in it — opens the meeting from "My meetings" and sees the charts,
 * read with the account's access token from the stored history.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class QualityHistoryIT {

    private final PlatformApi api = new PlatformApi();

    QualityHistoryIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void anEndedMeetingsQualityOpensFromMyMeetingsInANewTab(Browsers browsers) {
        Browser adaBrowser = browsers.open("ada");
        new AccountPage(adaBrowser).signUp(email("ada"), "Ada Lovelace", "analytical engine");
        CallPage host = new CallPage(adaBrowser);
        String meetingId = host.createMeeting("Ada");
        String hostToken = host.credentials().path("token").asString();

        Browser graceBrowser = browsers.open("grace");
        new AccountPage(graceBrowser).signUp(email("grace"), "Grace Hopper", "compile the world");
        CallPage guest = new CallPage(graceBrowser);
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        String guestId = guest.selfId();
        String hostId = host.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        await("samples of both participants at the collector").atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> api.get("/api/quality/meetings/" + meetingId, hostToken)
                .body()
                .path("participants")
                .size() == 2);

        host.click(By.id("end-meeting"));
        host.click(By.id("confirm-end"));
        host.awaitScreen("ended");
        guest.awaitScreen("ended");

        adaBrowser.driver().switchTo().newWindow(WindowType.TAB);
        adaBrowser.get("/meetings");
        host.click(By.cssSelector("li.meeting[data-meeting-id='" + meetingId + "'] .meeting-quality"));
        await("the quality page to list both participants with samples").atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> host.samplesOf(hostId) > 0 && host.samplesOf(guestId) > 0);
        await("the charts to be drawn").atMost(CallPage.UI_TIMEOUT).until(host::chartsDrawn);
        assertThat(Accessibility.blocking(adaBrowser)).as("accessibility of the quality page read by an account")
            .isEmpty();
        adaBrowser.screenshot("quality-from-my-meetings");
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

}
