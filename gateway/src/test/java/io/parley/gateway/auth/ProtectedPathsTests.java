package io.parley.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class ProtectedPathsTests {

    private final ProtectedPaths paths = new ProtectedPaths(false);

    @ParameterizedTest
    @CsvSource({ "POST, /api/meetings/m1/mute-all", "POST, /api/meetings/m1/participants/p2/mute",
            "DELETE, /api/meetings/m1/participants/p2", "POST, /api/meetings/m1/timer", "POST, /api/meetings/m1/lock",
            "POST, /api/meetings/m1/end", "POST, /api/streams", "PUT, /api/streams/s1/lease", "DELETE, /api/streams/s1",
            "GET, /api/streams", "GET, /api/quality/meetings/m1", "GET, /api/quality/meetings/m1/summary",
            "POST, /api/quality/beacons", "GET, /ws/signaling" })
    void requiresATokenForHostControlsStreamsQualityAndSignaling(String method, String path) {
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, false)).isEqualTo(TokenRequirement.REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/meetings", "GET, /api/meetings/m1", "POST, /api/meetings/m1/participants",
            "POST, /api/tokens", "GET, /.well-known/jwks.json", "GET, /api/startstream/42", "GET, /api/endstream/42" })
    void leavesCreateJoinKeysAndTheSeedApiOpen(String method, String path) {
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, false))
            .isEqualTo(TokenRequirement.IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/streams", "POST, /api/meetings/m1/end" })
    void leavesApiKeyRequestsToTheService(String method, String path) {
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true)).isEqualTo(TokenRequirement.IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/quality/beacons" })
    void acceptsAnonymousBeaconsWhenTheOperatorAllowsThem(String method, String path) {
        assertThat(new ProtectedPaths(true).requirementFor(HttpMethod.valueOf(method), path, false))
            .isEqualTo(TokenRequirement.IF_PRESENT);
    }
}
