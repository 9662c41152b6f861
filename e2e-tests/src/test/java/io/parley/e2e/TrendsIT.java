package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organization's call quality per day as its owner sees it: samples of one of its
 * meetings, sent as browsers send them (beacons with the participant's join token,
 * through the gateway, Kafka and into the collector's PostgreSQL history), are today's
 * row of the trends page, with charts; a range without calls says so.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class TrendsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformApi api = new PlatformApi();

    TrendsIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void theOwnerSeesTheOrganizationsQualityPerDay(Browsers browsers) {
        String email = "owner-" + UUID.randomUUID() + "@example.org";
        PeopleApi owner = new PeopleApi();
        owner.signUp(email, "Org Owner", "owns the org here");
        String orgId = owner.post("/api/orgs", JSON.createObjectNode().put("name", "Acme"), 201)
            .path("orgId")
            .asString();
        owner.refresh();
        JsonNode meeting = owner.post("/api/meetings",
                JSON.createObjectNode().put("hostName", "Org Owner").put("access", "org").put("orgId", orgId), 201);
        String meetingId = meeting.path("meetingId").asString();
        String participantId = meeting.path("host").path("participantId").asString();
        String token = meeting.path("host").path("token").asString();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            assertThat(api.beacon(beacon(meetingId, participantId, now - (2 - i) * 5000L, 40 + i * 10), token).status())
                .isEqualTo(204);
        }

        Browser browser = browsers.open("owner");
        new AccountPage(browser).signIn(email, "owns the org here", "Org Owner");
        browser.get("/orgs/" + orgId);
        CallPage page = new CallPage(browser);
        page.click(By.id("org-quality-link"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await("today's row with the meeting").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            if (!browser.driver().findElements(By.id("trends-empty")).isEmpty()) {
                browser.driver().navigate().refresh();
                return false;
            }
            return "1".equals(browser.driver()
                .findElement(By.cssSelector("#trends-days tr[data-day='" + today + "'] td.meetings"))
                .getText());
        });
        await("the charts to be drawn").atMost(CallPage.UI_TIMEOUT).until(page::chartsDrawn);
        assertThat(Accessibility.blocking(browser)).as("accessibility of the trends page").isEmpty();
        browser.screenshot("org-quality-trends");

        // a date field's typing depends on the locale; its value does not
        browser.js("document.getElementById('trends-from').value = arguments[0];"
                + "document.getElementById('trends-to').value = arguments[1];", "2025-01-01", "2025-01-31");
        page.click(By.cssSelector("#trends-range button[type='submit']"));
        await("a month without calls to say so").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> browser.driver().findElement(By.id("trends-empty")).isDisplayed());
    }

    private static ObjectNode beacon(String meetingId, String participantId, long timestamp, double rttMs) {
        ObjectNode beacon = JSON.createObjectNode()
            .put("meetingId", meetingId)
            .put("participantId", participantId)
            .put("sessionId", "trends-it")
            .put("timestamp", timestamp);
        ObjectNode stats = beacon.putObject("stats").put("rttMs", rttMs).put("jitterMs", 2.0);
        stats.putObject("packetLossPct").put("send", 0.5).put("recv", 1.0);
        ObjectNode bitrate = stats.putObject("bitrateBps");
        bitrate.putObject("send").put("audio", 32000).put("video", 700000);
        bitrate.putObject("recv").put("audio", 30000).put("video", 900000).put("total", 930000);
        return beacon;
    }

}
