package io.parley.meeting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.parley.tokens.RsaKeys;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenSigner;

/**
 * Stands in for people-service's key endpoint: publishes the public half of a key the
 * test signs access tokens with, as people-service does, so meeting-service verifies them
 * the way it does in production (over HTTP).
 */
final class PeopleKeys {

    private static final RSAKey KEY = RsaKeys.generate();

    private static HttpServer server;

    private PeopleKeys() {
    }

    static synchronized String jwksUri() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** An access token for the account, member of the given organizations. */
    static String accessToken(String accountId, String name, String... orgIds) {
        Instant now = Instant.now();
        List<AccessToken.Membership> orgs = Arrays.stream(orgIds)
            .map(org -> new AccessToken.Membership(org, "member"))
            .toList();
        return new AccessTokenSigner(KEY, "parley").sign(new AccessToken(accountId, name, orgs,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now.plusSeconds(900)));
    }

}
