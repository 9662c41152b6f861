package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A participant whose browser may only use the TURN relay (the meeting's address with
 * {@code ?ice=relay}: every connection of the call {@code iceTransportPolicy: 'relay'},
 * as on a network that blocks direct UDP) still sees and is seen, through the stack's
 * coturn with the credentials of {@code welcome}: in a mesh, and through the SFU. What
 * proves the relay is the browser's own getStats: the selected candidate pair of every
 * connection of that page has a local candidate of type {@code relay}.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class RelayIT {

    private static final String RELAY_ONLY = "?ice=relay";

    /**
     * Joining, allocating a relay and the first decoded frames of two browsers on two
     * busy cores.
     */
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformApi api = new PlatformApi();

    RelayIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void aRelayOnlyParticipantOfAMeshCallSeesAndIsSeenThroughTheTurnRelay(Browsers browsers) {
        CallPage ada = recording(browsers, "ada");
        String meetingId = ada.createMeeting("Ada");
        CallPage grace = guest(recording(browsers, "grace"), meetingId + RELAY_ONLY, "Grace");

        assertThat(List.of(ada.mediaMode(), grace.mediaMode())).as("both pages' media").containsOnly("mesh");
        assertThat(grace.attribute(By.id("relay-status"), "data-relay")).as("Grace's call bar").isEqualTo("forced");
        assertThat(ada.attribute(By.id("relay-status"), "data-relay")).as("Ada's call bar").isEqualTo("off");
        CallPage.Received adaReceives = awaitDecoding(ada, grace.selfId());
        CallPage.Received graceReceives = awaitDecoding(grace, ada.selfId());

        CallPage.SelectedPair relayed = awaitSelectedPair(grace, graceReceives.connection());
        assertThat(relayed.local()).as("the local candidate Grace's connection to Ada uses").isEqualTo("relay");
        assertEveryConnectionRelays(grace);
        CallPage.SelectedPair direct = awaitSelectedPair(ada, adaReceives.connection());
        report("mesh", ada, adaReceives, direct, grace, graceReceives, relayed);
    }

    @Test
    void aRelayOnlyParticipantOnTheSfuSeesAndIsSeenThroughTheTurnRelay(Browsers browsers) {
        JsonNode meeting = api.createMeetingWithMedia("Ada", "sfu");
        String meetingId = meeting.path("meetingId").asString();
        CallPage ada = recording(browsers, "ada");
        JsonNode host = meeting.path("host");
        ada.storeCredentials(meetingId, host.path("participantId").asString(), host.path("token").asString(), "Ada",
                "host");
        ada.openLink(meetingId);
        await("Ada's call to connect").atMost(MEDIA_TIMEOUT).ignoreExceptions().until(ada::connected);
        CallPage grace = guest(recording(browsers, "grace"), meetingId + RELAY_ONLY, "Grace");

        assertThat(List.of(ada.mediaMode(), grace.mediaMode())).as("both pages' media").containsOnly("sfu");
        CallPage.Received graceReceives = awaitDecoding(grace, ada.selfId());
        CallPage.Received adaReceives = awaitDecoding(ada, grace.selfId());

        CallPage.SelectedPair relayed = awaitSelectedPair(grace, graceReceives.connection());
        assertThat(relayed.local()).as("the local candidate of Grace's subscription to Janus").isEqualTo("relay");
        assertEveryConnectionRelays(grace);
        CallPage.SelectedPair direct = awaitSelectedPair(ada, adaReceives.connection());
        report("sfu", ada, adaReceives, direct, grace, graceReceives, relayed);
        grace.browser().screenshot("relay-only-sfu");
    }

    @Test
    void aRelayOnlyParticipantIsToldWhenTheServerOffersNoTurnRelay(Browsers browsers) {
        JsonNode meeting = api.createMeetingWithMedia("Ada", "mesh");
        String meetingId = meeting.path("meetingId").asString();
        CallPage ada = new CallPage(browsers.open("ada"));
        withoutTurnServers(ada.browser());
        JsonNode host = meeting.path("host");
        ada.storeCredentials(meetingId, host.path("participantId").asString(), host.path("token").asString(), "Ada",
                "host");
        ada.openLink(meetingId + RELAY_ONLY);
        ada.awaitConnected();

        await("Ada's call bar to say that no relay can be had").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> "unavailable".equals(ada.attribute(By.id("relay-status"), "data-relay")));
        String notice = ada.browser().driver().findElement(By.id("relay-status")).getText();
        assertThat(notice).contains("no TURN relay").contains("cannot connect");
        ada.browser().screenshot("relay-unavailable");
    }

    private static CallPage recording(Browsers browsers, String name) {
        CallPage page = new CallPage(browsers.open(name));
        page.recordPeerConnections();
        return page;
    }

    /**
     * Opens the link and joins, patient with the pre-join screen and the connection (two
     * Chromium sending video on two busy cores).
     */
    private static CallPage guest(CallPage page, String link, String name) {
        page.openLink(link);
        await(name + "'s pre-join screen").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> page.browser().driver().findElement(By.id("join-meeting")).isEnabled());
        page.type(By.id("participant-name"), name);
        page.click(By.id("join-meeting"));
        await(name + "'s call to connect").atMost(MEDIA_TIMEOUT).ignoreExceptions().until(page::connected);
        return page;
    }

    /**
     * The participant's video frames decoded here keep growing on one connection; returns
     * what was received once they grew.
     */
    private static CallPage.Received awaitDecoding(CallPage page, String participantId) {
        String what = page.browser().name() + " to decode the video of " + participantId;
        await(what).atMost(MEDIA_TIMEOUT).ignoreExceptions().until(() -> {
            CallPage.Received received = page.received(participantId);
            return received != null && received.framesDecoded() > 0;
        });
        CallPage.Received before = page.received(participantId);
        await(what + " on").atMost(CallPage.UI_TIMEOUT).ignoreExceptions().until(() -> {
            CallPage.Received now = page.received(participantId);
            return now.connection() == before.connection() && now.framesDecoded() > before.framesDecoded();
        });
        return page.received(participantId);
    }

    private static CallPage.SelectedPair awaitSelectedPair(CallPage page, int connection) {
        return await(page.browser().name() + "'s selected candidate pair on connection " + connection)
            .atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> page.selectedPairs()
                .stream()
                .filter(pair -> pair.connection() == connection)
                .findFirst()
                .orElse(null), pair -> pair != null);
    }

    /** Every connection of the page that is connected, the publishing one included. */
    private static void assertEveryConnectionRelays(CallPage page) {
        List<CallPage.SelectedPair> connected = page.selectedPairs()
            .stream()
            .filter(pair -> "connected".equals(pair.connectionState()))
            .toList();
        assertThat(connected).as(page.browser().name() + "'s connected connections").isNotEmpty();
        assertThat(connected).as(page.browser().name() + "'s connected connections")
            .allSatisfy(pair -> assertThat(pair.local()).isEqualTo("relay"));
    }

    /**
     * From now on every page of the browser gets its {@code welcome} without ICE servers,
     * as from a deployment that configures no TURN.
     */
    private static void withoutTurnServers(Browser browser) {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const NativeSocket = window.WebSocket;
                window.WebSocket = class extends NativeSocket {
                  get onmessage() {
                    return super.onmessage;
                  }
                  set onmessage(handler) {
                    super.onmessage = (event) => {
                      let message = null;
                      try {
                        message = JSON.parse(event.data);
                      } catch {
                        // not JSON: passed on as it came
                      }
                      if (message?.type !== 'welcome') {
                        return handler(event);
                      }
                      return handler(new MessageEvent('message',
                          {data: JSON.stringify({...message, iceServers: []})}));
                    };
                  }
                };"""));
    }

    private static void report(String mode, CallPage normal, CallPage.Received normalReceives,
            CallPage.SelectedPair normalPair, CallPage relayOnly, CallPage.Received relayOnlyReceives,
            CallPage.SelectedPair relayOnlyPair) {
        System.out.printf(
                "[e2e] RelayIT %s: %s (relay-only) decoded %d frames, local %s / remote %s; "
                        + "%s decoded %d frames, local %s / remote %s%n",
                mode, relayOnly.browser().name(), relayOnlyReceives.framesDecoded(), relayOnlyPair.local(),
                relayOnlyPair.remote(), normal.browser().name(), normalReceives.framesDecoded(), normalPair.local(),
                normalPair.remote());
    }

}
