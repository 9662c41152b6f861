package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The pre-join screen (preview, level meter, devices, joining muted or with the camera
 * off, remembered choices) and switching devices during a call, in Chromiums with three
 * fake cameras, microphones and speakers. Of the cameras, the second is a depth camera
 * WebRTC does not send, so a switch in a call goes from the first to the third.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class PrejoinIT {

    private final PlatformApi api = new PlatformApi();

    PrejoinIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void thePreJoinScreenPreviewsTheCameraAndShowsTheMicrophoneLevelMoving(Browsers browsers) {
        CallPage page = new CallPage(browsers.open("guest"));
        page.openPrejoin(newMeeting(), "Grace");

        await("the camera preview to play").atMost(CallPage.JOIN_TIMEOUT).until(() -> previewPlaying(page));
        TreeSet<Double> levels = new TreeSet<>();
        await("the level meter to move with the fake microphone's beeps").atMost(CallPage.UI_TIMEOUT).until(() -> {
            levels.add(page.microphoneLevel());
            return levels.size() >= 3 && levels.last() > 0.05;
        });
        assertThat(options(page, "prejoin-camera")).as("every fake camera to choose from").hasSize(3);
        assertThat(options(page, "prejoin-mic")).hasSizeGreaterThanOrEqualTo(2);

        page.browser().screenshot("prejoin");
        writeDocsImage(page, "prejoin.png");
    }

    @Test
    void joiningWithTheCameraOffShowsTheTileAsCameraOffOnTheOtherSide(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        CallPage guest = new CallPage(browsers.open("guest"));
        guest.openPrejoin(meetingId, "Grace");
        await("the preview").atMost(CallPage.JOIN_TIMEOUT).until(() -> previewPlaying(guest));

        guest.click(By.id("prejoin-camera-on"));
        guest.click(By.id("join-meeting"));
        guest.awaitConnected();

        String guestId = guest.selfId();
        await("the host to see the guest's camera off").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> "off".equals(host.tileVideo(guestId)) && "off".equals(host.person(guestId).get("video")));
        assertThat(host.person(guestId).get("audio")).isEqualTo("on");
        assertThat(guest.attribute(By.id("toggle-camera"), "aria-pressed")).isEqualTo("false");
    }

    @Test
    void theHostWhoStartsAMeetingChoosesCameraAndMicrophoneFirstUnderTheNameTheyGave(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        host.openHostPrejoin("Ada", null);
        await("the host's camera preview").atMost(CallPage.JOIN_TIMEOUT).until(() -> previewPlaying(host));
        WebElement name = host.browser().driver().findElement(By.id("participant-name"));
        assertThat(name.getDomProperty("value")).isEqualTo("Ada");
        assertThat(name.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(host.browser().driver().findElement(By.id("participant-name-hint")).getText())
            .isEqualTo("You host this meeting.");

        host.click(By.id("prejoin-mic-on"));
        host.click(By.id("join-meeting"));
        host.awaitConnected();

        assertThat(host.microphoneOn()).as("joined muted, as chosen").isFalse();
        assertThat(host.credentials().path("role").asString()).isEqualTo("host");
        assertThat(host.credentials().has("prejoin")).as("a reload goes straight back in").isFalse();
    }

    @Test
    void theChoicesAreRememberedAfterAReload(Browsers browsers) {
        CallPage page = new CallPage(browsers.open("returning"));
        String meetingId = newMeeting();
        page.openPrejoin(meetingId, "Grace");
        await("the device lists").atMost(CallPage.JOIN_TIMEOUT)
            .until(() -> options(page, "prejoin-camera").size() == 3);

        String camera = options(page, "prejoin-camera").get(2);
        String microphone = options(page, "prejoin-mic").get(2);
        select(page, "prejoin-camera").selectByValue(camera);
        select(page, "prejoin-mic").selectByValue(microphone);
        page.click(By.id("prejoin-mic-on"));
        await("the preview to use the chosen devices").atMost(CallPage.UI_TIMEOUT)
            .until(() -> camera.equals(page.ownDeviceId("video")) && microphone.equals(page.ownDeviceId("audio")));
        select(page, "prejoin-quality").selectByValue("low");
        await("the preview to show the data saver's 180p").atMost(CallPage.UI_TIMEOUT)
            .until(() -> previewWidth(page) == 320);

        page.browser().driver().navigate().refresh();

        await("the remembered devices in the preview").atMost(CallPage.JOIN_TIMEOUT)
            .ignoreExceptions()
            .until(() -> camera.equals(page.ownDeviceId("video")) && microphone.equals(page.ownDeviceId("audio"))
                    && camera.equals(select(page, "prejoin-camera").getFirstSelectedOption().getDomAttribute("value"))
                    && previewWidth(page) == 320);
        assertThat(select(page, "prejoin-quality").getFirstSelectedOption().getDomAttribute("value")).isEqualTo("low");
        assertThat(page.browser().driver().findElement(By.id("prejoin-mic-on")).isSelected()).isFalse();
        assertThat(page.browser().driver().findElement(By.id("prejoin-camera-on")).isSelected()).isTrue();

        page.type(By.id("participant-name"), "Grace");
        page.click(By.id("join-meeting"));
        page.awaitConnected();
        assertThat(page.microphoneOn()).as("joined muted").isFalse();
        assertThat(page.ownDeviceId("video")).isEqualTo(camera);
    }

    @Test
    void switchingTheCameraDuringACallKeepsTheOtherSideReceivingFrames(Browsers browsers) {
        CallPage host = new CallPage(browsers.open("host"));
        String meetingId = host.createMeeting("Ada");
        CallPage guest = new CallPage(browsers.open("guest"));
        guest.join(meetingId, "Grace");
        guest.awaitConnected();
        String guestId = guest.selfId();
        host.awaitVideoPlaying(guestId, CallPage.JOIN_TIMEOUT);
        String receivedTrack = receivedVideoTrack(host, guestId);
        String first = guest.ownDeviceId("video");

        guest.click(By.id("device-menu-toggle"));
        await("the cameras in the device menu").atMost(CallPage.UI_TIMEOUT)
            .until(() -> options(guest, "device-camera").size() == 3);
        List<String> cameras = options(guest, "device-camera");
        String second = cameras.get(cameras.size() - 1);
        assertThat(second).isNotEqualTo(first);
        select(guest, "device-camera").selectByValue(second);

        await("the guest to send the other camera").atMost(CallPage.UI_TIMEOUT)
            .until(() -> second.equals(guest.ownDeviceId("video")));
        awaitFramesAdvancing(host, guestId);
        assertThat(receivedVideoTrack(host, guestId)).as("the same track, so nothing was renegotiated")
            .isEqualTo(receivedTrack);

        // the camera goes away (as when unplugged: its track ends): the other one takes
        // over, with a notice
        guest.browser().js("""
                document.querySelector('.tile.self video').srcObject.getVideoTracks()[0]
                    .dispatchEvent(new Event('ended'));""");
        await("the notice of the lost camera").atMost(CallPage.UI_TIMEOUT)
            .until(() -> guest.toasts().stream().anyMatch(text -> text.startsWith("Camera disconnected. Now using")));
        await("the guest to fall back to the first camera").atMost(CallPage.UI_TIMEOUT)
            .until(() -> first.equals(guest.ownDeviceId("video")));
        awaitFramesAdvancing(host, guestId);

        // the speaker: every video of the call plays on the chosen one
        host.click(By.id("device-menu-toggle"));
        await("the speakers in the device menu").atMost(CallPage.UI_TIMEOUT)
            .until(() -> options(host, "device-speaker").size() >= 2);
        String speaker = options(host, "device-speaker").get(1);
        select(host, "device-speaker").selectByValue(speaker);
        await("the guest's video to play on the chosen speaker").atMost(CallPage.UI_TIMEOUT)
            .until(() -> speaker.equals(host.browser()
                .js("return document.querySelector(`.tile[data-participant-id='${arguments[0]}'] video`).sinkId;",
                        guestId)));
    }

    private String newMeeting() {
        return api.createMeeting("Ada", null).path("meetingId").asString();
    }

    private static boolean previewPlaying(CallPage page) {
        return Boolean.TRUE.equals(page.browser().js("""
                const video = document.getElementById('prejoin-video');
                return Boolean(video && video.videoWidth > 0 && video.currentTime > 0 && !video.paused);"""));
    }

    private static long previewWidth(CallPage page) {
        return ((Number) page.browser().js("return document.getElementById('prejoin-video')?.videoWidth ?? 0;"))
            .longValue();
    }

    private static Select select(CallPage page, String id) {
        return new Select(page.browser().driver().findElement(By.id(id)));
    }

    /** The device ids a select offers (none while it is disabled). */
    private static List<String> options(CallPage page, String id) {
        WebElement element = page.browser().driver().findElement(By.id(id));
        if (!element.isEnabled()) {
            return List.of();
        }
        return new Select(element).getOptions().stream().map(option -> option.getDomAttribute("value")).toList();
    }

    /** The id of the video track this page receives from the participant. */
    private static String receivedVideoTrack(CallPage page, String participantId) {
        return String.valueOf(page.browser().js("""
                const video = document.querySelector(`.tile[data-participant-id='${arguments[0]}'] video`);
                return video.srcObject.getVideoTracks().map(track => track.id).join(',');""", participantId));
    }

    /**
     * The remote video keeps decoding new frames (its playback quality counter grows).
     */
    private static void awaitFramesAdvancing(CallPage page, String participantId) {
        long before = page.video(participantId).frames();
        await(page.browser().name() + " to keep receiving frames of " + participantId).atMost(CallPage.UI_TIMEOUT)
            .until(() -> {
                CallPage.Video now = page.video(participantId);
                return now.playing() && now.frames() > before + 20;
            });
    }

    /** A screenshot for docs/web-client.md, written into the checkout. */
    private static void writeDocsImage(CallPage page, String fileName) {
        Path target = TestPaths.root().resolve("docs/images").resolve(fileName);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, page.browser().driver().getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
