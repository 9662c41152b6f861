package io.parley.meeting.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ApiKeysTests {

    private static final String KEY = "s3cret-key-of-acme";

    private final ApiKeys keys = new ApiKeys(TestProperties
        .with(List.of(new MeetingProperties.ApiKey("acme", HexFormat.of().formatHex(ApiKeys.sha256(KEY))),
                new MeetingProperties.ApiKey("globex", "A".repeat(64)))));

    @Test
    void namesTheIntegrationWhoseKeyHashMatches() {
        assertThat(keys.integration(caller(KEY))).contains("acme");
    }

    @Test
    void aRequestWithoutKeyHasNoCaller() {
        assertThat(keys.integration(new Caller("192.0.2.1", Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void aWrongKeyIsUnauthorizedNotAbsent() {
        for (String wrong : List.of("", "s3cret-key-of-acm", KEY + " ", "A".repeat(64))) {
            assertThatThrownBy(() -> keys.integration(caller(wrong))).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    @Test
    void anEndpointThatNeedsAKeyRefusesARequestWithout() {
        assertThatThrownBy(() -> keys.requireIntegration(new Caller("192.0.2.1", Optional.empty(), Optional.empty())))
            .isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void hashesAsTheDocumentedShellCommandDoes() {
        // printf %s abc | sha256sum
        assertThat(HexFormat.of().formatHex(ApiKeys.sha256("abc")))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static Caller caller(String key) {
        return new Caller("192.0.2.1", Optional.empty(), Optional.of(key));
    }

}
