package io.parley.streamlimit.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.StreamLimitProperties.OverLimitPolicy;
import io.parley.streamlimit.lease.Acquisition;
import io.parley.streamlimit.lease.ExpiredLease;
import io.parley.streamlimit.lease.LeaseStore;
import io.parley.streamlimit.org.OrgLimitChange.ClearAll;
import io.parley.streamlimit.org.OrgLimitChange.RemoveOrg;
import io.parley.streamlimit.org.OrgLimitChange.SetLimit;
import io.parley.support.redis.RedisScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * acquire-v2.lua under organization limits, and org-limits-v1.lua on its own, against a
 * real Redis server.
 */
class OrgLimitScriptsIT {

    private static final Duration LONG = Duration.ofMinutes(5);

    private static final Duration RETENTION = Duration.ofDays(1);

    private static final int BASE = 3;

    private static LettuceConnectionFactory connections;

    private static ReactiveStringRedisTemplate redis;

    private static RedisScripts scripts;

    private static LeaseStore leases;

    private static OrgLimitsStore limits;

    @BeforeAll
    static void connect() {
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        scripts = new RedisScripts(connections);
        leases = new LeaseStore(redis, scripts, JsonMapper.builder().build());
        limits = new OrgLimitsStore(redis, scripts);
    }

    @AfterAll
    static void disconnect() {
        scripts.destroy();
        connections.destroy();
    }

    @Test
    void withoutOrganizationLimitsTheBaseLimitDecidesAndIsReported() {
        String user = newUser();
        for (int i = 1; i <= BASE; i++) {
            assertThat(acquire(user, "s" + i).limit()).isEqualTo(BASE);
        }
        Acquisition rejected = acquire(user, "s4");
        assertThat(rejected.outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
        assertThat(rejected.limit()).isEqualTo(BASE);
    }

    @Test
    void theLargestOrganizationLimitDecidesFromTheNextStartOn() {
        String user = newUser();
        apply(new SetLimit(user, "org-a", 2));
        assertThat(acquire(user, "s1").limit()).isEqualTo(2);
        assertThat(acquire(user, "s2").outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
        Acquisition third = acquire(user, "s3");
        assertThat(third.outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
        assertThat(third.streamCount()).isEqualTo(2);
        assertThat(third.limit()).isEqualTo(2);

        apply(new SetLimit(user, "org-b", 4));
        assertThat(acquire(user, "s3")).satisfies(admitted -> {
            assertThat(admitted.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
            assertThat(admitted.limit()).isEqualTo(4);
        });

        apply(new RemoveOrg(user, "org-b"));
        Acquisition overLowered = acquire(user, "s4");
        assertThat(overLowered.outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
        assertThat(overLowered.streamCount()).as("a lowered limit ends no lease").isEqualTo(3);
        assertThat(overLowered.limit()).isEqualTo(2);
        assertThat(acquire(user, "s1").outcome()).as("held leases still renew").isEqualTo(Acquisition.Outcome.RENEWED);

        apply(new ClearAll(user));
        assertThat(acquire(user, "s4")).satisfies(atBase -> {
            assertThat(atBase.outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
            assertThat(atBase.limit()).isEqualTo(BASE);
        });
        assertThat(redis.hasKey(OrgLimits.key(user)).block()).isFalse();
    }

    @Test
    void storedValuesThatAreNotWholeNumbersAreIgnored() {
        String user = newUser();
        redis.opsForHash().put(OrgLimits.key(user), "org-x", "abc").block();
        redis.opsForHash().put(OrgLimits.key(user), "org-y", "2.5").block();
        assertThat(acquire(user, "s1").limit()).isEqualTo(BASE);
        assertThat(limits.effectiveLimit(user, BASE).block()).isEqualTo(BASE);

        redis.opsForHash().put(OrgLimits.key(user), "org-z", "1").block();
        assertThat(acquire(user, "s2").outcome()).isEqualTo(Acquisition.Outcome.REJECTED);
        assertThat(limits.effectiveLimit(user, BASE).block()).isEqualTo(1);
    }

    @Test
    void evictOldestMakesRoomDownToALoweredLimit() {
        String user = newUser();
        acquire(user, "oldest");
        acquire(user, "middle");
        acquire(user, "newest");
        apply(new SetLimit(user, "org-a", 1));

        Acquisition next = leases.acquire(user, "next", LONG, BASE, OverLimitPolicy.EVICT_OLDEST, RETENTION).block();

        assertThat(next.outcome()).isEqualTo(Acquisition.Outcome.ADMITTED);
        assertThat(next.streamCount()).isEqualTo(1);
        assertThat(next.limit()).isEqualTo(1);
        assertThat(next.evicted()).extracting(ExpiredLease::streamId)
            .containsExactlyInAnyOrder("oldest", "middle", "newest");
    }

    @Test
    void anEventIdIsAppliedOnceSoARedeliveryNeverUndoesALaterChange() {
        String user = newUser();
        String first = UUID.randomUUID().toString();
        assertThat(limits.apply(first, new SetLimit(user, "org-a", 2)).block()).isTrue();
        assertThat(limits.apply(UUID.randomUUID().toString(), new SetLimit(user, "org-a", 5)).block()).isTrue();

        assertThat(limits.apply(first, new SetLimit(user, "org-a", 2)).block()).isFalse();
        assertThat(limits.stored(user).block()).containsExactly("5");

        assertThat(limits.apply(UUID.randomUUID().toString(), new ClearAll(user)).block()).isTrue();
        assertThat(limits.apply(first, new SetLimit(user, "org-a", 2)).block()).isFalse();
        assertThat(limits.stored(user).block()).isEmpty();
        Duration remembered = redis.getExpire(OrgLimits.appliedEventsKey(user)).block();
        assertThat(remembered).isPositive().isLessThanOrEqualTo(OrgLimitsStore.REMEMBER_EVENTS_FOR);
    }

    @Test
    void onlyTheLastEventIdsAreRemembered() {
        String user = newUser();
        String first = "event-0";
        for (int i = 0; i < OrgLimitsStore.REMEMBER_EVENTS + 5; i++) {
            limits.apply("event-" + i, new SetLimit(user, "org-a", 1 + i % 20)).block();
        }

        assertThat(redis.opsForZSet().size(OrgLimits.appliedEventsKey(user)).block())
            .isEqualTo(OrgLimitsStore.REMEMBER_EVENTS);
        assertThat(limits.apply(first, new SetLimit(user, "org-a", 1)).block()).as("forgotten, so applied").isTrue();
        assertThat(
                limits.apply("event-" + (OrgLimitsStore.REMEMBER_EVENTS + 4), new SetLimit(user, "org-a", 9)).block())
            .as("remembered")
            .isFalse();
    }

    private static void apply(OrgLimitChange change) {
        assertThat(limits.apply(UUID.randomUUID().toString(), change).block()).isTrue();
    }

    private static Acquisition acquire(String user, String streamId) {
        return leases.acquire(user, streamId, LONG, BASE, OverLimitPolicy.REJECT, RETENTION).block();
    }

    private static String newUser() {
        return "u-" + UUID.randomUUID();
    }

}
