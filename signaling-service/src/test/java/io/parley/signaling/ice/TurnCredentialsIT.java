package io.parley.signaling.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parley.harness.CoturnServerProcess;
import io.parley.harness.media.TurnClient;
import io.parley.signaling.SignalingProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The TURN credentials {@code welcome} hands out, tried on a real coturn that shares the
 * secret, as a relay-only browser would: an Allocate with them.
 */
class TurnCredentialsIT {

    @TempDir
    static Path dir;

    private static CoturnServerProcess coturn;

    @BeforeAll
    static void startCoturn() {
        coturn = CoturnServerProcess.startOnFreePort(dir);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void coturnGrantsARelayForTheCredentialsSignalingSigns() throws Exception {
        IceServers.IceServer turn = turnServer(coturn.secret(), Clock.systemUTC());

        TurnClient.Allocation allocation = client().allocate(turn.username(), turn.credential());

        assertThat(turn.urls()).containsExactly(coturn.uri());
        assertThat(allocation.granted()).isTrue();
        assertThat(allocation.relayedAddress()).startsWith(coturn.mediaAddress() + ":");
    }

    @Test
    void coturnRefusesCredentialsSignedWithAnotherSecret() throws Exception {
        IceServers.IceServer turn = turnServer("not-" + coturn.secret(), Clock.systemUTC());

        TurnClient.Allocation allocation = client().allocate(turn.username(), turn.credential());

        assertThat(allocation.granted()).isFalse();
        assertThat(allocation.errorCode()).isEqualTo(401);
    }

    @Test
    void coturnRefusesExpiredCredentials() throws Exception {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        IceServers.IceServer turn = turnServer(coturn.secret(), twoHoursAgo);

        TurnClient.Allocation allocation = client().allocate(turn.username(), turn.credential());

        assertThat(allocation.granted()).isFalse();
        assertThat(allocation.errorCode()).isEqualTo(401);
    }

    /**
     * The TURN entry of a {@code welcome}, from settings as application.yml binds them.
     */
    private static IceServers.IceServer turnServer(String secret, Clock clock) {
        Map<String, String> settings = Map.of("parley.signaling.instance-id", "turn-it",
                "parley.signaling.ice.turn-uris[0]", coturn.uri(), "parley.signaling.ice.turn-secret", secret);
        SignalingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
            .bind("parley.signaling", SignalingProperties.class)
            .get();
        List<IceServers.IceServer> servers = new IceServers(properties, clock).forUser("user-42");
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    private static TurnClient client() {
        return new TurnClient(new InetSocketAddress(coturn.mediaAddress(), coturn.port()), Duration.ofSeconds(2));
    }

}
