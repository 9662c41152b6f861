package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.parley.e2e.Platform.SignalingInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Two signaling instances behind the gateway: the two browsers of a call on different
 * instances still reach each other (relayed through Redis), and when one instance dies
 * the browser it held reconnects through the gateway to the other and the call goes on.
 * Runs last (junit-platform.properties orders classes): it leaves the platform with one
 * signaling instance.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class FailoverIT {

    private final PlatformApi api = new PlatformApi();

    private final Platform platform;

    FailoverIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    @Order(1)
    void browsersOnDifferentInstancesKeepTheirCallWhenOneInstanceDies(Browsers browsers) {
        List<SignalingInstance> instances = platform.signalingInstances();
        assertThat(instances).hasSize(2);

        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        SignalingInstance hostInstance = awaitInstanceWithSessions(instances, 1);
        SignalingInstance otherInstance = instances.stream()
            .filter(instance -> !instance.equals(hostInstance))
            .findFirst()
            .orElseThrow();

        CallPage guest = new CallPage(browsers.open("guest"));
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        // the gateway balances round robin; should the guest land next to the host, its
        // reload goes elsewhere
        for (int reload = 0; reload < 4 && !holdsOneSession(otherInstance); reload++) {
            awaitTotalSessions(instances, 2);
            if (!holdsOneSession(otherInstance)) {
                guest.browser().driver().navigate().refresh();
                guest.awaitConnected();
            }
        }
        await("one socket on each instance").atMost(CallPage.UI_TIMEOUT)
            .until(() -> holdsOneSession(hostInstance) && holdsOneSession(otherInstance));
        String hostId = host.selfId();
        String guestId = guest.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.JOIN_TIMEOUT);

        int guestWelcomes = guest.welcomes();

        platform.kill(hostInstance);

        await("the host's page to reconnect").atMost(Duration.ofSeconds(60))
            .until(() -> host.welcomes() >= 2 && host.connected());
        await("both sockets on the surviving instance").atMost(CallPage.UI_TIMEOUT)
            .until(() -> api.signalingSessions(otherInstance.port()) == 2);
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        guest.awaitVideoPlaying(hostId, CallPage.JOIN_TIMEOUT);
        host.sendChat("still here after the failover");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> guest.chatTexts().contains("still here after the failover"));
        guest.sendChat("me too");
        await().atMost(CallPage.UI_TIMEOUT).until(() -> host.chatTexts().contains("me too"));
        assertThat(guest.welcomes()).as("the guest's socket was never interrupted").isEqualTo(guestWelcomes);
        host.browser().screenshot("after-failover");
    }

    /**
     * Last of all, since it leaves the platform without signaling: the reconnects give up
     * and say so.
     */
    @Test
    @Order(2)
    void whenNoSignalingInstanceIsLeftTheCallEndsOnConnectionLost(Browsers browsers) {
        CallPage page = new CallPage(browsers.open("host"));
        page.createMeeting("Ada");

        platform.signalingInstances()
            .stream()
            .filter(instance -> ProcessHandle.of(instance.pid()).isPresent())
            .forEach(platform::kill);

        await("the reconnecting state").atMost(CallPage.UI_TIMEOUT)
            .until(() -> "reconnecting".equals(page.attribute(By.id("connection-status"), "data-state")));
        await("the connection-lost screen after the last attempt").atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> "connection-lost".equals(page.screen()));
        assertThat(page.browser().driver().findElement(By.id("screen-retry")).isDisplayed()).isTrue();
        page.browser().screenshot("connection-lost");
    }

    private SignalingInstance awaitInstanceWithSessions(List<SignalingInstance> instances, int sessions) {
        return await("an instance with " + sessions + " socket(s)").atMost(CallPage.UI_TIMEOUT)
            .until(() -> instances.stream()
                .filter(instance -> api.signalingSessions(instance.port()) == sessions)
                .findFirst()
                .orElse(null), instance -> instance != null);
    }

    private void awaitTotalSessions(List<SignalingInstance> instances, int total) {
        await(total + " sockets in all").atMost(CallPage.UI_TIMEOUT)
            .until(() -> instances.stream()
                .mapToInt(instance -> api.signalingSessions(instance.port()))
                .sum() == total);
    }

    private boolean holdsOneSession(SignalingInstance instance) {
        return api.signalingSessions(instance.port()) == 1;
    }

}
