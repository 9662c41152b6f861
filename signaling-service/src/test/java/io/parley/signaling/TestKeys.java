package io.parley.signaling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A signing key for test tokens and a live JWKS endpoint that publishes it, as
 * meeting-service would.
 */
public final class TestKeys implements AutoCloseable {

    private final RSAKey key = RsaKeys.generate();

    private final JoinTokenSigner signer = new JoinTokenSigner(key, "parley");

    private final LoopResources loops = LoopResources.create("jwks", 1, true);

    private final DisposableServer server;

    public TestKeys() {
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        server = HttpServer.create()
            .runOn(loops)
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/.well-known/jwks.json",
                    (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(jwks))))
            .bindNow();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.port() + "/.well-known/jwks.json";
    }

    public JoinToken participant(String meetingId, String name, Role role) {
        Instant now = Instant.now();
        return new JoinToken("user-" + UUID.randomUUID(), meetingId,
                "p-" + UUID.randomUUID().toString().substring(0, 8), name, role, UUID.randomUUID().toString(),
                now.minusSeconds(5), now.plus(Duration.ofHours(1)));
    }

    public String sign(JoinToken token) {
        return signer.sign(token);
    }

    String signWithAnotherKey(JoinToken token) {
        return new JoinTokenSigner(RsaKeys.generate(), "parley").sign(token);
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }

}
