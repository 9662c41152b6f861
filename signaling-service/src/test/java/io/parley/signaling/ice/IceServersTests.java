package io.parley.signaling.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.parley.signaling.SignalingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IceServersTests {

    private static SignalingProperties properties(SignalingProperties.Ice ice) {
        return new SignalingProperties("i", DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), 50, 200,
                new SignalingProperties.Chat(2000, 2, 5, 100, Duration.ofHours(24)),
                new SignalingProperties.Presence(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                java.net.URI.create("http://m"), Duration.ofSeconds(2),
                new SignalingProperties.Leases(true, java.net.URI.create("http://s"), Duration.ofSeconds(10),
                        Duration.ofSeconds(2)),
                ice, new SignalingProperties.Users(java.net.URI.create("http://p"), Duration.ofSeconds(3),
                        Duration.ofMinutes(20), 20),
                Duration.ofSeconds(15));
    }

    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

    @Test
    void issuesTurnRestCredentialsThatExpire() {
        IceServers servers = new IceServers(properties(new SignalingProperties.Ice(List.of("stun:stun.example.org"),
                List.of("turn:turn.example.org:3478"), "north", Duration.ofHours(1))), clock);

        List<IceServers.IceServer> list = servers.forUser("user-7");

        assertThat(list).hasSize(2);
        assertThat(list.get(0).urls()).containsExactly("stun:stun.example.org");
        IceServers.IceServer turn = list.get(1);
        assertThat(turn.username()).isEqualTo("1700003600:user-7");
        assertThat(turn.credential()).isEqualTo(IceServers.hmac("north", "1700003600:user-7"));
    }

    @Test
    void computesTheCredentialAsCoturnDoes() {
        // base64(HMAC-SHA1(secret, username)), computed independently with Python's hmac
        // module
        assertThat(IceServers.hmac("north", "1700003600:user-7")).isEqualTo("DBo1hRh6Tokc545L/V31PaUD+is=");
        assertThat(IceServers.hmac("north", "a")).isNotEqualTo(IceServers.hmac("south", "a"));
    }

    @Test
    void offersNoTurnWithoutASecret() {
        IceServers servers = new IceServers(properties(
                new SignalingProperties.Ice(List.of(), List.of("turn:turn.example.org"), "", Duration.ofHours(1))),
                clock);

        assertThat(servers.forUser("u")).isEmpty();
    }

}
