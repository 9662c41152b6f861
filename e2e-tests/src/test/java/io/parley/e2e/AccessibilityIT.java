package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * axe-core run on every screen of a meeting, as a person meets them one after the other:
 * the start page, the pre-join screen, the call (as host and as participant, with a chat
 * message, on a desktop and at a phone's size), the screens after leaving and after the
 * meeting ended, and the quality page. No serious or critical violation anywhere; the
 * microphone and camera keys work.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class AccessibilityIT {

    AccessibilityIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void everyScreenOfAMeetingPassesTheAccessibilityCheck(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        host.browser().get("/");
        assertNoBlockingViolations(host, "the start page");

        String meetingId = host.createMeeting("Ada");
        CallPage guest = new CallPage(browsers.open("guest"));
        guest.openPrejoin(meetingId, "Grace");
        await("the pre-join preview").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> !guest.ownDeviceId("video").isEmpty());
        assertNoBlockingViolations(guest, "the pre-join screen");
        guest.click(By.id("join-meeting"));
        guest.awaitConnected();
        String guestId = guest.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        guest.sendChat("Hello from Grace");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> host.chatTexts().contains("Hello from Grace"));
        assertNoBlockingViolations(host, "the meeting screen of the host");
        assertNoBlockingViolations(guest, "the meeting screen of a participant");

        String hostId = host.selfId();
        host.browser().driver().findElement(By.tagName("body")).sendKeys("m");
        await("M to turn the microphone off, for the others too").atMost(CallPage.UI_TIMEOUT)
            .until(() -> !host.microphoneOn() && "off".equals(guest.person(hostId).get("audio")));
        host.browser().driver().findElement(By.tagName("body")).sendKeys("v");
        await("V to turn the camera off, for the others too").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "off".equals(guest.person(hostId).get("video")));

        Dimension desktop = guest.browser().driver().manage().window().getSize();
        guest.browser().driver().manage().window().setSize(new Dimension(390, 844));
        try {
            await("the call to fit a phone's width").atMost(CallPage.UI_TIMEOUT).until(guest::fitsWidth);
            assertNoBlockingViolations(guest, "the meeting screen at a phone's size");
        }
        finally {
            guest.browser().driver().manage().window().setSize(desktop);
        }

        guest.click(By.id("leave-call"));
        guest.awaitScreen("left");
        assertNoBlockingViolations(guest, "the screen after leaving");

        guest.click(By.linkText("See the call quality"));
        await("the quality page to draw its charts").atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(guest::chartsDrawn);
        assertNoBlockingViolations(guest, "the quality page");

        host.click(By.id("end-meeting"));
        host.click(By.id("confirm-end"));
        host.awaitScreen("ended");
        assertNoBlockingViolations(host, "the screen of an ended meeting");
    }

    private static void assertNoBlockingViolations(CallPage page, String screen) {
        assertThat(Accessibility.blocking(page.browser()))
            .as("serious or critical accessibility violations on %s", screen)
            .isEmpty();
    }

}
