package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Raised hands through the gateway: the host sees them in the order they went up, on the
 * tiles and in the people list, and lowers them; the guest's button follows.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class HandsIT {

    private static final By HAND_BUTTON = By.id("raise-hand");

    /** The platform parameter starts it (or attaches to the run's). */
    @Test
    void theHostSeesRaisedHandsInOrderAndLowersThem(Platform platform, Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        CallPage grace = new CallPage(browsers.open("grace"));
        CallPage linus = new CallPage(browsers.open("linus"));
        String meetingId = host.createMeeting("Ada");
        grace.join(meetingId, "Grace");
        linus.join(meetingId, "Linus");
        grace.awaitConnected();
        linus.awaitConnected();
        String graceId = grace.selfId();
        String linusId = linus.selfId();

        assertThat(grace.attribute(HAND_BUTTON, "aria-pressed")).isEqualTo("false");
        linus.click(HAND_BUTTON);
        await("linus's hand to show on the host's screen").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.raisedHands().equals(List.of(linusId)));
        grace.click(HAND_BUTTON);
        await("grace's hand to join the line after linus's").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.raisedHands().equals(List.of(linusId, graceId)));
        await("grace's button to say her hand is up").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "true".equals(grace.attribute(HAND_BUTTON, "aria-pressed")));
        assertThat(grace.browser().driver().findElement(HAND_BUTTON).getText()).isEqualTo("Lower hand");
        assertThat(grace.raisedHands()).as("everyone sees the same line").containsExactly(linusId, graceId);
        await("the host's tiles and people list to show both hands").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.handShown(graceId) && host.handShown(linusId));
        assertThat(grace.browser().driver().findElements(By.cssSelector("#raised-hands .lower-hand")))
            .as("only a host lowers other people's hands")
            .isEmpty();
        host.browser().screenshot("raised-hands");

        host.click(By.cssSelector("#raised-hands li[data-participant-id='" + graceId + "'] .lower-hand"));
        await("grace's button to be back to Raise hand").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "false".equals(grace.attribute(HAND_BUTTON, "aria-pressed")));
        assertThat(grace.browser().driver().findElement(HAND_BUTTON).getText()).isEqualTo("Raise hand");
        await("the host's line to hold linus alone").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.raisedHands().equals(List.of(linusId)) && !host.handShown(graceId));

        linus.click(HAND_BUTTON);
        await("linus to lower his own hand").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.raisedHands().isEmpty() && linus.raisedHands().isEmpty());
    }

}
