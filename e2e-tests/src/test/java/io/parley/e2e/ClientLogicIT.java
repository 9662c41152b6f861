package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's decision logic (reconnect policy, perfect-negotiation bookkeeping, quality
 * arithmetic, routing) run in the browser it is written for, as plain ES modules: the web
 * module's files served by a small local server, no platform needed. Fast, so the rules
 * are pinned down here and the end-to-end tests can stay about behaviour.
 */
class ClientLogicIT {

    private static HttpServer server;

    private static Browser browser;

    @BeforeAll
    static void serveTheClientAndOpenIt() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ClientLogicIT::serveResource);
        server.start();
        browser = Browser.open("logic", Browser.Media.ALLOWED);
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** The web jar's META-INF/resources, as the gateway serves them. */
    private static void serveResource(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = "META-INF/resources" + (path.equals("/") ? "/index.html" : path);
        try (exchange; InputStream in = ClientLogicIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || path.contains("..")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript";
        }
        if (path.endsWith(".css")) {
            return "text/css";
        }
        return "text/html";
    }

    /**
     * Imports a module of the client as {@code m} and returns the value of
     * {@code expression}.
     */
    private static Object evaluate(String module, String expression) {
        return browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                import(arguments[0]).then(m => done(%s)).catch(error => done('failed: ' + error));"""
            .formatted(expression), module);
    }

    @Test
    void closeCodesDecideBetweenReconnectingAndAnEndingScreen() {
        Object outcomes = evaluate("/js/policy.js", """
                Object.fromEntries([1000, 1001, 1002, 1006, 1008, 1011, 4000, 4001, 4401, 4403, 4404, 4409, 4410, 4503]
                    .map(code => [code, m.closeOutcome(code)]))""");
        assertThat(outcomes).isEqualTo(Map.ofEntries(Map.entry("1000", "closed"), Map.entry("1001", "reconnect"),
                Map.entry("1006", "reconnect"), Map.entry("1008", "reconnect"), Map.entry("1011", "reconnect"),
                Map.entry("1002", "reconnect"), Map.entry("4000", "reconnect-now"), Map.entry("4001", "replaced"),
                Map.entry("4401", "bad-token"), Map.entry("4403", "removed"), Map.entry("4404", "not-found"),
                Map.entry("4409", "stream-limit"), Map.entry("4410", "ended"), Map.entry("4503", "reconnect")));
        assertThat(evaluate("/js/policy.js", "m.closeOutcome(1006, {drainRequested: true})"))
            .as("a drop right after a `reconnect` message")
            .isEqualTo("reconnect-now");
    }

    @Test
    void reconnectDelaysDoubleUpToACapWithHalfOfThemRandom() {
        Object delays = evaluate("/js/policy.js", """
                [0, 1, 2, 3, 4, 5, 9].map(attempt => [m.reconnectDelay(attempt, () => 0),
                                                      m.reconnectDelay(attempt, () => 1)])""");
        assertThat(delays).isEqualTo(List.of(List.of(250L, 500L), List.of(500L, 1000L), List.of(1000L, 2000L),
                List.of(2000L, 4000L), List.of(4000L, 8000L), List.of(4000L, 8000L), List.of(4000L, 8000L)));
    }

    @Test
    void exactlyOneSideOfEveryPairIsPolite() {
        assertThat(evaluate("/js/policy.js", "[m.isPolite('p2', 'p1'), m.isPolite('p1', 'p2')]"))
            .isEqualTo(List.of(true, false));
    }

    @Test
    void signalsForReplacedConnectionsAreDroppedAndFreshOffersReplaceOurs() {
        Object actions = evaluate("/js/policy.js", """
                [
                  // the first offer of a peer, to our fresh connection
                  m.signalAction({type: 'offer', cid: 'b1', peerCid: null},
                                 {localCid: 'a1', remoteCid: null, hasRemoteDescription: false}),
                  // the peer reloaded: a new connection offers while ours is bound to its old one
                  m.signalAction({type: 'offer', cid: 'b2', peerCid: null},
                                 {localCid: 'a1', remoteCid: 'b1', hasRemoteDescription: true}),
                  // renegotiation between the same two connections
                  m.signalAction({type: 'offer', cid: 'b1', peerCid: 'a1'},
                                 {localCid: 'a1', remoteCid: 'b1', hasRemoteDescription: true}),
                  // an answer meant for a connection of ours that was since replaced
                  m.signalAction({type: 'answer', cid: 'b1', peerCid: 'a0'},
                                 {localCid: 'a1', remoteCid: 'b1', hasRemoteDescription: true}),
                  // the first answer to our offer, from the connection the peer made for it
                  m.signalAction({type: 'answer', cid: 'b3', peerCid: 'a1'},
                                 {localCid: 'a1', remoteCid: null, hasRemoteDescription: false}),
                  // a late candidate of the peer's previous connection
                  m.signalAction({type: 'ice', cid: 'b1', peerCid: 'a1'},
                                 {localCid: 'a1', remoteCid: 'b2', hasRemoteDescription: true}),
                  m.signalAction({type: 'ice', cid: 'b2', peerCid: 'a1'},
                                 {localCid: 'a1', remoteCid: 'b2', hasRemoteDescription: true}),
                ]""");
        assertThat(actions).isEqualTo(List.of("apply", "restart", "apply", "drop", "apply", "drop", "apply"));
    }

    @Test
    void qualitySamplesTurnCountersIntoRatesOverTheTimeBetweenReports() {
        Object samples = evaluate("/js/quality.js",
                """
                        (() => {
                          const report = (t, f) => [
                            {id: 'out-v', type: 'outbound-rtp', kind: 'video', timestamp: t, bytesSent: 1000 + f * 625000, packetsSent: 100 + f * 400},
                            {id: 'out-a', type: 'outbound-rtp', kind: 'audio', timestamp: t, bytesSent: 500 + f * 25000, packetsSent: 50 + f * 100},
                            {id: 'rin-v', type: 'remote-inbound-rtp', kind: 'video', timestamp: t, packetsLost: 2 + f * 5},
                            {id: 'in-v', type: 'inbound-rtp', kind: 'video', timestamp: t, bytesReceived: f * 250000, packetsReceived: 10 + f * 990,
                             packetsLost: f * 10, framesPerSecond: 24, frameWidth: 640, frameHeight: 360},
                            {id: 'in-a', type: 'inbound-rtp', kind: 'audio', timestamp: t, bytesReceived: f * 12500, packetsReceived: 0,
                             packetsLost: 0, jitter: 0.003},
                            {id: 'transport', type: 'transport', timestamp: t, selectedCandidatePairId: 'pair'},
                            {id: 'pair', type: 'candidate-pair', timestamp: t, currentRoundTripTime: 0.042},
                          ];
                          const calculator = new m.QualityCalculator();
                          const first = calculator.sample([{key: 'p1', report: report(1000, 0)}]);
                          const second = calculator.sample([{key: 'p1', report: report(6000, 1)}]);
                          const nothingMeasured = new m.QualityCalculator().sample([]) === null;
                          return {first, second, nothingMeasured};
                        })()""");
        assertThat(samples).isEqualTo(Map.of("first",
                Map.of("rttMs", 42L, "jitterMs", 3L, "framesPerSecond", 24L, "frameWidth", 640L, "frameHeight", 360L),
                "second",
                Map.of("rttMs", 42L, "jitterMs", 3L, "framesPerSecond", 24L, "frameWidth", 640L, "frameHeight", 360L,
                        "packetLossPct", Map.of("send", 1L, "recv", 1L), "bitrateBps",
                        Map.of("send", Map.of("audio", 40000L, "video", 1000000L, "total", 1040000L), "recv",
                                Map.of("audio", 20000L, "video", 400000L, "total", 420000L))),
                "nothingMeasured", true));
    }

    @Test
    void theQualityPagesTimeAxisStepsOnRoundSecondsOrMinutes() {
        assertThat(evaluate("/js/quality-page.js", "[m.timeStep(5000), m.timeStep(10000), m.timeStep(90000), "
                + "m.timeStep(3600000), m.timeStep(86400000), m.median([]), m.median([3, 1, 2]), m.median([4, 1, 3, 2])]"))
            .isEqualTo(Arrays.asList(1000L, 2000L, 15000L, 600000L, 14400000L, null, 2L, 2.5));
    }

    @Test
    void pathsAndPastedLinksLeadToTheirViews() {
        Object routes = evaluate("/js/router.js", """
                ['/', '/m/abcd-efgh-ijkl', '/m/team-room/quality', '/m/', '/elsewhere'].map(path => m.parse(path))""");
        assertThat(routes)
            .isEqualTo(List.of(Map.of("view", "start"), Map.of("view", "meeting", "meetingRef", "abcd-efgh-ijkl"),
                    Map.of("view", "quality", "meetingRef", "team-room"), Map.of("view", "not-found"),
                    Map.of("view", "not-found")));
        Object accountRoutes = evaluate("/js/router.js",
                """
                        ['/signin', '/account', '/meetings', '/orgs', '/orgs/o-1', '/invite/tok-1'].map(path => m.parse(path))""");
        assertThat(accountRoutes).isEqualTo(List.of(Map.of("view", "signin"), Map.of("view", "account"),
                Map.of("view", "meetings"), Map.of("view", "orgs"), Map.of("view", "org", "orgId", "o-1"),
                Map.of("view", "invite", "token", "tok-1")));
        Object refs = evaluate("/js/router.js",
                """
                        ['https://parley.example/m/Team-Room?x=1', '  abcd-efgh-ijkl ', 'not a code!', ''].map(m.meetingRefFrom)""");
        assertThat(refs).isEqualTo(Arrays.asList("team-room", "abcd-efgh-ijkl", null, null));
    }

    @Test
    void everyEndingHasAScreenWhoseHeadingTakesTheFocus() {
        List<String> kinds = List.of("ended", "removed", "stream-limit", "full", "locked", "not-found", "bad-token",
                "replaced", "connection-lost", "left", "sign-in-required", "not-invited");
        Object screens = evaluate("/js/screens.js",
                """
                        %s.map(kind => {
                          const view = m.showScreen(document.getElementById('app'), kind, {onRetry: () => {}, onRejoin: () => {}});
                          const heading = view.querySelector('h1');
                          return view.dataset.screen + ':' + (heading.textContent.length > 0) + ':'
                              + (document.activeElement === heading);
                        })"""
                    .formatted(kinds.stream().map(kind -> "'" + kind + "'").toList()));
        assertThat(screens).isEqualTo(kinds.stream().map(kind -> kind + ":true:true").toList());
    }

    @Test
    void tileQualityIsItsWorstFigureAndNamesIt() {
        assertThat(evaluate("/js/call/quality-levels.js", """
                [['lossPct', 1.9], ['lossPct', 2], ['lossPct', 8], ['rttMs', 299], ['rttMs', 300], ['rttMs', 600],
                 ['framesPerSecond', 15], ['framesPerSecond', 14.9], ['framesPerSecond', 7.9], ['rttMs', undefined]]
                    .map(([metric, value]) => m.levelOf(metric, value))"""))
            .isEqualTo(Arrays.asList("good", "fair", "poor", "good", "fair", "poor", "good", "fair", "poor", null));
        assertThat(evaluate("/js/call/quality-levels.js",
                """
                        [m.assessQuality({rttMs: 42, packetLossPct: {send: 0.5, recv: 9}, framesPerSecond: 24}),
                         m.assessQuality({rttMs: 350, framesPerSecond: 12}), m.assessQuality({rttMs: 20}), m.assessQuality(null)]
                            .map(q => [q.level, q.causes.join(' '), q.text])"""))
            .isEqualTo(List.of(
                    List.of("poor", "lossPct", "Poor connection: packet loss 9.0 %, round trip 42 ms, 24 frames/s"),
                    List.of("fair", "rttMs framesPerSecond", "Fair connection: round trip 350 ms, 12 frames/s"),
                    List.of("good", "", "Good connection: round trip 20 ms"),
                    List.of("unknown", "", "Measuring the connection…")));
    }

    @Test
    void theSpeakerHighlightOutlastsPausesAndTheLayoutSwitchesOnlyAfterASecondOfSpeech() {
        Object steps = evaluate("/js/call/speaking.js", """
                (() => {
                  const tracker = new m.SpeakerTracker({followable: id => id !== 'me'});
                  return [[0, {me: 0, a: 0.2, b: 0}], [400, {me: 0, a: 0.01, b: 0}], [2000, {me: 0, a: 0, b: 0}],
                          [2400, {me: 0, a: 0, b: 0.2}], [3000, {me: 0, a: 0, b: 0.2}], [3400, {me: 0, a: 0, b: 0.2}],
                          [3800, {me: 0.3, a: 0.5, b: 0.2}], [4200, {me: 0, a: 0.5}]]
                    .map(([now, levels]) => tracker.update(levels, now))
                    .map(result => result.speaking.join(',') + '|' + result.active);
                })()""");
        assertThat(steps).isEqualTo(List.of("a|a", "a|a", "|a", "b|a", "b|a", "b|b", "b,me,a|b", "me,a|a"));
        assertThat(evaluate("/js/call/speaking.js", """
                Math.round(1000 * m.levelBetween({totalAudioEnergy: 0.5, totalSamplesDuration: 10},
                                                 {totalAudioEnergy: 0.52, totalSamplesDuration: 12}))"""))
            .isEqualTo(100L);
    }

    @Test
    void tilesSayWhatTheMediaConnectionIsDoing() {
        assertThat(evaluate("/js/call/tile-states.js", """
                [m.mediaState('new'), m.mediaState('connected'), m.mediaState('disconnected', {wasConnected: true}),
                 m.mediaState('failed', {iceRestart: true}), m.mediaState('new', {wasConnected: true})]
                    .map(s => s.state + ':' + s.text)"""))
            .isEqualTo(List.of("connecting:Connecting…", "connected:", "reconnecting:Media interrupted, reconnecting…",
                    "ice-restart:Connection failed, restarting ICE…", "reconnecting:Reconnecting media…"));
    }

    @Test
    void theSfuModeFollowsTheServersWordAndGivesEachReceivedTrackToItsSender() {
        assertThat(evaluate("/js/call/sfu-logic.js",
                """
                        [m.mediaMode({type: 'welcome', media: {mode: 'sfu'}}), m.mediaMode({type: 'welcome', media: {mode: 'mesh'}}),
                         m.mediaMode({type: 'media-mode', mode: 'sfu'}), m.mediaMode({type: 'media-mode', media: {mode: 'sfu'}}),
                         m.mediaMode({type: 'welcome'}), m.mediaMode({type: 'welcome', media: {mode: 'relay'}}), m.mediaMode(null)]"""))
            .as("welcome names the mode in media.mode, media-mode in mode; anything else says nothing")
            .isEqualTo(Arrays.asList("sfu", "mesh", "sfu", null, null, null, null));
        assertThat(evaluate("/js/call/sfu-logic.js", """
                (() => {
                  const track = (id) => ({id});
                  const received = m.tracksByParticipant(
                    [{mid: '0', track: track('a-camera')}, {mid: '1', track: track('a-microphone')},
                     {mid: '2', track: track('a-screen')}, {mid: '3', track: track('left')},
                     {mid: null, track: track('not-negotiated')}, {mid: '4', track: null}],
                    [{mid: '0', participantId: 'a', kind: 'video'}, {mid: '1', participantId: 'a', kind: 'audio'},
                     {mid: '2', participantId: 'a', kind: 'video', screen: true}, {mid: '4', participantId: 'b'},
                     {mid: 5, participantId: 'c'}, {mid: '6'}]);
                  return [Object.fromEntries([...received].map(([id, entry]) =>
                            [id, {camera: entry.camera.map(t => t.id), screen: entry.screen.map(t => t.id)}])),
                          m.tracksByParticipant([{mid: '0', track: track('x')}], null).size];
                })()""")).as("by the offer's list of mids; a mid it does not list (its sender left) carries nothing")
            .isEqualTo(List.of(
                    Map.of("a", Map.of("camera", List.of("a-camera", "a-microphone"), "screen", List.of("a-screen"))),
                    0L));
        assertThat(evaluate("/js/call/sfu-logic.js",
                """
                        (() => {
                          const a = {id: 'a'};
                          const b = {id: 'b'};
                          const stream = (...tracks) => ({getTracks: () => tracks});
                          return [m.holdsExactly(null, []), m.holdsExactly(null, [a]), m.holdsExactly(stream(a, b), [b, a]),
                                  m.holdsExactly(stream(a), [a, b]), m.holdsExactly(stream(a, b), [a]), m.holdsExactly(stream(a), [b])];
                        })()"""))
            .as("a tile keeps its stream only when it holds the same tracks")
            .isEqualTo(List.of(true, false, true, false, false, false));
        assertThat(evaluate("/js/call/sfu-logic.js", """
                [m.SWITCH_GRACE_MS,
                 m.meshCloseDue({subscriberState: 'connected', elapsedMs: 0}),
                 m.meshCloseDue({subscriberState: 'connecting', elapsedMs: m.SWITCH_GRACE_MS - 1}),
                 m.meshCloseDue({subscriberState: 'failed', elapsedMs: m.SWITCH_GRACE_MS}),
                 m.meshCloseDue({subscriberState: 'new', elapsedMs: 100, graceMs: 100})]"""))
            .as("the mesh goes once the subscription is up, or after the grace period without it")
            .isEqualTo(List.of(5000L, true, false, true, true));
        assertThat(evaluate("/js/call/sfu-logic.js", """
                [m.iceUfrag('v=0\\r\\na=ice-ufrag:F7gI\\r\\na=ice-pwd:secret\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\n'
                            + 'a=ice-ufrag:second\\r\\n'),
                 m.iceUfrag('v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF 111\\r\\n'), m.iceUfrag(null)]"""))
            .as("the first ufrag of an SDP (the SFU bundles everything on one transport)")
            .isEqualTo(Arrays.asList("F7gI", null, null));
    }

    @Test
    void theCameraGoesToTheSfuInThreeLayersAsJanusExpectsThemAndTheMicrophoneInOne() {
        assertThat(evaluate("/js/call/sfu-logic.js", """
                [m.sendEncodingsFor('video'), m.sendEncodingsFor('audio') === undefined]"""))
            .isEqualTo(List.of(List.of(Map.of("rid", "h", "maxBitrate", 900000L),
                    Map.of("rid", "m", "maxBitrate", 300000L, "scaleResolutionDownBy", 2L),
                    Map.of("rid", "l", "maxBitrate", 100000L, "scaleResolutionDownBy", 4L)), true));
    }

    @Test
    void theSfuIsAskedForTheSpeakerFirstThenRecentSpeakersThenTheRestInTileOrder() {
        assertThat(evaluate("/js/call/video-priority.js",
                """
                        (() => {
                          const recent = m.rememberSpeakers(['b', 'gone'], {speaking: ['me', 'd'], active: 'c'});
                          const view = m.videoPriority({selfId: 'me', tiles: ['me', 'a', 'b', 'c', 'd', 'e'], active: 'c', recent});
                          return [recent.join(','), view.map(v => v.participantId + ':' + v.layer).join(' ')];
                        })()"""))
            .as("whoever speaks now moves to the front; oneself and whoever has no tile are never asked for; the "
                    + "large speaker tile in the high layer, the thumbnails low")
            .isEqualTo(List.of("c,me,d,b,gone", "c:high d:low b:low a:low e:low"));
        assertThat(evaluate("/js/call/video-priority.js", """
                [m.videoPriority({selfId: 'me', tiles: ['me', 'a']}),
                 m.videoPriority({selfId: 'me', tiles: ['me', 'a', 'b', 'c'], active: 'b', speakerView: false}),
                 m.videoPriority({selfId: 'me', tiles: ['me', 'a', 'b', 'c', 'd'], speakerView: false}),
                 m.videoPriority({selfId: 'me', tiles: ['me', 'a', 'b'], active: 'b', poor: true})]
                  .map(view => view.map(v => v.participantId + ':' + v.layer).join(' '))"""))
            .as("one other person fills the stage: high; a grid of four medium, larger ones low; a poor "
                    + "subscription asks low for everyone")
            .isEqualTo(List.of("a:high", "b:medium a:medium c:medium", "a:low b:low c:low d:low", "b:low a:low"));
        assertThat(evaluate("/js/call/video-priority.js", """
                [m.videoPriority({selfId: 'me', tiles: ['me', ...Array.from({length: 150}, (_, i) => 'p' + i)]}).length,
                 m.subscriptionPoor(['poor', 'good', 'unknown']), m.subscriptionPoor(['poor', 'good', 'fair']),
                 m.subscriptionPoor(['unknown', undefined]),
                 m.sameView([{participantId: 'a', layer: 'high'}], [{participantId: 'a', layer: 'high'}]),
                 m.sameView([{participantId: 'a', layer: 'high'}], [{participantId: 'a', layer: 'low'}]),
                 m.sameView(null, [])]"""))
            .as("at most 100 videos; poor when at least half of the measured tiles are; only a different view goes out")
            .isEqualTo(List.of(100L, true, false, false, true, false, false));
    }

    @Test
    void videosTheStreamLimitHoldsBackAreNamedInTheCallBarWhileThereAreAny() {
        assertThat(evaluate("/js/call/video-priority.js", """
                [m.videoLimits({limit: 2, receiving: ['p1', 'p2', 7], withheld: ['p3']}),
                 m.videoLimits({limit: null, receiving: 'p1'}), m.videoLimits({limit: -1}), m.videoLimits(null)]
                  .map(limits => JSON.stringify(limits))"""))
            .as("`sfu-videos` as the call uses it: a count or null (unlimited), lists of participant ids")
            .isEqualTo(List.of("{\"limit\":2,\"receiving\":[\"p1\",\"p2\"],\"withheld\":[\"p3\"]}",
                    "{\"limit\":null,\"receiving\":[],\"withheld\":[]}",
                    "{\"limit\":null,\"receiving\":[],\"withheld\":[]}",
                    "{\"limit\":null,\"receiving\":[],\"withheld\":[]}"));
        assertThat(evaluate("/js/call/video-priority.js", """
                [m.limitNotice({limit: 2, withheld: ['p3', 'p4']}), m.limitNotice({limit: 1, withheld: ['p3']}),
                 m.limitNotice({limit: 0, withheld: ['p3']}), m.limitNotice({limit: 2, withheld: []})]"""))
            .isEqualTo(List.of(
                    "Your stream limit lets you watch 2 videos; others show as avatars. You still hear everyone.",
                    "Your stream limit lets you watch 1 video; others show as avatars. You still hear everyone.",
                    "Your stream limit lets you watch no videos; everyone shows as an avatar. You still hear everyone.",
                    ""));
    }

    @Test
    void recordingTimesAndChoicesFollowTheServersWord() {
        assertThat(evaluate("/js/recording-logic.js", "[0, 7, 65, 725, 3723, -5].map(m.formatElapsed)"))
            .isEqualTo(List.of("0:00", "0:07", "1:05", "12:05", "1:02:03", "0:00"));
        assertThat(evaluate("/js/recording-logic.js", """
                [m.elapsedSeconds('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:01:05.900Z')),
                 m.elapsedSeconds('2026-01-01T00:00:10Z', Date.parse('2026-01-01T00:00:05Z')),
                 m.elapsedSeconds('not a time', 20000, 5000)]"""))
            .as("whole seconds since the server's start, never negative, from arrival when unreadable")
            .isEqualTo(List.of(65L, 0L, 15L));
        assertThat(evaluate("/js/recording-logic.js", """
                [m.welcomeAction({recording: null, acknowledgedId: null, firstWelcome: true}),
                 m.welcomeAction({recording: {recordingId: 'r1'}, acknowledgedId: 'r1', firstWelcome: true}),
                 m.welcomeAction({recording: {recordingId: 'r2'}, acknowledgedId: 'r1', firstWelcome: true}),
                 m.welcomeAction({recording: {recordingId: 'r2'}, acknowledgedId: null, firstWelcome: false})]"""))
            .as("asked on joining a recording untold, told when it started while the socket was away")
            .isEqualTo(List.of("none", "none", "ask", "notice"));
        assertThat(evaluate("/js/recording-logic.js", "[null, 0, 42.4, 60, 185, 3600, 3720, -1].map(m.durationText)"))
            .isEqualTo(List.of("", "0 s", "42 s", "1 min", "3 min 5 s", "1 h", "1 h 2 min", ""));
        assertThat(evaluate("/js/recording-logic.js",
                """
                        [m.recordingList({recordings: [{recordingId: 'a', startedAt: '2026-01-01T00:00:00Z'},
                                                       {recordingId: 'b', startedAt: '2026-01-02T00:00:00Z'}, {}]})
                           .map(r => r.recordingId),
                         m.recordingList([{recordingId: 'c'}]).map(r => r.recordingId), m.recordingList(null),
                         m.stopText('max-length'), m.stopText('host-left'), m.isSettled('processing'), m.isSettled('ready')]"""))
            .isEqualTo(List.of(List.of("b", "a"), List.of("c"), List.of(),
                    "The recording stopped: it reached its maximum length.", "The recording stopped: the host left.",
                    false, true));
        assertThat(evaluate("/js/router.js", "m.parse('/m/team-room/recordings')"))
            .isEqualTo(Map.of("view", "recordings", "meetingRef", "team-room"));
    }

    @Test
    void theOrganizationPagesOfferOnlyWhatTheRoleAllows() {
        assertThat(evaluate("/js/org-roles.js", """
                [m.assignableRoles('owner'), m.assignableRoles('admin'), m.assignableRoles('member'),
                 m.invitableRoles('owner'), m.invitableRoles('admin'), m.invitableRoles('member')]"""))
            .isEqualTo(List.of(List.of("owner", "admin", "member"), List.of("admin", "member"), List.of(),
                    List.of("member", "admin"), List.of("member"), List.of()));
        assertThat(evaluate("/js/org-roles.js", """
                [m.mayManage('owner', 'owner'), m.mayManage('admin', 'owner'), m.mayManage('admin', 'member'),
                 m.mayManage('member', 'member'), m.aRole('owner'), m.aRole('member'), m.roleName('guest')]"""))
            .as("admins never touch owners")
            .isEqualTo(List.of(true, false, true, false, "an owner", "a member", "guest"));
        assertThat(
                evaluate("/js/org-limit.js", "['3', ' 20 ', '0', '21', '2.5', 'x', '', null].map(m.streamLimitFrom)"))
            .isEqualTo(Arrays.asList(3L, 20L, null, null, null, null, null, null));
    }

    @Test
    void someoneWhoFindsARecordingOnJoiningIsAskedWithCameraAndMicrophoneOffUntilTheyChoose() {
        Object steps = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { Recording } = await import('/js/call/recording.js');
                  sessionStorage.removeItem('parley.recording-told.m-logic');
                  const on = { audio: true, video: true };
                  const media = { state: () => ({ ...on }), setEnabled: (kind, value) => { on[kind] = value; } };
                  const steps = [];
                  const feature = new Recording({ credentials: { meetingId: 'm-logic', role: 'host', token: 't' },
                    media, onMediaChanged: () => steps.push(`media ${on.audio} ${on.video}`),
                    onLeave: () => steps.push('left') });
                  document.getElementById('app').replaceChildren(feature.element, feature.toggle.element);
                  const handle = feature.messages();
                  const startedAt = new Date(Date.now() - 65500).toISOString();
                  handle['welcome']({ meeting: { recording: { recordingId: 'r-1', startedAt } } });
                  const indicator = document.getElementById('recording-indicator');
                  steps.push(`asked ${document.getElementById('recording-consent').open} badge ${!indicator.hidden} `
                    + `${indicator.textContent} ${document.getElementById('record-toggle').textContent}`);
                  document.getElementById('consent-join').click();
                  steps.push(`consent gone ${document.getElementById('recording-consent') === null} told `
                    + sessionStorage.getItem('parley.recording-told.m-logic'));
                  handle['welcome']({ meeting: { recording: { recordingId: 'r-1', startedAt } } });
                  steps.push(`reconnect asks again ${document.getElementById('recording-consent') !== null}`);
                  handle['recording']({ active: false, recordingId: 'r-1', reason: 'host' });
                  steps.push(`stopped ${indicator.hidden} ${document.getElementById('record-toggle').textContent} `
                    + `link ${!document.getElementById('recordings-link-note').hidden} `
                    + document.getElementById('recording-announcer').textContent);
                  handle['recording']({ active: true, recordingId: 'r-2', startedAt: new Date().toISOString() });
                  steps.push(`started again: notice ${!document.getElementById('recording-notice').hidden} `
                    + `asked ${document.getElementById('recording-consent') !== null} media ${on.audio} ${on.video}`);
                  feature.stop();
                  return steps;
                })().then(done, (error) => done('failed: ' + error));""");
        assertThat(steps).isEqualTo(List.of("media false false", "asked true badge true Recording1:05 Stop recording",
                "media true true", "consent gone true told r-1", "reconnect asks again false",
                "stopped true Record link true The host stopped the recording.",
                "started again: notice true asked false media true true"));
    }

    @Test
    void theRecordingNoticesAndTheRecordingsListPassTheAccessibilityCheck() {
        Object shown = browser.asyncJs(
                """
                        const done = arguments[arguments.length - 1];
                        (async () => {
                          const { RecordingIndicator } = await import('/js/call/recording-indicator.js');
                          const { consentPanel } = await import('/js/recording-consent.js');
                          const { RecordingsList } = await import('/js/recordings-list.js');
                          const indicator = new RecordingIndicator();
                          indicator.show({ recordingId: 'r-1', startedAt: new Date().toISOString() });
                          indicator.stop();
                          const list = new RecordingsList({ alive: () => true, fetchFile: async () => new Blob([]),
                            remove: async () => null,
                            load: async () => [
                              { recordingId: 'r-1', state: 'ready', startedAt: '2026-12-01T10:00:00Z', durationSeconds: 12.4 },
                              { recordingId: 'r-2', state: 'processing', startedAt: '2026-12-01T11:00:00Z' },
                              { recordingId: 'r-3', state: 'failed', startedAt: '2026-12-01T09:00:00Z', reason: 'no media' }] });
                          await list.refresh();
                          clearTimeout(list.timer);
                          list.player.element.hidden = false;
                          const noop = () => {};
                          document.getElementById('app').replaceChildren(
                            document.createElement('h1'), indicator.element, indicator.announcer,
                            consentPanel({ onJoinOff: noop, onJoin: noop, onLeave: noop }), list.element);
                          document.querySelector('#app > h1').textContent = 'Recording';
                          return [...document.querySelectorAll('#recordings-list [data-recording-id]')]
                            .map((row) => row.dataset.recordingId + ':' + row.querySelectorAll('.recording-play').length);
                        })().then(done, (error) => done('failed: ' + error));""");
        assertThat(shown).as("newest first, Play only when ready").isEqualTo(List.of("r-2:0", "r-1:1", "r-3:0"));
        assertThat(browser.js("return document.getElementById('recording-player') instanceof HTMLVideoElement"))
            .isEqualTo(true);
        assertThat(Accessibility.blocking(browser)).isEmpty();
    }

}
