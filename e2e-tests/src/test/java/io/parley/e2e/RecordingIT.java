package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording as the people in it see it, through the gateway: a signed-in host records a
 * call of three, everyone sees the indicator, the one who joins during the recording is
 * told before anything of theirs is published, and afterwards the host's account finds
 * the recording in "My meetings" and plays it to the end, and its export lists it. The
 * file itself is a WebM with video and audio as long as the recording ran, as
 * {@code ffprobe} reads it.
 */
@ExtendWith({ PlatformExtension.class, BrowsersExtension.class })
class RecordingIT {

    /**
     * Moving to the SFU, publishing and subscribing again of several browsers on two busy
     * cores.
     */
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(90);

    /**
     * Janus closes its files, then the worker post-processes and lays out the call: on
     * two busy cores a minute of three streams took more than three minutes from the stop
     * to ready.
     */
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(6);

    private static final Duration RECORDED = Duration.ofSeconds(10);

    private final PlatformApi api = new PlatformApi();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final JsonMapper json = JsonMapper.builder().build();

    RecordingIT(Platform platform) {
        // asking for the platform starts it (once per run) before the first test needs it
    }

    @Test
    void theHostRecordsEveryoneIsToldAndTheAccountPlaysTheRecordingToTheEnd(Browsers browsers) throws Exception {
        Browser adaBrowser = browsers.open("ada");
        new AccountPage(adaBrowser).signUp("ada-" + UUID.randomUUID() + "@example.org", "Ada Lovelace",
                "analytical engine");
        CallPage ada = new CallPage(adaBrowser);
        ada.recordPeerConnections();
        String meetingId = ada.createMeeting("Ada");
        String hostToken = ada.credentials().path("token").asString();
        CallPage grace = new CallPage(browsers.open("grace"));
        grace.recordPeerConnections();
        grace.join(meetingId, "Grace");
        grace.awaitConnected();
        ada.awaitVideoPlaying(grace.selfId(), MEDIA_TIMEOUT);
        int meshConnection = await("Ada to decode Grace on their mesh connection").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> ada.received(grace.selfId()), received -> received != null && received.framesDecoded() > 0)
            .connection();

