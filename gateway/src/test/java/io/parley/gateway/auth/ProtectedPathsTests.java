package io.parley.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class ProtectedPathsTests {

    private final ProtectedPaths paths = new ProtectedPaths(false);

    private TokenRequirement requirement(String method, String path) {
        return paths.requirementFor(HttpMethod.valueOf(method), path, false);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/meetings/m1/mute-all", "POST, /api/meetings/m1/participants/p2/mute",
            "DELETE, /api/meetings/m1/participants/p2", "POST, /api/meetings/m1/timer", "POST, /api/meetings/m1/lock",
            "POST, /api/meetings/m1/end", "POST, /api/streams", "PUT, /api/streams/s1/lease", "DELETE, /api/streams/s1",
            "GET, /api/streams", "POST, /api/quality/beacons", "GET, /ws/signaling", "POST, /api/meetings/m1/recording",
            "DELETE, /api/meetings/m1/recording" })
    void requiresAJoinTokenForHostControlsStreamsBeaconsAndSignaling(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.JOIN_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/quality/meetings/m1", "GET, /api/quality/meetings/m1/summary",
            "GET, /api/quality/meetings/m1/samples", "GET, /api/meetings/m1/recordings", "GET, /api/recordings/r1",
            "GET, /api/recordings/r1/file", "DELETE, /api/recordings/r1" })
    void requiresAJoinOrAnAccessTokenForQualityDataAndRecordings(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.JOIN_OR_ACCESS_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/meetings/m1", "POST, /api/tokens", "GET, /.well-known/jwks.json",
            "GET, /api/startstream/42", "GET, /api/endstream/42" })
    void verifiesAJoinTokenOnlyWhenPresentOnOpenMeetingPathsKeysAndTheSeedApi(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.JOIN_IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/meetings", "POST, /api/meetings/m1/participants" })
    void takesAnOptionalAccessTokenNeverAJoinTokenWhereMeetingsAreCreatedAndJoined(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.ACCESS_IF_PRESENT);
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true))
            .isEqualTo(TokenRequirement.ACCESS_IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/me", "PATCH, /api/me", "DELETE, /api/me", "POST, /api/me/password", "GET, /api/me/export",
            "GET, /api/me/sessions", "DELETE, /api/me/sessions", "DELETE, /api/me/sessions/s1", "GET, /api/me/meetings",
            "GET, /api/accounts", "GET, /api/accounts/a1", "GET, /api/session", "POST, /api/session/other",
            "POST, /api/orgs", "GET, /api/orgs/o1", "GET, /api/orgs/o1/members", "POST, /api/orgs/o1/invitations",
            "PATCH, /api/orgs/o1/members/a2", "DELETE, /api/orgs/o1/members/a2", "PUT, /api/orgs/o1/limits",
            "POST, /api/invitations/t1/accept", "GET, /api/invitations", "POST, /api/contacts/requests",
            "GET, /api/contacts/requests", "POST, /api/contacts/requests/r1/accept",
            "POST, /api/contacts/requests/r1/decline", "GET, /api/contacts", "DELETE, /api/contacts/c1",
            "POST, /api/contacts/c1/messages", "GET, /api/contacts/c1/messages", "POST, /api/contacts/c1/read",
            "POST, /api/contacts/c1/calls", "GET, /api/calls", "POST, /api/calls/k1/answer",
            "POST, /api/calls/k1/decline", "DELETE, /api/calls/k1", "POST, /api/blocks", "DELETE, /api/blocks/a2" })
    void requiresAnAccessTokenEverywhereOnPeopleService(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.ACCESS_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /ws/user", "GET, /api/quality/orgs/o1/trends" })
    void requiresAnAccessTokenOnTheUserSocketAndOrganizationTrendsEvenWithAnApiKey(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.ACCESS_REQUIRED);
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true))
            .isEqualTo(TokenRequirement.ACCESS_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/quality/meetings/m1", "GET, /api/quality/meetings/m1/samples" })
    void leavesQualityDataWithAnApiKeyToTheService(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.JOIN_OR_ACCESS_REQUIRED);
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true))
            .isEqualTo(TokenRequirement.JOIN_IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/me", "POST, /api/contacts/c1/messages" })
    void stillRequiresAnAccessTokenWithAnApiKeyWhichPeopleServiceDoesNotTake(String method, String path) {
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true))
            .isEqualTo(TokenRequirement.ACCESS_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/accounts", "POST, /api/session", "POST, /api/session/refresh", "DELETE, /api/session",
            "GET, /api/session/providers", "GET, /api/session/oidc/corp/start",
            "GET, /api/session/oidc/corp/callback" })
    void looksAtNoTokenWhenSigningUpInOrOutOrRefreshing(String method, String path) {
        assertThat(requirement(method, path)).isEqualTo(TokenRequirement.NONE);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/streams", "POST, /api/meetings/m1/end" })
    void leavesApiKeyRequestsForJoinTokenPathsToTheService(String method, String path) {
        assertThat(paths.requirementFor(HttpMethod.valueOf(method), path, true))
            .isEqualTo(TokenRequirement.JOIN_IF_PRESENT);
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/quality/beacons" })
    void acceptsAnonymousBeaconsWhenTheOperatorAllowsThem(String method, String path) {
        assertThat(new ProtectedPaths(true).requirementFor(HttpMethod.valueOf(method), path, false))
            .isEqualTo(TokenRequirement.JOIN_IF_PRESENT);
    }

}
