package io.parley.signaling.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.parley.signaling.SignalingProperties;
import org.springframework.stereotype.Component;

/**
 * ICE servers for {@code welcome}. TURN credentials follow the TURN REST API that coturn
 * implements ({@code use-auth-secret}): username {@code <expiry>:<user>}, password
 * base64(HMAC-SHA1(secret, username)), so they expire on their own and need no shared
 * state with the TURN server beyond the secret.
 */
@Component
public class IceServers {

    public record IceServer(List<String> urls, String username, String credential) {
    }

    private final SignalingProperties.Ice ice;

    private final Clock clock;

    public IceServers(SignalingProperties properties, Clock clock) {
        this.ice = properties.ice();
        this.clock = clock;
    }

    public List<IceServer> forUser(String userId) {
        List<IceServer> servers = new ArrayList<>();
        if (!ice.stunUris().isEmpty()) {
            servers.add(new IceServer(ice.stunUris(), null, null));
        }
        if (!ice.turnUris().isEmpty() && !ice.turnSecret().isBlank()) {
            long expiry = clock.instant().plus(ice.turnCredentialTtl()).getEpochSecond();
            String username = expiry + ":" + userId;
            servers.add(new IceServer(ice.turnUris(), username, hmac(ice.turnSecret(), username)));
        }
        return servers;
    }

    static String hmac(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA1 is not available", ex);
        }
    }

}
