package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People with accounts, in headless Chromium through the gateway: sign up, out and in; a
 * signed-in host starts a meeting and a second account joins it, each under their own
 * name and identity; a guest is turned away from a meeting for an organization.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class PeopleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    /** The claims of the join token this tab holds for the meeting on display. */
    private static JsonNode joinClaims(CallPage page) {
        String token = page.credentials().path("token").asString();
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void signedInPeopleMeetUnderTheirAccounts(Platform platform, Browsers browsers) {
        Browser adaBrowser = browsers.open("ada");
        AccountPage ada = new AccountPage(adaBrowser);
        String adaEmail = email("ada");
        ada.signUp(adaEmail, "Ada Lovelace", "analytical engine");
        ada.signOut();
        ada.signIn(adaEmail, "analytical engine", "Ada Lovelace");

        CallPage host = new CallPage(adaBrowser);
        String meetingId = host.createMeeting("Typed Over");
        JsonNode hostClaims = joinClaims(host);
        assertThat(hostClaims.path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(hostClaims.path("sub").asString()).doesNotStartWith("guest:");

        Browser graceBrowser = browsers.open("grace");
        new AccountPage(graceBrowser).signUp(email("grace"), "Grace Hopper", "compile the world");
        CallPage guest = new CallPage(graceBrowser);
        guest.join(meetingId, "Typed Over");
        guest.awaitConnected();
        JsonNode guestClaims = joinClaims(guest);
        assertThat(guestClaims.path("name").asString()).isEqualTo("Grace Hopper");
        assertThat(guestClaims.path("sub").asString()).doesNotStartWith("guest:")
            .isNotEqualTo(hostClaims.path("sub").asString());

        await("the host to see Grace Hopper by her account's name").atMost(CallPage.JOIN_TIMEOUT)
            .ignoreExceptions()
            .until(() -> adaBrowser.driver().getPageSource().contains("Grace Hopper"));
        adaBrowser.screenshot("signed-in-call");
    }

    @Test
    void aGuestIsTurnedAwayFromAnOrganizationsMeeting(Platform platform, Browsers browsers) {
        PeopleApi owner = new PeopleApi();
        owner.signUp(email("owner"), "Org Owner", "owns the org here");
        String orgId = owner.post("/api/orgs", JSON.createObjectNode().put("name", "Acme"), 201)
            .path("orgId")
            .asString();
        owner.refresh();
        String meetingId = owner
            .post("/api/meetings",
                    JSON.createObjectNode().put("hostName", "Org Owner").put("access", "org").put("orgId", orgId), 201)
            .path("meetingId")
            .asString();

        CallPage guest = new CallPage(browsers.open("guest"));
        guest.join(meetingId, "Curious Guest");

        await("the guest to be asked to sign in").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "sign-in-required".equals(guest.screen()));
        assertThat(guest.browser().driver().findElements(By.id("screen-signin"))).isNotEmpty();
        guest.browser().screenshot("org-meeting-guest-refused");
    }

}
