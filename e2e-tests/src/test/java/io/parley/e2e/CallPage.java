package io.parley.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client as a person uses it, through its labelled controls (ids and data-*
 * attributes that docs/web-client.md lists), plus read-outs of what the page shows: the
 * screen, the call's state, a tile's video.
 */
final class CallPage {

    /**
     * Getting camera, socket and the first peer connection up on a busy two-core machine.
     */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(45);
    static final Duration UI_TIMEOUT = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Browser browser;

    CallPage(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    /** From the start page: name, "Start meeting"; returns the meeting id. */
    String createMeeting(String hostName) {
        return createMeeting(hostName, null);
    }

    /**
     * From the start page: name and a room name (null for none), "Start meeting", then
     * "Join" on the pre-join screen with what it offers; returns the meeting id.
     */
    String createMeeting(String hostName, String roomName) {
        openHostPrejoin(hostName, roomName);
        click(By.id("join-meeting"));
        awaitConnected();
        return credentials().path("meetingId").asString();
    }

    /**
     * From the start page: name and a room name (null for none), "Start meeting": the
     * meeting exists and the host is on its pre-join screen.
     */
    void openHostPrejoin(String hostName, String roomName) {
        browser.get("/");
        type(By.id("host-name"), hostName);
        if (roomName != null) {
            type(By.id("room-name"), roomName);
        }
        click(By.id("create-meeting"));
        await("the host's pre-join screen").atMost(JOIN_TIMEOUT)
            .ignoreExceptions()
            .until(() -> browser.driver().findElement(By.id("join-meeting")).isDisplayed());
    }

    /**
     * Opens the meeting's link, enters a name on the pre-join screen and joins with the
     * camera and microphone it offers.
     */
    void join(String meetingRef, String name) {
        openPrejoin(meetingRef, name);
        click(By.id("join-meeting"));
    }

    /**
     * Opens the meeting's link: the pre-join screen (name, preview, devices), with the
     * name entered.
     */
    void openPrejoin(String meetingRef, String name) {
        openLink(meetingRef);
        type(By.id("participant-name"), name);
    }

    /** The pre-join screen's microphone level meter, 0 to 1. */
    double microphoneLevel() {
        return ((Number) browser.js("return document.getElementById('mic-level').value;")).doubleValue();
    }

    /**
     * The device id of this page's own camera or microphone ({@code video} or
     * {@code audio}), in the pre-join preview or the call's own tile; "" when none.
     */
    String ownDeviceId(String kind) {
        return String.valueOf(browser.js("""
                const video = document.querySelector('#prejoin-video, .tile.self video');
                const track = video && video.srcObject
                    && video.srcObject.getTracks().find(track => track.kind === arguments[0]);
                return track ? track.getSettings().deviceId : '';""", kind));
    }

    /**
     * What the participant's tile shows of its camera: "on", "off", or "withheld" when
     * the stream limit holds it back (data-video).
     */
    String tileVideo(String participantId) {
        return attribute(By.cssSelector(".tile[data-participant-id='" + participantId + "']"), "data-video");
    }

    /** The notices (toasts) on display. */
    List<String> toasts() {
        return browser.driver()
            .findElements(By.cssSelector("#toasts .toast"))
            .stream()
            .map(WebElement::getText)
            .toList();
    }

    void openLink(String meetingRef) {
        browser.get("/m/" + meetingRef);
    }

    /**
     * Puts join credentials into the tab's sessionStorage, as an earlier join in this tab
     * would have.
     */
    void storeCredentials(String meetingId, String participantId, String token, String name, String role) {
        browser.get("/");
        String value = JSON.createObjectNode()
            .put("meetingId", meetingId)
            .put("participantId", participantId)
            .put("token", token)
            .put("name", name)
            .put("role", role)
            .toString();
        browser.js("sessionStorage.setItem(arguments[0], arguments[1])", "parley.join." + meetingId, value);
    }

    void awaitConnected() {
        await("the call of " + browser.name() + " to connect").atMost(JOIN_TIMEOUT)
            .ignoreExceptions()
            .until(this::connected);
    }

    boolean connected() {
        return "connected".equals(attribute(By.id("connection-status"), "data-state"));
    }

    /**
     * How many times this call was welcomed by a signaling instance: 1, plus one per
     * reconnect.
     */
    int welcomes() {
        return Integer.parseInt(attribute(By.cssSelector(".call"), "data-welcomes"));
    }

    /**
     * The join credentials this tab keeps for the meeting on display: {meetingId,
     * participantId, token, role, name}.
     */
    JsonNode credentials() {
        Object stored = browser
            .js("""
                    const meeting = location.pathname.split('/')[2];
                    return meeting ? sessionStorage.getItem('parley.join.' + decodeURIComponent(meeting).toLowerCase()) : null;""");
        if (stored == null) {
            throw new AssertionError(browser.name() + " holds no join credentials");
        }
        return JSON.readTree(stored.toString());
    }

    String selfId() {
        return credentials().path("participantId").asString();
    }

    /**
     * What the tile of a participant shows: its peer connection's state and its video
     * element's progress.
     */
    /**
     * A tile's video; stream names the MediaStream it shows, which a new connection
     * replaces.
     */
    record Video(String connectionState, double currentTime, long frames, long width, boolean paused, String stream) {

        boolean playing() {
            return "connected".equals(connectionState) && width > 0 && currentTime > 0 && !paused;
        }
    }

    Video video(String participantId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) browser.js("""
                const tile = document.querySelector(`.tile[data-participant-id="${arguments[0]}"]`);
                if (!tile) return null;
                const video = tile.querySelector('video');
                const quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : {};
                return {state: tile.dataset.connectionState, time: video.currentTime,
                        frames: quality.totalVideoFrames || 0, width: video.videoWidth, paused: video.paused,
                        stream: video.srcObject ? video.srcObject.id : ''};""", participantId);
        if (state == null) {
            return new Video("absent", 0, 0, 0, true, "");
        }
        return new Video(String.valueOf(state.get("state")), ((Number) state.get("time")).doubleValue(),
                ((Number) state.get("frames")).longValue(), ((Number) state.get("width")).longValue(),
                Boolean.TRUE.equals(state.get("paused")), String.valueOf(state.get("stream")));
    }