        ada.click(By.id("record-toggle"));
        for (CallPage page : List.of(ada, grace)) {
            awaitShown(page, "recording-indicator");
            await(page.browser().name() + " to move to the SFU").atMost(MEDIA_TIMEOUT)
                .ignoreExceptions()
                .until(() -> "sfu".equals(page.mediaMode()));
        }
        // Janus captures from the moment the first publisher's media reaches it: the
        // recording's start, as far as
        // the file is concerned, lies between the host's click and Grace playing on the
        // SFU for Ada
        await("Ada to decode Grace through the SFU").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> ada.received(grace.selfId()), received -> received != null
                    && received.connection() != meshConnection && received.framesDecoded() > 0);
        Instant capturing = Instant.now();
        Instant startedAt = Instant.parse(
                api.get("/api/meetings/" + meetingId, hostToken).body().path("recording").path("startedAt").asString());
        assertThat(Accessibility.blocking(grace.browser())).as("accessibility of a meeting being recorded").isEmpty();

        CallPage linus = new CallPage(browsers.open("linus"));
        linus.recordPeerConnections();
        linus.openPrejoin(meetingId, "Linus");
        awaitShown(linus, "recording-consent");
        assertThat(peerConnections(linus)).as("connections Linus opened before agreeing to be recorded").isZero();
        assertThat(Accessibility.blocking(linus.browser())).as("accessibility of the recording notice").isEmpty();
        linus.browser().screenshot("recording-consent");
        linus.click(By.id("consent-join"));
        linus.awaitConnected();
        awaitShown(linus, "recording-indicator");
        ada.awaitVideoPlaying(linus.selfId(), MEDIA_TIMEOUT);
        ada.browser().screenshot("recording-call");

        Duration left = RECORDED.minus(Duration.between(startedAt, Instant.now()));
        if (!left.isNegative()) {
            TimeUnit.MILLISECONDS.sleep(left.toMillis());
        }
        Instant stopClicked = Instant.now();
        ada.click(By.id("record-toggle"));
        for (CallPage page : List.of(ada, grace, linus)) {
            await(page.browser().name() + " to take the indicator away").atMost(CallPage.UI_TIMEOUT)
                .ignoreExceptions()
                .until(() -> !page.browser().driver().findElement(By.id("recording-indicator")).isDisplayed());
        }
        Instant stopped = Instant.now();
        // three browsers in a call on two cores would slow the processing down
        for (CallPage page : List.of(ada, grace, linus)) {
            page.browser().driver().navigate().to("about:blank");
        }

        JsonNode recording = awaitReady(meetingId, hostToken);
        Path file = download(recording.path("url").asString(), hostToken);
        JsonNode probe = ffprobe(file);
        assertThat(probe.path("streams").valueStream().map(stream -> stream.path("codec_type").asString()))
            .as("streams of the recording")
            .contains("video", "audio");
        assertThat(probe.path("format").path("duration").asDouble())
            .as("seconds in the recording, started at %s, media on the SFU by %s, stopped at %s to %s", startedAt,
                    capturing, stopClicked, stopped)
            .isBetween(seconds(capturing, stopClicked) - 1, seconds(startedAt, stopped) + 1);

        adaBrowser.get("/meetings");
        String recordingId = recording.path("recordingId").asString();
        ada.click(By.cssSelector("#recordings-list [data-recording-id='" + recordingId + "'] .recording-play"));
        await("the recording to play").atMost(CallPage.UI_TIMEOUT)
            .ignoreExceptions()
            .until(() -> (Boolean) adaBrowser.js("const player = document.getElementById('recording-player');"
                    + "player.playbackRate = 4; return player.currentTime > 0;"));
        await("the recording to play to its end").atMost(MEDIA_TIMEOUT)
            .ignoreExceptions()
            .until(() -> (Boolean) adaBrowser.js("return document.getElementById('recording-player').ended;"));
        assertThat(Accessibility.blocking(adaBrowser)).as("accessibility of the recordings list").isEmpty();
        adaBrowser.screenshot("recordings");

        PlatformApi.Response export = api.get("/api/me/export", accessToken(adaBrowser));
        assertThat(export.status()).as("GET /api/me/export: %s", export.body()).isEqualTo(200);
        assertThat(export.body().path("recordings").valueStream().map(listed -> listed.path("recordingId").asString()))
            .as("recordings in the account's export")
            .containsExactly(recordingId);
        assertThat(export.body().path("recordings").path(0).path("url").asString())
            .isEqualTo(recording.path("url").asString());
    }

    /**
     * The page's own access token, from the web client's session module (the same module
     * instance the page uses, so nothing is refreshed behind its back).
     */
    private static String accessToken(Browser browser) {
        Object token = browser
            .asyncJs("const done = arguments[arguments.length - 1];" + "import('/js/account-session.js')"
                    + ".then(async (session) => { await session.ready(); done(session.accessToken()); })"
                    + ".catch(() => done(null));");
        assertThat(token).as("the signed-in page's access token").isInstanceOf(String.class);
        return (String) token;
    }

    private static void awaitShown(CallPage page, String id) {
        await(page.browser().name() + " to show #" + id).atMost(MEDIA_TIMEOUT).ignoreExceptions().until(() -> {
            WebElement element = page.browser().driver().findElement(By.id(id));
            return element.isDisplayed();
        });
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static long peerConnections(CallPage page) {
        return ((Number) page.browser().js("return (window.parleyConnections || []).length;")).longValue();
    }

    private JsonNode awaitReady(String meetingId, String hostToken) {
        String path = "/api/meetings/" + meetingId + "/recordings";
        await("the recording to be processed").atMost(PROCESSING_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> "ready".equals(api.get(path, hostToken).body().path(0).path("state").asString()));
        JsonNode recordings = api.get(path, hostToken).body();
        assertThat(recordings.size()).as("recordings of the meeting").isEqualTo(1);
        return recordings.path(0);
    }

    private Path download(String url, String token) throws IOException, InterruptedException {
        Path file = TestPaths.output().resolve("recording-" + UUID.randomUUID() + ".webm");
        Files.createDirectories(file.getParent());
        HttpRequest request = HttpRequest.newBuilder(Platform.GATEWAY.resolve(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
        HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> type.startsWith("video/webm"));
        return file;
    }

    private JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        byte[] output = probe.getInputStream().readAllBytes();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("ffprobe to finish").isTrue();
        assertThat(probe.exitValue()).as("ffprobe's exit status on " + file).isZero();
        return json.readTree(output);
    }

}
