package io.parley.signaling.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.support.redis.RedisScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * hand-v1.lua, and the hand kept by presence-put and presence-beat when they rewrite an
 * entry from a socket's state, against a real Redis server.
 */
class RaisedHandsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final long NOW = 1_800_000_000_000L;

    private static LettuceConnectionFactory connections;

    private static RedisScripts scripts;

    private static PresenceStore presence;

    @BeforeAll
    static void connect() {
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        scripts = new RedisScripts(connections);
        presence = new PresenceStore(new ReactiveStringRedisTemplate(connections), scripts,
                new ServerMessages(JsonMapper.builder().build()));
    }

    @AfterAll
    static void disconnect() {
        scripts.destroy();
        connections.destroy();
    }

    /** An entry as a socket sees it: the socket does not know the hand. */
    private static PresenceEntry fromSocket(String participantId, String instance, boolean audio, long lastSeen) {
        return new PresenceEntry(participantId, "Zoë " + participantId, "participant", "user-" + participantId,
                instance, audio, true, lastSeen);
    }

    private static Long raisedAt(String meetingId, String participantId) {
        return presence.list(meetingId)
            .block(WAIT)
            .stream()
            .filter(entry -> entry.participantId().equals(participantId))
            .findFirst()
            .orElseThrow()
            .raisedAt();
    }

    @Test
    void raisesWithTheServerTimeAndKeepsTheFirstTimeWhenRaisedAgain() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);

        PresenceEntry raised = presence.hand(meeting, "p-1", NOW + 10).block(WAIT);
        PresenceEntry again = presence.hand(meeting, "p-1", NOW + 20).block(WAIT);

        assertThat(raised.raisedAt()).isEqualTo(NOW + 10);
        assertThat(raised.view().raisedAt()).isEqualTo(NOW + 10);
        assertThat(raised.name()).isEqualTo("Zoë p-1");
        assertThat(again.raisedAt()).isEqualTo(NOW + 10);
        assertThat(raisedAt(meeting, "p-1")).isEqualTo(NOW + 10);
    }

    @Test
    void lowersAndLoweringALoweredHandChangesNothing() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);
        presence.hand(meeting, "p-1", NOW + 10).block(WAIT);

        assertThat(presence.hand(meeting, "p-1", null).block(WAIT).raisedAt()).isNull();
        assertThat(presence.hand(meeting, "p-1", null).block(WAIT).raisedAt()).isNull();
        assertThat(raisedAt(meeting, "p-1")).isNull();
    }

    @Test
    void answersNothingForAParticipantNotInTheMeeting() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);

        assertThat(presence.hand(meeting, "p-absent", NOW).blockOptional(WAIT)).isEmpty();
        assertThat(presence.list(meeting).block(WAIT)).extracting(PresenceEntry::participantId).containsExactly("p-1");
    }

    @Test
    void aMuteChangeOrAReconnectKeepsTheStoredHand() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);
        presence.hand(meeting, "p-1", NOW + 10).block(WAIT);

        PresenceEntry muted = presence.store(meeting, fromSocket("p-1", "a", false, NOW + 20)).block(WAIT);
        PresenceEntry reconnected = presence.store(meeting, fromSocket("p-1", "b", true, NOW + 30)).block(WAIT);

        assertThat(muted.audio()).isFalse();
        assertThat(muted.raisedAt()).isEqualTo(NOW + 10);
        assertThat(reconnected.instance()).isEqualTo("b");
        assertThat(reconnected.raisedAt()).isEqualTo(NOW + 10);
    }

    @Test
    void aHeartbeatKeepsTheStoredHandsOfTheEntriesItRefreshes() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);
        presence.put(meeting, fromSocket("p-2", "a", true, NOW)).block(WAIT);
        presence.hand(meeting, "p-1", NOW + 10).block(WAIT);

        presence
            .beat(meeting,
                    List.of(fromSocket("p-1", "a", true, NOW + 5_000), fromSocket("p-2", "a", true, NOW + 5_000)),
                    NOW + 5_000, Duration.ofSeconds(7), "a")
            .block(WAIT);

        assertThat(raisedAt(meeting, "p-1")).isEqualTo(NOW + 10);
        assertThat(raisedAt(meeting, "p-2")).isNull();
        assertThat(presence.list(meeting).block(WAIT)).extracting(PresenceEntry::lastSeen).containsOnly(NOW + 5_000);
    }

    @Test
    void aParticipantThatLeftAndCameBackStartsWithItsHandDown() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);
        presence.hand(meeting, "p-1", NOW + 10).block(WAIT);

        assertThat(presence.remove(meeting, "p-1", "a").block(WAIT)).isTrue();
        PresenceEntry back = presence.store(meeting, fromSocket("p-1", "a", true, NOW + 20)).block(WAIT);

        assertThat(back.raisedAt()).isNull();
    }

    @Test
    void aSocketClosingLateOnItsOldInstanceLeavesTheEntryItsReconnectWroteElsewhere() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, fromSocket("p-1", "a", true, NOW)).block(WAIT);
        presence.store(meeting, fromSocket("p-1", "b", true, NOW + 20)).block(WAIT);

        assertThat(presence.remove(meeting, "p-1", "a").block(WAIT)).isFalse();

        assertThat(presence.list(meeting).block(WAIT)).extracting(PresenceEntry::instance).containsExactly("b");
        assertThat(presence.remove(meeting, "p-1", "b").block(WAIT)).isTrue();
        assertThat(presence.list(meeting).block(WAIT)).isEmpty();
    }

}
