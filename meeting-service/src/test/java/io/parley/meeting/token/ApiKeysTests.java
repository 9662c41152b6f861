package io.parley.meeting.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ApiKeysTests {

    private static final String KEY = "s3cret-key-of-acme";

    private final ApiKeys keys = new ApiKeys(TestProperties.with(List.of(
            new MeetingProperties.ApiKey("acme", HexFormat.of().formatHex(ApiKeys.sha256(KEY))),
            new MeetingProperties.ApiKey("globex", "A".repeat(64)))));

    @Test
    void namesTheIntegrationWhoseKeyHashMatches() {
        assertThat(keys.caller(request(KEY))).contains("acme");
    }

    @Test
    void aRequestWithoutKeyHasNoCaller() {
        assertThat(keys.caller(MockServerHttpRequest.post("/api/meetings").build())).isEmpty();
    }

    @Test
    void aWrongKeyIsUnauthorizedNotAbsent() {
        for (String wrong : List.of("", "s3cret-key-of-acm", KEY + " ", "A".repeat(64))) {
            assertThatThrownBy(() -> keys.caller(request(wrong))).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    @Test
    void anEndpointThatNeedsAKeyRefusesARequestWithout() {
        assertThatThrownBy(() -> keys.requireCaller(MockServerHttpRequest.post("/api/tokens").build()))
            .isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void hashesAsTheDocumentedShellCommandDoes() {
        // printf %s abc | sha256sum
        assertThat(HexFormat.of().formatHex(ApiKeys.sha256("abc")))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static MockServerHttpRequest request(String key) {
        return MockServerHttpRequest.post("/api/meetings").header(ApiKeys.HEADER, key).build();
    }
}
