package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.parley.tokens.keys.Pem;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the signing keys come from, and how tokens survive restarts and key rotations.
 */
class TokenKeysIT {

    @TempDir
    Path dir;

    @Test
    void generatesADevelopmentKeyOnFirstStartAndKeepsItAcrossRestarts() throws Exception {
        String dataDir = "--parley.meetings.tokens.data-dir=" + dir;
        String kid;
        MeetingApiClient.Created created;
        try (RunningMeetingService first = RunningMeetingService.start(dataDir)) {
            created = new MeetingApiClient(first.client()).create("Ada");
            kid = SignedJWT.parse(created.hostToken()).getHeader().getKeyID();
            assertThat(jwks(first).getKeyByKeyId(kid)).isNotNull();
        }
        assertThat(Files.list(dir.resolve("keys"))).hasSize(1);

        try (RunningMeetingService second = RunningMeetingService.start(dataDir)) {
            assertThat(jwks(second).getKeys()).singleElement()
                .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(kid));
            new MeetingApiClient(second.client())
                .post("/api/meetings/{id}/lock", created.hostToken(), created.meetingId())
                .expectStatus()
                .isNoContent();
        }
    }

    @Test
    void signsWithTheNewestKeyAndStillAcceptsTokensOfTheOlderOne() throws Exception {
        RSAKey older = RsaKeys.generate();
        RSAKey newer = RsaKeys.generate();
        // as the Helm chart mounts them: its first key in PKCS#1, a rotation added later
        Files.writeString(dir.resolve("signing-key.pem"), Pem.pkcs1(older));
        Files.writeString(dir.resolve("signing-key-20260301.pem"), Pem.pkcs8(newer));

        try (RunningMeetingService service = RunningMeetingService.start("--parley.meetings.tokens.keys-dir=" + dir)) {
            MeetingApiClient api = new MeetingApiClient(service.client());
            var created = api.create("Ada");

            JWKSet published = jwks(service);
            assertThat(published.getKeys()).hasSize(2).noneMatch(key -> key.isPrivate());
            assertThat(SignedJWT.parse(created.hostToken()).getHeader().getKeyID())
                .isEqualTo(newer.computeThumbprint().toString());

            RSAKey olderWithKid = new RSAKey.Builder(older).keyIDFromThumbprint().build();
            String oldToken = new JoinTokenSigner(olderWithKid, "parley")
                .sign(new JoinToken("guest:old", created.meetingId(), created.hostId(), "Ada", Role.HOST,
                        UUID.randomUUID().toString(), Instant.now(), Instant.now().plusSeconds(600)));
            api.post("/api/meetings/{id}/mute-all", oldToken, created.meetingId()).expectStatus().isNoContent();
        }
    }

    @Test
    void refusesToStartWithATokenLifetimeBeyondWhatRevocationsCover() {
        assertThatThrownBy(() -> RunningMeetingService.start("--parley.meetings.tokens.lifetime=13h"))
            .hasStackTraceContaining("parley.tokens.max-lifetime");
    }

    @Test
    void refusesToStartWithoutKeysInTheConfiguredDirectory() {
        assertThatThrownBy(() -> RunningMeetingService.start("--parley.meetings.tokens.keys-dir=" + dir))
            .hasStackTraceContaining("No token keys");
    }

    private static JWKSet jwks(RunningMeetingService service) throws Exception {
        return JWKSet.parse(service.client()
            .get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
    }

}