    /**
     * The participant's video plays here: connected, has a picture, and time and frames
     * keep advancing. A connection started over shows a new stream, whose time starts
     * from zero again, so the advance is measured from the first reading of that stream.
     */
    void awaitVideoPlaying(String participantId, Duration timeout) {
        await(browser.name() + " to play the video of " + participantId).atMost(timeout)
            .until(() -> video(participantId).playing());
        AtomicReference<Video> since = new AtomicReference<>(video(participantId));
        AtomicReference<Video> last = new AtomicReference<>(since.get());
        try {
            await().atMost(UI_TIMEOUT).until(() -> {
                Video now = video(participantId);
                last.set(now);
                if (!now.stream().equals(since.get().stream())) {
                    since.set(now);
                    return false;
                }
                return now.playing() && now.currentTime() > since.get().currentTime() + 0.5
                        && now.frames() > since.get().frames();
            });
        }
        catch (ConditionTimeoutException stalled) {
            throw new AssertionError(
                    "%s's video of %s did not advance in %s: from %s to %s; receiving %s".formatted(browser.name(),
                            participantId, UI_TIMEOUT, since.get(), last.get(), inboundVideo(participantId)),
                    stalled);
        }
    }

    /**
     * What the tile's video track is and what the page's connections receive as video,
     * for a failure's message (connections are listed once {@link #recordPeerConnections}
     * ran).
     */
    private Object inboundVideo(String participantId) {
        return browser.js("""
                return (async (participantId) => {
                  const video = document.querySelector(`.tile[data-participant-id="${participantId}"] video`);
                  const track = video && video.srcObject ? video.srcObject.getVideoTracks()[0] : null;
                  const found = [track ? `track ${track.readyState}${track.muted ? ' muted' : ''}` : 'no track'];
                  for (const pc of window.parleyConnections || []) {
                    (await pc.getStats()).forEach((s) => {
                      if (s.type === 'inbound-rtp' && s.kind === 'video') {
                        found.push(`${pc.connectionState}: packets ${s.packetsReceived}, frames ${s.framesDecoded}, `
                            + `key frames ${s.keyFramesDecoded}, PLIs ${s.pliCount}, lost ${s.packetsLost}`);
                      }
                    });
                  }
                  return found.join('; ');
                })(arguments[0]);""", participantId);
    }

