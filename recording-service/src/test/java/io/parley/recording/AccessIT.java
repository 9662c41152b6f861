package io.parley.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.RunningRecordingService;
import io.parley.recording.support.TestTokens;
import io.parley.tokens.RevocationList;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may read and delete recordings, endpoint by endpoint: no token 401, someone else's
 * 403, an unknown recording 404, a malformed id 400, each a problem detail; the host (by
 * account or join token, also after the meeting ended) and the organization's owners and
 * admins may.
 */
class AccessIT {

    private static final String DATABASE = "recordings_access";

    private static final String MEETING = Captures.meetingId();

    private static final String ORG = "org-" + Captures.recordingId();

    @TempDir
    static Path dir;

    private static RunningRecordingService service;

    private static CatalogDatabase db;

    private static String ready;

    private static String processing;

    @BeforeAll
    static void start() throws IOException {
        db = new CatalogDatabase(DATABASE);
        service = RunningRecordingService.start(DATABASE, dir);
        ready = insert("ready");
        processing = insert("processing");
        Path folder = Files.createDirectories(service.storageDir().resolve(ready));
        Files.write(folder.resolve(ready + ".webm"), new byte[1000]);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        for (String path : paths()) {
            expect(HttpMethod.GET, path, null, 401);
            expect(HttpMethod.GET, path, TestTokens.forgedHost(MEETING, "p-host"), 401);
        }
        expect(HttpMethod.DELETE, "/api/recordings/" + ready, null, 401);
        expect(HttpMethod.GET, "/api/me/recordings", null, 401);
        expect(HttpMethod.GET, "/api/me/recordings", TestTokens.host(MEETING, "p-host"), 401);
    }

    @Test
    void participantsStrangersMembersAndOtherMeetingsHostsAre403() {
        String[] others = { TestTokens.participant(MEETING, "p-guest"),
                TestTokens.host(Captures.meetingId(), "p-other"), TestTokens.account("acct-stranger"),
                TestTokens.account("acct-member", ORG, "member") };
        for (String token : others) {
            for (String path : paths()) {
                expect(HttpMethod.GET, path, token, 403);
            }
            expect(HttpMethod.DELETE, "/api/recordings/" + ready, token, 403);
        }
    }

    @Test
    void theHostAndTheOrganizationsOwnersAndAdminsMayRead() {
        String[] readers = { TestTokens.host(MEETING, "p-host"), TestTokens.account("acct-host"),
                TestTokens.account("acct-owner", ORG, "owner"), TestTokens.account("acct-admin", ORG, "admin") };
        for (String token : readers) {
            expect(HttpMethod.GET, "/api/recordings/" + ready, token, 200);
            expect(HttpMethod.GET, "/api/recordings/" + ready + "/file", token, 200);
            request(HttpMethod.GET, "/api/meetings/" + MEETING + "/recordings", token).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
        }
        request(HttpMethod.GET, "/api/me/recordings", TestTokens.account("acct-admin", ORG, "admin")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$[?(@.recordingId == '" + ready + "')].url")
            .isEqualTo("/api/recordings/" + ready + "/file");
        request(HttpMethod.GET, "/api/me/recordings", TestTokens.account("acct-stranger")).expectStatus()
            .isOk()
            .expectBody()
            .json("[]");
    }

    @Test
    void theHostsJoinTokenStillWorksAfterTheMeetingEndedButNotOnceRevokedOnItsOwn() {
        String meetingId = Captures.meetingId();
        String recordingId = insert(meetingId, "ready");
        var claims = TestTokens.claims(meetingId, "p-host", Role.HOST);
        String token = TestTokens.sign(claims);
        RevocationList revocations = service.bean(RevocationList.class);

        revocations.revokeMeeting(meetingId).block();
        expect(HttpMethod.GET, "/api/recordings/" + recordingId, token, 200);
        var revoked = TestTokens.claims(Captures.meetingId(), "p-host", Role.HOST);
        revocations.revokeToken(revoked).block();
        expect(HttpMethod.GET, "/api/recordings/" + recordingId, TestTokens.sign(revoked), 401);
    }

    @Test
    void unknownRecordingsAndMeetingsAre404AndMalformedIds400() {
        String host = TestTokens.account("acct-host");
        String unknown = Captures.recordingId();
        expect(HttpMethod.GET, "/api/recordings/" + unknown, host, 404);
        expect(HttpMethod.GET, "/api/recordings/" + unknown + "/file", host, 404);
        expect(HttpMethod.DELETE, "/api/recordings/" + unknown, host, 404);
        expect(HttpMethod.GET, "/api/meetings/" + Captures.meetingId() + "/recordings", host, 404);
        expect(HttpMethod.GET, "/api/recordings/too-short", host, 400);
        expect(HttpMethod.GET, "/api/recordings/too-short/file", host, 400);
        expect(HttpMethod.DELETE, "/api/recordings/too-short", host, 400);
        expect(HttpMethod.GET, "/api/meetings/-not-an-id/recordings", host, 400);
    }

    @Test
    void theFileIsServedInRangesAndOnlyOnceReady() {
        String host = TestTokens.account("acct-host");
        request(HttpMethod.GET, "/api/recordings/" + ready + "/file", host).expectStatus()
            .isOk()
            .expectHeader()
            .contentType("video/webm")
            .expectHeader()
            .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes");
        service.client()
            .get()
            .uri("/api/recordings/" + ready + "/file")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + host)
            .header(HttpHeaders.RANGE, "bytes=0-99")
            .exchange()
            .expectStatus()
            .isEqualTo(206)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-99/1000")
            .expectHeader()
            .contentLength(100);
        request(HttpMethod.GET, "/api/recordings/" + processing + "/file", host).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-ready");
    }

    private static String[] paths() {
        return new String[] { "/api/recordings/" + ready, "/api/recordings/" + ready + "/file",
                "/api/meetings/" + MEETING + "/recordings" };
    }

    private static void expect(HttpMethod method, String path, String token, int status) {
        var response = request(method, path, token).expectStatus().isEqualTo(status);
        if (status >= 400) {
            response.expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
        }
    }

    private static WebTestClient.ResponseSpec request(HttpMethod method, String path, String token) {
        var request = service.client().method(method).uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    private static String insert(String state) {
        return insert(MEETING, state);
    }

    private static String insert(String meetingId, String state) {
        String recordingId = Captures.recordingId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at, host_account_id, "
                        + "org_id, duration_seconds) values (?, ?, ?, ?, ?, 'acct-host', ?, 10)",
                recordingId, meetingId, state, now, now.plusSeconds(10), ORG);
        return recordingId;
    }

}
