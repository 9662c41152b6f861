package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A screen share through the gateway between two Chromium (its fake screen capture, a
 * pattern of 800×600, stands in for the chosen screen): the other side sees it as the
 * large tile, beside the sharer's camera, until the share ends — by the sharer's own
 * button, by the browser's "Stop sharing" (the track ends) or by the host.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class ScreenShareIT {

    private static final Duration SHARE_TIMEOUT = Duration.ofSeconds(30);

    ScreenShareIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void aShareIsTheLargeTileForTheOthersUntilItStops(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        CallPage guest = new CallPage(browsers.open("guest"));
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        String guestId = guest.selfId();
        String hostId = host.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);

        guest.click(By.id("share-screen"));
        await("the host to see the guest's screen as a large tile, playing").atMost(SHARE_TIMEOUT)
            .ignoreExceptions()
            .until(() -> screenPlaying(host, guestId));
        assertThat(host.video(guestId).width()).as("the guest's camera stays in its own tile")
            .isNotEqualTo(screenWidth(host, guestId));
        host.browser().screenshot("screen-share");

        guest.click(By.id("share-screen"));
        await("the share to end for the host when the guest stops it").atMost(SHARE_TIMEOUT)
            .until(() -> !sharing(host, guestId));

        guest.click(By.id("share-screen"));
        await().atMost(SHARE_TIMEOUT).ignoreExceptions().until(() -> screenPlaying(host, guestId));
        // what the browser's own "Stop sharing" does: the captured track ends
        guest.browser()
            .js("document.querySelector('#screen-stage video').srcObject.getVideoTracks()[0].stop();"
                    + "document.querySelector('#screen-stage video').srcObject.getVideoTracks()[0]"
                    + ".dispatchEvent(new Event('ended'));");
        await("the share to end when the browser stops the capture").atMost(SHARE_TIMEOUT)
            .until(() -> !sharing(host, guestId) && !sharing(guest, guestId));

        guest.click(By.id("share-screen"));
        await().atMost(SHARE_TIMEOUT).ignoreExceptions().until(() -> screenPlaying(host, guestId));
        host.click(By.cssSelector("#screen-stage .screen-tile[data-participant-id='" + guestId + "'] .stop-share"));
        await("the host to stop the guest's share").atMost(SHARE_TIMEOUT)
            .until(() -> !sharing(guest, guestId) && !sharing(host, guestId));
        assertThat(guest.toasts()).contains("The host stopped your screen share.");
        assertThat(sharing(guest, hostId)).isFalse();
    }

    private static boolean sharing(CallPage page, String participantId) {
        return Boolean.TRUE.equals(page.browser()
            .js("return Boolean(document.querySelector(`#screen-stage .screen-tile[data-participant-id=\"${arguments[0]}\"]`));",
                    participantId));
    }

    private static boolean screenPlaying(CallPage page, String participantId) {
        return Boolean.TRUE.equals(page.browser()
            .js("""
                    const video = document.querySelector(`#screen-stage .screen-tile[data-participant-id="${arguments[0]}"] video`);
                    return Boolean(video && !video.paused && video.videoWidth > 0
                        && (video.getVideoPlaybackQuality?.().totalVideoFrames ?? 1) > 0);""",
                    participantId));
    }

    private static long screenWidth(CallPage page, String participantId) {
        return ((Number) page.browser()
            .js("""
                    const video = document.querySelector(`#screen-stage .screen-tile[data-participant-id="${arguments[0]}"] video`);
                    return video ? video.videoWidth : 0;""",
                    participantId))
            .longValue();
    }

}
