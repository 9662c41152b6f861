package io.parley.streamlimit.caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.parley.streamlimit.StreamLimitProperties.ApiKey;

/**
 * The configured API keys, held only as SHA-256 hashes: a presented key is hashed and
 * looked up, so neither the configuration nor a heap dump reveals a usable key.
 */
public final class ApiKeys {

    private final Map<String, String> tenantsByHash = new HashMap<>();

    public ApiKeys(List<ApiKey> keys) {
        for (ApiKey key : keys) {
            String previous = tenantsByHash.put(key.sha256().toLowerCase(Locale.ROOT), key.tenant());
            if (previous != null && !previous.equals(key.tenant())) {
                throw new IllegalArgumentException(
                        "One API key hash is configured for tenants " + previous + " and " + key.tenant());
            }
        }
    }

    /** The tenant the key belongs to, or empty for an unknown key. */
    public Optional<String> tenantOf(String presentedKey) {
        return Optional.ofNullable(tenantsByHash.get(sha256(presentedKey)));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

}
