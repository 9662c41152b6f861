package io.parley.gateway;

import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class GatewayKeysUnavailableIT {

    @Test
    void answersServiceUnavailableWhenTheSigningKeysCannotBeFetched() {
        try (StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                        "--parley.tokens.jwks-uri=http://127.0.0.1:" + Ports.freePort() + "/.well-known/jwks.json")) {
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("u-k"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After");
        }
    }

}