    /** Whether the page fits the window's width, without scrolling sideways. */
    boolean fitsWidth() {
        return Boolean.TRUE.equals(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    void sendChat(String text) {
        WebElement input = browser.driver().findElement(By.id("chat-input"));
        input.sendKeys(text, Keys.ENTER);
    }

    List<String> chatTexts() {
        return browser.driver()
            .findElements(By.cssSelector("#chat-log .chat-text"))
            .stream()
            .map(WebElement::getText)
            .toList();
    }

    /**
     * The ending or problem screen on display (data-screen), or null while in a call or a
     * form.
     */
    String screen() {
        Object screen = browser.js("return document.querySelector('[data-screen]')?.dataset.screen ?? null;");
        return screen == null ? null : screen.toString();
    }

    void awaitScreen(String screen) {
        await(browser.name() + " to show the " + screen + " screen").atMost(UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> screen.equals(screen()));
    }

    /**
     * The participant list's entry, as data-* attributes (audio, video: on/off); empty
     * when not listed.
     */
    Map<String, String> person(String participantId) {
        @SuppressWarnings("unchecked")
        Map<String, String> person = (Map<String, String>) browser.js("""
                const item = document.querySelector(`#participant-list li[data-participant-id="${arguments[0]}"]`);
                return item ? {audio: item.dataset.audio, video: item.dataset.video} : {};""", participantId);
        return person;
    }

    /**
     * Whether this page's own microphone track is on (the fake device, through the page's
     * toggle).
     */
    boolean microphoneOn() {
        return Boolean.TRUE.equals(browser.js("""
                const video = document.querySelector('.tile.self video');
                const track = video && video.srcObject && video.srcObject.getAudioTracks()[0];
                return Boolean(track && track.enabled);"""));
    }

    /**
     * What a participant's tile shows of the call's features: speaking (data-speaking),
     * followed by the speaker layout (data-active-speaker), the microphone icon's state
     * (data-mic), the connection quality (data-quality) with its reason, and the media
     * state (data-media-state) with its text.
     */
    record TileState(boolean speaking, boolean activeSpeaker, String mic, String quality, String qualityReason,
            String mediaState, String mediaText) {
    }

    TileState tileState(String participantId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) browser
            .js("""
                    const tile = document.querySelector(`.tile[data-participant-id="${arguments[0]}"]`);
                    if (!tile) return null;
                    return {speaking: tile.dataset.speaking === 'true', active: tile.hasAttribute('data-active-speaker'),
                            mic: tile.querySelector('.tile-mic')?.dataset.mic ?? '', quality: tile.dataset.quality ?? '',
                            reason: tile.querySelector('.tile-quality-reason')?.textContent ?? '',
                            media: tile.dataset.mediaState ?? '', text: tile.querySelector('.tile-state')?.textContent ?? ''};""",
                    participantId);
        if (state == null) {
            return new TileState(false, false, "", "", "", "absent", "");
        }
        return new TileState(Boolean.TRUE.equals(state.get("speaking")), Boolean.TRUE.equals(state.get("active")),
                String.valueOf(state.get("mic")), String.valueOf(state.get("quality")),
                String.valueOf(state.get("reason")), String.valueOf(state.get("media")),
                String.valueOf(state.get("text")));
    }

    /**
     * The raised-hands panel: participant ids in the order the hands went up, and whether
     * the participant's tile and people-list entry show the hand.
     */
    List<String> raisedHands() {
        return browser.driver()
            .findElements(By.cssSelector("#raised-hands li"))
            .stream()
            .map(item -> item.getDomAttribute("data-participant-id"))
            .toList();
    }

    boolean handShown(String participantId) {
        return Boolean.TRUE.equals(browser.js("""
                const tile = document.querySelector(`.tile[data-participant-id="${arguments[0]}"]`);
                const item = document.querySelector(`#participant-list li[data-participant-id="${arguments[0]}"]`);
                return tile?.dataset.hand === 'raised' && Boolean(item?.querySelector('.hand-marker'));""",
                participantId));
    }

    String timerText() {
        WebElement timer = browser.driver().findElement(By.id("timer"));
        return timer.isDisplayed() ? timer.getText() : "";
    }

    /**
     * On the quality page: the samples its participant table counts for the participant.
     */
    int samplesOf(String participantId) {
        return Integer.parseInt(browser.driver()
            .findElement(
                    By.cssSelector("#quality-participants tr[data-participant-id='" + participantId + "'] td.samples"))
            .getText());
    }

    /** On the quality page: every chart canvas has a Chart.js chart drawn into it. */
    boolean chartsDrawn() {
        return Boolean.TRUE.equals(browser.js("""
                const canvases = [...document.querySelectorAll('.chart canvas')];
                return Boolean(window.Chart) && canvases.length > 0
                    && canvases.every(canvas => Chart.getChart(canvas) && canvas.width > 0);"""));
    }

    void click(By control) {
        await().atMost(UI_TIMEOUT).ignoreExceptions().until(() -> {
            WebElement element = browser.driver().findElement(control);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    void type(By field, String text) {
        await().atMost(UI_TIMEOUT).ignoreExceptions().until(() -> {
            WebElement element = browser.driver().findElement(field);
            element.clear();
            element.sendKeys(text);
            return true;
        });
    }

    String attribute(By element, String name) {
        return browser.driver().findElement(element).getDomAttribute(name);
    }

    /**
     * From now on every page of this browser keeps the RTCPeerConnections it creates in
     * {@code window.parleyConnections}, for {@link #received}. Called before the page
     * joins a call.
     */
    void recordPeerConnections() {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.parleyConnections = [];
                const Native = window.RTCPeerConnection;
                window.RTCPeerConnection = class extends Native {
                  constructor(...args) {
                    super(...args);
                    window.parleyConnections.push(this);
                  }
                };"""));
    }

    /** How the call's media travels now: "mesh" or "sfu" (data-mode of #media-status). */
    String mediaMode() {
        return attribute(By.id("media-status"), "data-mode");
    }

    /**
     * What arrives here of a participant, from the getStats() of the open connection
     * whose receivers carry the tracks the participant's tile plays: that connection (its
     * index among the recorded ones), the video frames decoded and the audio samples
     * received so far.
     */
    record Received(int connection, long framesDecoded, long audioSamples) {
    }

    /**
     * What arrives of the participant (see {@link Received}); null while the tile plays
     * nothing a recorded connection receives.
     */
    Received received(String participantId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> received = (Map<String, Object>) browser.js("""
                return (async (participantId) => {
                  const video = document.querySelector(`.tile[data-participant-id="${participantId}"] video`);
                  const ids = video && video.srcObject ? video.srcObject.getTracks().map(track => track.id) : [];
                  const connections = window.parleyConnections || [];
                  for (let index = 0; index < connections.length && ids.length; index++) {
                    const pc = connections[index];
                    if (pc.connectionState === 'closed'
                        || !pc.getReceivers().some(receiver => ids.includes(receiver.track.id))) {
                      continue;
                    }
                    let frames = 0;
                    let samples = 0;
                    (await pc.getStats()).forEach(stat => {
                      if (stat.type === 'inbound-rtp' && ids.includes(stat.trackIdentifier)) {
                        frames += stat.kind === 'video' ? (stat.framesDecoded || 0) : 0;
                        samples += stat.kind === 'audio' ? (stat.totalSamplesReceived || 0) : 0;
                      }
                    });
                    return {connection: index, frames, samples};
                  }
                  return null;
                })(arguments[0]);""", participantId);
        if (received == null) {
            return null;
        }
        return new Received(((Number) received.get("connection")).intValue(),
                ((Number) received.get("frames")).longValue(), ((Number) received.get("samples")).longValue());
    }

    /**
     * The candidate pair a recorded connection (its index, as in {@link Received}) sends
     * and receives on: the ICE {@code candidateType} of its local and remote candidate
     * ({@code host}, {@code srflx}, {@code prflx}, {@code relay}) and the connection's
     * state.
     */
    record SelectedPair(int connection, String connectionState, String local, String remote) {
    }

    /**
     * The selected candidate pair of every recorded connection that is not closed and has
     * one, from getStats(): the transport's {@code selectedCandidatePairId}, that
     * {@code candidate-pair}, and its local and remote candidates.
     */
    List<SelectedPair> selectedPairs() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) browser.js("""
                return (async () => {
                  const pairs = [];
                  const connections = window.parleyConnections || [];
                  for (let index = 0; index < connections.length; index++) {
                    const pc = connections[index];
                    if (pc.connectionState === 'closed') {
                      continue;
                    }
                    const stats = await pc.getStats();
                    let pairId = null;
                    stats.forEach(stat => {
                      if (stat.type === 'transport' && stat.selectedCandidatePairId) {
                        pairId = stat.selectedCandidatePairId;
                      }
                    });
                    const pair = pairId && stats.get(pairId);
                    if (pair) {
                      pairs.push({connection: index, state: pc.connectionState,
                                  local: stats.get(pair.localCandidateId)?.candidateType ?? '',
                                  remote: stats.get(pair.remoteCandidateId)?.candidateType ?? ''});
                    }
                  }
                  return pairs;
                })();""");
        return pairs.stream()
            .map(pair -> new SelectedPair(((Number) pair.get("connection")).intValue(),
                    String.valueOf(pair.get("state")), String.valueOf(pair.get("local")),
                    String.valueOf(pair.get("remote"))))
            .toList();
    }

}
