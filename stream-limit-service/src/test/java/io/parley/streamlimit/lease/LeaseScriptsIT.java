package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.StreamLimitProperties.OverLimitPolicy;
import io.parley.support.redis.RedisScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The Lua scripts on their own, against a real Redis server. */
class LeaseScriptsIT {

    private static final Duration LONG = Duration.ofMinutes(5);

    private static final Duration SHORT = Duration.ofMillis(300);

    private static final Duration RETENTION = Duration.ofDays(1);

    private static LettuceConnectionFactory connections;

    private static ReactiveStringRedisTemplate redis;

    private static RedisScripts scripts;

    private static LeaseStore store;

    @BeforeAll
    static void connect() {
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        scripts = new RedisScripts(connections);
        store = new LeaseStore(redis, scripts, JsonMapper.builder().build());
    }

    @AfterAll
    static void disconnect() {
        scripts.destroy();
        connections.destroy();
    }

    @Test
    void admitsWhileUnderTheLimit() {
        String user = newUser();
        for (int i = 1; i <= 3; i++) {
            Acquisition acquisition = acquire(user, "s" + i, LONG, 3);
            assertThat(acquisition.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
            assertThat(acquisition.streamCount()).isEqualTo(i);
        }
        assertThat(redis.opsForZSet().size(LeaseKeys.leases(user)).block()).isEqualTo(3);
    }

    @Test
    void rejectsAtTheLimit() {
        String user = newUser();
        acquire(user, "s1", LONG, 2);
        acquire(user, "s2", LONG, 2);

        Acquisition third = acquire(user, "s3", LONG, 2);

        assertThat(third.outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
        assertThat(third.streamCount()).isEqualTo(2);
        assertThat(members(user)).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void freesTheSlotsOfExpiredLeasesAndReportsThem() {
        String user = newUser();
        acquire(user, "short", SHORT, 2);
        acquire(user, "long", LONG, 2);
        assertThat(acquire(user, "third", LONG, 2).outcome()).isEqualTo(Acquisition.Outcome.REJECTED);

        await().atMost(Duration.ofSeconds(5))
            .until(() -> redis.opsForZSet()
                .rangeByScore(LeaseKeys.leases(user),
                        org.springframework.data.domain.Range.closed(0.0, (double) System.currentTimeMillis() - 50))
                .collectList()
                .block()
                .size() == 1);
        Acquisition third = acquire(user, "third", LONG, 2);

        assertThat(third.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
        assertThat(third.streamCount()).isEqualTo(2);
        assertThat(third.expired()).extracting(ExpiredLease::streamId).containsExactly("short");
        assertThat(members(user)).containsExactlyInAnyOrder("long", "third");
    }

    @Test
    void startingAHeldStreamAgainRenewsItWithoutCountingTwice() {
        String user = newUser();
        Acquisition first = acquire(user, "same", LONG, 1);

        Acquisition again = acquire(user, "same", LONG, 1);

        assertThat(again.outcome()).isEqualTo(Acquisition.Outcome.RENEWED);
        assertThat(again.streamCount()).isEqualTo(1);
        assertThat(again.leaseExpiresAt()).isAfterOrEqualTo(first.leaseExpiresAt());
        assertThat(members(user)).containsExactly("same");
    }

    @Test
    void renewingExtendsAHeldLeaseAndNeverCreatesOne() {
        String user = newUser();
        Acquisition started = acquire(user, "s1", SHORT, 3);

        LeaseChange renewed = store.renew(user, "s1", LONG).block();
        LeaseChange missing = store.renew(user, "never-started", LONG).block();

        assertThat(renewed.changed()).isTrue();
        assertThat(renewed.leaseExpiresAt()).isAfter(started.leaseExpiresAt().plus(Duration.ofMinutes(4)));
        assertThat(missing.changed()).isFalse();
        assertThat(missing.streamCount()).isEqualTo(1);
        assertThat(members(user)).containsExactly("s1");
    }

    @Test
    void renewingAnExpiredLeaseFindsItGone() {
        String user = newUser();
        acquire(user, "s1", SHORT, 3);
        await().atMost(Duration.ofSeconds(5))
            .until(() -> store.active(user, java.time.Instant.now()).block().isEmpty());

        LeaseChange renewal = store.renew(user, "s1", LONG).block();

        assertThat(renewal.changed()).isFalse();
        assertThat(renewal.streamCount()).isZero();
        assertThat(renewal.expired()).extracting(ExpiredLease::streamId).containsExactly("s1");
    }

    @Test
    void endingTwiceNeverGoesBelowZero() {
        String user = newUser();
        acquire(user, "s1", LONG, 3);

        LeaseChange first = store.end(user, "s1").block();
        LeaseChange second = store.end(user, "s1").block();

        assertThat(first.changed()).isTrue();
        assertThat(first.streamCount()).isZero();
        assertThat(second.changed()).isFalse();
        assertThat(second.streamCount()).isZero();
    }

    @Test
    void evictOldestEndsTheLeaseClosestToExpiry() {
        String user = newUser();
        acquire(user, "oldest", LONG, 2);
        acquire(user, "newer", LONG.plusMinutes(1), 2);

        Acquisition third = store
            .acquire(user, "third", LONG.plusMinutes(2), 2, OverLimitPolicy.EVICT_OLDEST, RETENTION)
            .block();

        assertThat(third.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
        assertThat(third.streamCount()).isEqualTo(2);
        assertThat(third.evicted()).extracting(ExpiredLease::streamId).containsExactly("oldest");
        assertThat(members(user)).containsExactlyInAnyOrder("newer", "third");
    }

    @Test
    void endOldestTellsUnknownUsersFromUsersWithoutStreams() {
        String user = newUser();
        assertThat(store.endOldest(user, "seed:").block().status()).isEqualTo(OldestEnd.Status.UNKNOWN);

        acquire(user, "seed:a", LONG, 3);
        acquire(user, "other", LONG, 3);
        OldestEnd ended = store.endOldest(user, "seed:").block();
        OldestEnd none = store.endOldest(user, "seed:").block();

        assertThat(ended.status()).isEqualTo(OldestEnd.Status.ENDED);
        assertThat(ended.streamId()).isEqualTo("seed:a");
        assertThat(ended.streamCount()).isEqualTo(1);
        assertThat(none.status()).isEqualTo(OldestEnd.Status.NONE);
        assertThat(members(user)).containsExactly("other");
    }

    @Test
    void sweepRemovesOnlyExpiredLeasesAndNamesTheEarliestLeft() {
        String user = newUser();
        acquire(user, "short", SHORT, 3);
        Acquisition kept = acquire(user, "long", LONG, 3);
        await().atMost(Duration.ofSeconds(5))
            .until(() -> store.active(user, java.time.Instant.now()).block().size() == 1);

        Sweep sweep = store.sweep(user).block();
        Sweep again = store.sweep(user).block();

        assertThat(sweep.expired()).extracting(ExpiredLease::streamId).containsExactly("short");
        assertThat(sweep.earliestRemaining()).hasValue(kept.leaseExpiresAt().toEpochMilli());
        assertThat(again.expired()).isEmpty();
    }

    @Test
    void indexSettleKeepsAUserTouchedAfterItWasRead() {
        String user = newUser();
        Acquisition lease = acquire(user, "s1", SHORT, 3);
        store.touchIndex(user, lease.leaseExpiresAt(), 1).block();
        await().atMost(Duration.ofSeconds(5)).until(() -> dueUser(user) != null);
        DueUser read = dueUser(user);

        Sweep sweep = store.sweep(user).block();
        Acquisition newer = acquire(user, "s2", LONG, 3);
        store.touchIndex(user, newer.leaseExpiresAt(), 1).block();
        store.settleIndex(read, sweep.earliestRemaining(), sweep.expired().size()).block();

        Double score = redis.opsForZSet().score(LeaseKeys.INDEX_DUE, user).block();
        assertThat(score).isNotNull();
        assertThat(score.longValue()).isLessThanOrEqualTo(newer.leaseExpiresAt().toEpochMilli());
    }

    private DueUser dueUser(String user) {
        return store.dueUsers(java.time.Instant.now(), 10_000)
            .block()
            .stream()
            .filter(due -> due.userId().equals(user))
            .findFirst()
            .orElse(null);
    }

    private static Acquisition acquire(String user, String streamId, Duration ttl, int limit) {
        return store.acquire(user, streamId, ttl, limit, OverLimitPolicy.REJECT, RETENTION).block();
    }

    private static List<String> members(String user) {
        return redis.opsForZSet()
            .range(LeaseKeys.leases(user), org.springframework.data.domain.Range.unbounded())
            .collectList()
            .block();
    }

    private static String newUser() {
        return "u-" + UUID.randomUUID();
    }

}
