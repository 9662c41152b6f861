package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.parley.e2e.StateLog.Change;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What a call says while its connections are in trouble, and that it recovers in the same
 * page. The host and the guest share one call; in each test the guest's network fails in
 * one way ({@link BrowserNetwork}) and the pages' own logs ({@link StateLog}) show what
 * each person saw, change by change.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class ReconnectingIT {

    /**
     * A socket that went silent is noticed by its next unanswered ping: a ping every 15
     * s, 10 s for its pong (js/signaling.js).
     */
    private static final Duration SILENCE_NOTICED = Duration.ofSeconds(40);

    private static CallPage host;

    private static CallPage guest;

    private static String hostId;

    private static String guestId;

    private static StateLog hostLog;

    private static StateLog guestLog;

    private static BrowserNetwork guestNetwork;

    @BeforeAll
    static void startCall(Platform platform, Browsers browsers) {
        host = new CallPage(browsers.open("host"));
        guest = new CallPage(browsers.open("guest"));
        String meetingId = host.createMeeting("Ada");
        guest.openPrejoin(meetingId, "Grace");
        guestNetwork = BrowserNetwork.attach(guest.browser());
        guest.click(By.id("join-meeting"));
        guest.awaitConnected();
        hostId = host.selfId();
        guestId = guest.selfId();
        hostLog = StateLog.start(host.browser());
        guestLog = StateLog.start(guest.browser());
    }

    /** Each test starts from a call that is fine on both sides. */
    @BeforeEach
    void awaitSteadyCall() {
        for (CallPage page : List.of(host, guest)) {
            String other = page == host ? guestId : hostId;
            page.awaitConnected();
            await(page.browser().name() + "'s tile of the other to be connected").atMost(CallPage.JOIN_TIMEOUT)
                .until(() -> "connected".equals(page.tileState(other).mediaState()));
            page.awaitVideoPlaying(other, CallPage.JOIN_TIMEOUT);
        }
    }

    @Test
    void whenSignalingGoesSilentTheCallBarSaysReconnectingWhileMediaGoesOnAndConnectsAgainWithoutAReload() {
        long guestSince = guestLog.now();
        long hostSince = hostLog.now();
        int welcomes = guest.welcomes();
        long backOnline;
        guestNetwork.offline(true);
        try {
            await("the guest's call bar to notice that signaling is gone").atMost(SILENCE_NOTICED)
                .until(() -> "reconnecting".equals(statusState(guest)));
            // peer to peer, the media does not need signaling once it flows
            guest.awaitVideoPlaying(hostId, CallPage.UI_TIMEOUT);
            host.awaitVideoPlaying(guestId, CallPage.UI_TIMEOUT);
        }
        finally {
            backOnline = hostLog.now();
            guestNetwork.offline(false);
        }
        await("the guest's call to be welcomed again").atMost(CallPage.UI_TIMEOUT)
            .until(() -> guest.connected() && guest.welcomes() > welcomes);

        List<Change> status = guestLog.since(guestSince, StateLog.STATUS);
        assertThat(status).as("the guest's call bar: %s", status)
            .extracting(Change::state)
            .containsSubsequence("reconnecting", "connected")
            .doesNotContain("lost");
        assertThat(status.get(0).state()).isEqualTo("reconnecting");
        assertThat(status).filteredOn(change -> change.state().equals("reconnecting"))
            .extracting(Change::text)
            .allMatch(text -> text.startsWith("Reconnecting"));
        assertThat(status.get(status.size() - 1).text()).isEqualTo("Connected");
        assertThat(guestLog.sameDocument()).as("the guest's page was not reloaded").isTrue();
        assertThat(hostLog.since(hostSince, StateLog.STATUS)).as("the host's own socket was not touched").isEmpty();

        // Only while signaling was away: once back, the silent socket the guest gave up
        // on
        // may close on the server before the new one is in, which signaling takes for
        // leaving, so the host can see the guest leave and join again.
        List<Change> hostSawGuest = hostLog.since(hostSince, StateLog.tile(guestId));
        assertThat(hostSawGuest).as("the host's tile of the guest: %s", hostSawGuest)
            .filteredOn(change -> change.at() < backOnline)
            .isEmpty();
        List<Change> guestSawHost = guestLog.since(guestSince, StateLog.tile(hostId));
        assertThat(guestSawHost).as("the guest's tile of the host: %s", guestSawHost)
            .filteredOn(change -> change.at() < backOnline)
            .isEmpty();
        await("the host's tile of the guest to be connected").atMost(CallPage.JOIN_TIMEOUT)
            .until(() -> "connected".equals(host.tileState(guestId).mediaState()));
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.JOIN_TIMEOUT);
    }

    @Test
    void whenTheNetworkStallsTheTileSaysMediaIsReconnectingAndThePictureComesBack() {
        long hostSince = hostLog.now();
        try (BrowserNetwork.Stall stall = guestNetwork.stall()) {
            await("the host's tile of the guest to say that media is interrupted").atMost(CallPage.UI_TIMEOUT)
                .until(() -> !"connected".equals(host.tileState(guestId).mediaState()));
        }
        await("the host's tile of the guest to recover").atMost(CallPage.JOIN_TIMEOUT).until(() -> {
            CallPage.TileState tile = host.tileState(guestId);
            return "connected".equals(tile.mediaState()) && tile.mediaText().isEmpty();
        });
        host.awaitVideoPlaying(guestId, CallPage.UI_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.UI_TIMEOUT);

        List<Change> tile = hostLog.since(hostSince, StateLog.tile(guestId));
        assertThat(tile).as("the host's tile of the guest: %s", tile)
            .extracting(Change::state)
            .containsSubsequence("reconnecting", "connected")
            .doesNotContain("absent");
        assertThat(tile).filteredOn(change -> change.state().equals("reconnecting"))
            .first()
            .extracting(Change::text)
            .isEqualTo("Media interrupted, reconnecting…");
        assertThat(hostLog.sameDocument()).as("the host's page was not reloaded").isTrue();
        assertThat(guestLog.sameDocument()).as("the guest's page was not reloaded").isTrue();
    }

    private static String statusState(CallPage page) {
        return page.attribute(By.id("connection-status"), "data-state");
    }

}
