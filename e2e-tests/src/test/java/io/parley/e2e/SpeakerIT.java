package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the tiles of a call tell: who speaks, whose microphone is off, how good each
 * connection is. Chromium's fake microphone beeps, so whoever has it on is heard as
 * speaking.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class SpeakerIT {

    /** The platform parameter starts it (or attaches to the run's). */
    @Test
    void theOnlyOneWithSoundIsTheActiveSpeakerAndEveryRemoteTileRatesItsConnection(Platform platform,
            Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        CallPage guest = new CallPage(browsers.open("guest"));
        String meetingId = host.createMeeting("Ada");
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        String hostId = host.selfId();
        String guestId = guest.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.JOIN_TIMEOUT);

        host.click(By.id("toggle-mic"));
        await("the guest to see the host's microphone off").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "off".equals(guest.tileState(hostId).mic()));

        await("the host to see the guest speaking").atMost(CallPage.UI_TIMEOUT).until(() -> {
            CallPage.TileState tile = host.tileState(guestId);
            return tile.speaking() && tile.activeSpeaker();
        });
        assertThat(host.tileState(guestId).mic()).isEqualTo("on");
        assertThat(host.tileState(hostId).mic()).isEqualTo("off");
        await("the guest to hear the muted host go quiet").atMost(CallPage.UI_TIMEOUT)
            .until(() -> !guest.tileState(hostId).speaking());

        for (CallPage page : new CallPage[] { host, guest }) {
            String other = page == host ? guestId : hostId;
            await(page.browser().name() + " to rate the connection").atMost(CallPage.UI_TIMEOUT)
                .until(() -> page.tileState(other).quality().matches("good|fair|poor"));
            CallPage.TileState tile = page.tileState(other);
            assertThat(tile.qualityReason()).contains("round trip").contains("ms");
            assertThat(tile.mediaState()).isEqualTo("connected");
            assertThat(page.tileState(page.selfId()).quality()).as("no rating of oneself").isEmpty();
        }
        WebElement badge = host.browser()
            .driver()
            .findElement(By.cssSelector(".tile[data-participant-id='" + guestId + "'] .tile-quality"));
        WebElement reason = badge.findElement(By.cssSelector(".tile-quality-reason"));
        assertThat(reason.isDisplayed()).as("the reason hides until asked for").isFalse();
        host.browser().js("arguments[0].focus()", badge);
        assertThat(reason.isDisplayed()).as("focus shows the reason").isTrue();
        host.browser().screenshot("speaker-and-quality");
    }

}
