package io.parley.meeting.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import org.springframework.stereotype.Component;

/**
 * API keys of server-side integrations, sent as {@code X-Api-Key}
 * ({@link Caller#apiKey()}). Only their SHA-256 hashes are configured, so a leaked
 * configuration does not leak the keys; a presented key is hashed and compared in
 * constant time with every configured hash.
 */
@Component
public class ApiKeys {

    private final List<Configured> keys;

    private record Configured(String name, byte[] hash) {
    }

    public ApiKeys(MeetingProperties properties) {
        this.keys = properties.apiKeys()
            .stream()
            .map(key -> new Configured(key.name(), HexFormat.of().parseHex(key.sha256())))
            .toList();
    }

    /**
     * The name of the integration whose key the caller presents; empty when it carries
     * none. A key that matches no configured hash is a 401, never treated as absent.
     */
    public Optional<String> integration(Caller caller) {
        return caller.apiKey()
            .map(presented -> authenticate(presented)
                .orElseThrow(() -> ApiProblem.apiKeyRequired("The API key is not valid.")));
    }

    public String requireIntegration(Caller caller) {
        return integration(caller).orElseThrow(() -> ApiProblem.apiKeyRequired("This endpoint needs an X-Api-Key."));
    }

    Optional<String> authenticate(String presented) {
        byte[] hash = sha256(presented);
        String match = null;
        for (Configured key : keys) {
            // no early exit: the time taken does not tell how many keys were compared
            if (MessageDigest.isEqual(hash, key.hash()) && match == null) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

}
