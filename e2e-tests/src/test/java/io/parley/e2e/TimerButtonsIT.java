package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The host's timer buttons are the presets meeting-service is configured with
 * ({@link Platform#TIMER_PRESETS}, not its default list), as {@code GET
 * /api/meetings/{id}} lists them: exactly those buttons, and one that the default list
 * lacks starts a countdown.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class TimerButtonsIT {

    TimerButtonsIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void theHostSeesExactlyTheConfiguredPresetsAndStartsOne(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        host.createMeeting("Ada");

        List<WebElement> buttons = host.browser()
            .driver()
            .findElements(By.cssSelector("#host-panel button.timer-preset"));
        assertThat(buttons).extracting(button -> button.getDomAttribute("data-preset"))
            .containsExactlyElementsOf(Platform.TIMER_PRESETS);
        assertThat(buttons).extracting(WebElement::getText).containsExactly("15 s", "20 s", "2 min");
        assertThat(buttons).extracting(button -> button.getDomAttribute("aria-label"))
            .containsExactly("Start a 15 s timer", "Start a 20 s timer", "Start a 2 min timer");

        host.click(By.cssSelector("button[data-preset='minutes_2']"));

        await("the host to see a two-minute countdown").atMost(CallPage.UI_TIMEOUT)
            .until(() -> host.timerText().matches("Timer (2:00|1:[0-5][0-9])"));
        host.browser().screenshot("timer-presets");
    }

}
