package io.parley.signaling.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.support.redis.RedisScripts;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * presence-beat-v2.lua through {@link PresenceStore#beat}, against a real Redis server.
 */
class PresenceBeatIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(7);

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

    private static PresenceEntry entry(String participantId, String instance, long lastSeen) {
        return new PresenceEntry(participantId, "Name " + participantId, "participant", "user-" + participantId,
                instance, true, false, lastSeen);
    }

    private static List<PresenceEntry> stored(String meetingId) {
        return presence.list(meetingId).block(Duration.ofSeconds(5));
    }

    @Test
    void refreshesTheEntriesThisInstanceHolds() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, entry("p-1", "a", NOW - 60_000)).block(Duration.ofSeconds(5));

        List<PresenceEntry> removed = presence
            .beat(meeting, List.of(entry("p-1", "a", NOW), entry("p-2", "a", NOW)), NOW, TIMEOUT, "a")
            .block(Duration.ofSeconds(5));

        assertThat(removed).isEmpty();
        assertThat(stored(meeting)).extracting(PresenceEntry::participantId, PresenceEntry::lastSeen)
            .containsExactlyInAnyOrder(Tuple.tuple("p-1", NOW), Tuple.tuple("p-2", NOW));
    }

    @Test
    void removesAndAnswersOnlyTheEntriesOfOtherInstancesPastTheTimeout() {
        String meeting = "m-" + UUID.randomUUID();
        PresenceEntry dead = entry("p-dead", "b", NOW - TIMEOUT.toMillis() - 1);
        presence.put(meeting, dead).block(Duration.ofSeconds(5));
        presence.put(meeting, entry("p-alive", "b", NOW - TIMEOUT.toMillis() + 1_000)).block(Duration.ofSeconds(5));
        presence.put(meeting, entry("p-mine", "a", NOW - 60_000)).block(Duration.ofSeconds(5));

        List<PresenceEntry> removed = presence.beat(meeting, List.of(), NOW, TIMEOUT, "a").block(Duration.ofSeconds(5));

        assertThat(removed).containsExactly(dead);
        assertThat(stored(meeting)).extracting(PresenceEntry::participantId)
            .containsExactlyInAnyOrder("p-alive", "p-mine");
    }

    @Test
    void aSecondInstanceFindsNothingLeftToAnnounce() {
        String meeting = "m-" + UUID.randomUUID();
        presence.put(meeting, entry("p-dead", "c", NOW - 60_000)).block(Duration.ofSeconds(5));

        List<PresenceEntry> first = presence.beat(meeting, List.of(), NOW, TIMEOUT, "a").block(Duration.ofSeconds(5));
        List<PresenceEntry> second = presence.beat(meeting, List.of(), NOW, TIMEOUT, "b").block(Duration.ofSeconds(5));

        assertThat(first).extracting(PresenceEntry::participantId).containsExactly("p-dead");
        assertThat(second).isEmpty();
    }

}
