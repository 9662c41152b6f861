package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * Chromium's ICE gives up on a candidate pair whose checks go unanswered for about 15
     * s (about 17 s were seen from a stall's start to {@code failed}), on consent
     * freshness after 30 s at the latest.
     */
    private static final Duration ICE_FAILURE_NOTICED = Duration.ofSeconds(60);

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
        host.recordPeerConnections();
        guest.recordPeerConnections();
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
        guestNetwork.offline(true);
        try {
            await("the guest's call bar to notice that signaling is gone").atMost(SILENCE_NOTICED)
                .until(() -> "reconnecting".equals(statusState(guest)));
            // peer to peer, the media does not need signaling once it flows
            guest.awaitVideoPlaying(hostId, CallPage.UI_TIMEOUT);
            host.awaitVideoPlaying(guestId, CallPage.UI_TIMEOUT);
        }
        finally {
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

        // the silent socket the guest gave up on closes only after the new one was
        // welcomed, so nobody saw the guest leave and come back
        assertThat(hostLog.since(hostSince, StateLog.tile(guestId))).as("the host's tile of the guest").isEmpty();
        assertThat(guestLog.since(guestSince, StateLog.tile(hostId))).as("the guest's tile of the host").isEmpty();
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

    @Test
    void whenTheMediaPathFailsTheTileSaysIceRestartsAndThePictureComesBackWithoutAReload() {
        long hostSince = hostLog.now();
        long guestSince = guestLog.now();
        // a stall long enough for ICE to give up, which a brief one is not; both sides
        // usually give up together, but either may be first (DevTools still answers
        // while the guest's network service is paused)
        try (BrowserNetwork.Stall stall = guestNetwork.stall()) {
            await("a connection between host and guest to fail and restart ICE").atMost(ICE_FAILURE_NOTICED)
                .until(() -> !iceRestarts(hostLog, hostSince, guestId).isEmpty()
                        || !iceRestarts(guestLog, guestSince, hostId).isEmpty());
        }
        for (CallPage page : List.of(host, guest)) {
            String other = page == host ? guestId : hostId;
            await(page.browser().name() + "'s tile of the other to recover").atMost(CallPage.JOIN_TIMEOUT).until(() -> {
                CallPage.TileState tile = page.tileState(other);
                return "connected".equals(tile.mediaState()) && tile.mediaText().isEmpty();
            });
        }
        host.awaitVideoPlaying(guestId, CallPage.UI_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.UI_TIMEOUT);

        List<Change> hostSawGuest = hostLog.since(hostSince, StateLog.tile(guestId));
        List<Change> guestSawHost = guestLog.since(guestSince, StateLog.tile(hostId));
        List<Change> restarts = new ArrayList<>(iceRestarts(hostLog, hostSince, guestId));
        restarts.addAll(iceRestarts(guestLog, guestSince, hostId));
        assertThat(restarts).as("host saw %s, guest saw %s", hostSawGuest, guestSawHost)
            .isNotEmpty()
            .allSatisfy(change -> {
                assertThat(change.text()).isEqualTo("Connection failed, restarting ICE…");
                assertThat(change.connection()).isEqualTo("failed");
            });
        assertThat(hostSawGuest).as("the host's tile of the guest").extracting(Change::state).doesNotContain("absent");
        assertThat(guestSawHost).as("the guest's tile of the host").extracting(Change::state).doesNotContain("absent");
        assertThat(hostLog.sameDocument()).as("the host's page was not reloaded").isTrue();
        assertThat(guestLog.sameDocument()).as("the guest's page was not reloaded").isTrue();
    }

    /** The ICE restarts a page's tile of another participant showed since a moment. */
    private static List<Change> iceRestarts(StateLog log, long since, String participantId) {
        return log.since(since, StateLog.tile(participantId))
            .stream()
            .filter(change -> change.state().equals("ice-restart"))
            .toList();
    }

    private static String statusState(CallPage page) {
        return page.attribute(By.id("connection-status"), "data-state");
    }

}
