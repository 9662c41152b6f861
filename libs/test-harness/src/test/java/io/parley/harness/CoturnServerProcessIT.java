package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.parley.harness.media.TurnClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoturnServerProcessIT {

    @TempDir
    Path dir;

    @Test
    void grantsARelayOnTheHostAddressForACredentialSignedWithItsSecret() throws Exception {
        try (CoturnServerProcess coturn = CoturnServerProcess.startOnFreePort(dir)) {
            String username = Instant.now().plusSeconds(600).getEpochSecond() + ":alice";

            TurnClient.Allocation allocation = client(coturn).allocate(username, sign(coturn.secret(), username));

            assertThat(allocation.granted()).isTrue();
            assertThat(allocation.relayedAddress()).startsWith(coturn.mediaAddress() + ":");
        }
    }

    @Test
    void refusesACredentialSignedWithAnotherSecret() throws Exception {
        try (CoturnServerProcess coturn = CoturnServerProcess.startOnFreePort(dir)) {
            String username = Instant.now().plusSeconds(600).getEpochSecond() + ":alice";

            TurnClient.Allocation allocation = client(coturn).allocate(username, sign("not-the-secret", username));

            assertThat(allocation.granted()).isFalse();
            assertThat(allocation.errorCode()).isEqualTo(401);
        }
    }

    @Test
    void answersAgainAfterAKillAndStart() {
        try (CoturnServerProcess coturn = CoturnServerProcess.startOnFreePort(dir)) {
            coturn.kill();
            assertThat(client(coturn).answersBinding()).isFalse();

            coturn.start();
            assertThat(client(coturn).answersBinding()).isTrue();
        }
    }

    private static TurnClient client(CoturnServerProcess coturn) {
        return new TurnClient(new InetSocketAddress(coturn.mediaAddress(), coturn.port()), Duration.ofSeconds(2));
    }

    private static String sign(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }

}
