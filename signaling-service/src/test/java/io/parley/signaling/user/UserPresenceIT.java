package io.parley.signaling.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.support.redis.RedisScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** user-presence-v3.lua through {@link UserPresence}, against a real Redis server. */
class UserPresenceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(7);

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final long NOW = 1_800_000_000_000L;

    private static LettuceConnectionFactory connections;

    private static RedisScripts scripts;

    private static UserPresence presence;

    @BeforeAll
    static void connect() {
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        scripts = new RedisScripts(connections);
        presence = new UserPresence(scripts, new ReactiveStringRedisTemplate(connections), TIMEOUT);
    }

    @AfterAll
    static void disconnect() {
        scripts.destroy();
        connections.destroy();
    }

    private static String account() {
        return "acct-" + UUID.randomUUID();
    }

    @Test
    void announcesOnlineOnTheFirstDeviceAndOfflineWhenTheLastOneLeaves() {
        String account = account();

        assertThat(presence.put(account, "u:a:1", NOW).block(WAIT)).isEqualTo("online");
        assertThat(presence.put(account, "u:b:2", NOW).block(WAIT)).isNull();
        assertThat(presence.put(account, "u:a:1", NOW + 3_000).block(WAIT)).isNull();
        assertThat(presence.remove(account, "u:a:1", NOW + 3_000).block(WAIT)).isNull();
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("online");

        assertThat(presence.remove(account, "u:b:2", NOW + 3_000).block(WAIT)).isEqualTo("offline");
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("offline");
    }

    @Test
    void refusesADeviceBeyondThePersonsMostButKeepsTheOnesConnected() {
        String account = account();
        assertThat(presence.join(account, "u:a:1", NOW, 2).block(WAIT)).isEqualTo("online");
        assertThat(presence.join(account, "u:b:2", NOW, 2).block(WAIT)).isNull();

        assertThatThrownBy(() -> presence.join(account, "u:a:3", NOW, 2).block(WAIT))
            .isInstanceOf(TooManyDevices.class);
        assertThat(presence.put(account, "u:a:1", NOW + 3_000).block(WAIT)).as("a connected device refreshes").isNull();
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("online");

        presence.remove(account, "u:b:2", NOW + 3_000).block(WAIT);
        assertThat(presence.join(account, "u:a:3", NOW + 3_000, 2).block(WAIT)).as("a freed place").isNull();
    }

    @Test
    void aDeviceOfADeadInstanceFreesItsPlaceOnceItsDeadlinePassed() {
        String account = account();
        presence.join(account, "u:dead:1", NOW, 1).block(WAIT);

        assertThatThrownBy(() -> presence.join(account, "u:alive:2", NOW + 1_000, 1).block(WAIT))
            .isInstanceOf(TooManyDevices.class);
        assertThat(presence.join(account, "u:alive:2", NOW + TIMEOUT.toMillis() + 1, 1).block(WAIT)).isNull();
    }

    @Test
    void reapsThePeopleOfADeadInstanceOnceTheirDeadlinePassed() {
        String gone = account();
        String stays = account();
        presence.put(gone, "u:dead:1", NOW).block(WAIT);
        presence.put(stays, "u:dead:2", NOW).block(WAIT);
        presence.put(stays, "u:alive:3", NOW + 6_000).block(WAIT);

        List<Map.Entry<String, String>> changes = presence.reap(NOW + TIMEOUT.toMillis() + 1).collectList().block(WAIT);

        assertThat(changes).contains(Map.entry(gone, "offline"));
        assertThat(changes.stream().map(Map.Entry::getKey)).doesNotContain(stays);
        assertThat(presence.states(List.of(gone, stays)).block(WAIT)).containsExactly("offline", "online");
    }

    @Test
    void aMeetingSocketShowsThePersonInACallUntilItLeaves() {
        String account = account();
        assertThat(presence.put(account, "u:a:1", NOW).block(WAIT)).isEqualTo("online");

        assertThat(presence.inCall(account, "m:meeting:p1", NOW).block(WAIT)).isEqualTo("in-call");
        assertThat(presence.put(account, "u:b:2", NOW).block(WAIT)).as("another device changes nothing").isNull();
        assertThat(presence.inCall(account, "m:meeting:p1", NOW + 3_000).block(WAIT)).as("a refresh").isNull();
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("in-call");

        assertThat(presence.leftCall(account, "m:meeting:p1", NOW + 3_000).block(WAIT)).isEqualTo("online");
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("online");
    }

    @Test
    void aPersonInACallWithoutAnOpenContactsPageIsInACallThenOffline() {
        String account = account();

        assertThat(presence.inCall(account, "m:one:p1", NOW).block(WAIT)).isEqualTo("in-call");
        assertThat(presence.inCall(account, "m:two:p2", NOW).block(WAIT)).as("a second meeting").isNull();
        assertThat(presence.leftCall(account, "m:one:p1", NOW).block(WAIT)).as("still in the second").isNull();

        assertThat(presence.leftCall(account, "m:two:p2", NOW).block(WAIT)).isEqualTo("offline");
        assertThat(presence.states(List.of(account)).block(WAIT)).containsExactly("offline");
    }

    @Test
    void meetingSocketsTakeNoDevicePlace() {
        String account = account();
        presence.inCall(account, "m:meeting:p1", NOW).block(WAIT);
        presence.inCall(account, "m:meeting:p2", NOW).block(WAIT);

        assertThat(presence.join(account, "u:a:1", NOW, 1).block(WAIT)).as("in a call, so no change").isNull();
        assertThatThrownBy(() -> presence.join(account, "u:a:2", NOW, 1).block(WAIT))
            .isInstanceOf(TooManyDevices.class);
    }

    @Test
    void theCallOfADeadInstanceEndsOnceItsDeadlinePassedWhileTheDevicesStay() {
        String inCallOnly = account();
        String withDevice = account();
        presence.inCall(inCallOnly, "m:meeting:p1", NOW).block(WAIT);
        presence.inCall(withDevice, "m:meeting:p2", NOW).block(WAIT);
        presence.put(withDevice, "u:alive:1", NOW + 6_000).block(WAIT);

        List<Map.Entry<String, String>> early = presence.reap(NOW + TIMEOUT.toMillis() - 1).collectList().block(WAIT);
        assertThat(early.stream().map(Map.Entry::getKey)).doesNotContain(inCallOnly, withDevice);

        List<Map.Entry<String, String>> changes = presence.reap(NOW + TIMEOUT.toMillis() + 1).collectList().block(WAIT);

        assertThat(changes).contains(Map.entry(inCallOnly, "offline"), Map.entry(withDevice, "online"));
        assertThat(presence.states(List.of(inCallOnly, withDevice)).block(WAIT)).containsExactly("offline", "online");
    }

}
