package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.events.MediaServers;
import io.parley.harness.JanusServerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The SFU metrics read from a real Janus's admin API, and what signaling does when that
 * Janus is killed: a 503-type error for the caller, the instance reported down (and no
 * longer vouched for in Redis), and the rooms usable again once Janus is back.
 */
class SfuMetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static LettuceConnectionFactory connections;

    private static ReactiveStringRedisTemplate redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @BeforeEach
    void forgetEarlierReadings() {
        redis.delete(MediaServers.AVAILABLE_KEY).block(TIMEOUT);
    }

    @Test
    void countsRoomsPublishersAndSubscribersAndForgetsTheOnesThatLeft() {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            Fixture sfu = new Fixture(janus);
            VideoRooms.Room room = sfu.rooms().create("meeting m-3").block(TIMEOUT);
            JanusClient client = JanusFixture.client(janus);
            long session = client.createSession().block(TIMEOUT);
            long handle = client.attach(session, JanusClient.VIDEOROOM).block(TIMEOUT);
            client
                .message(session, handle,
                        JsonNodeFactory.instance.objectNode()
                            .put("request", "join")
                            .put("ptype", "publisher")
                            .put("room", room.id())
                            .put("display", "Ada"))
                .block(TIMEOUT);

            sfu.metrics.refresh().block(TIMEOUT);

            assertThat(sfu.gauge("up", janus)).isEqualTo(1);
            assertThat(redis.opsForValue().get(MediaServers.AVAILABLE_KEY).block(TIMEOUT))
                .isEqualTo(janus.apiUri().getAuthority());
            assertThat(redis.getExpire(MediaServers.AVAILABLE_KEY).block(TIMEOUT)).isPositive();
            assertThat(sfu.gauge("rooms", janus)).isEqualTo(1);
            assertThat(sfu.gauge("publishers", janus)).isEqualTo(1);
            assertThat(sfu.gauge("subscribers", janus)).isZero();
            assertThat(sfu.rooms().participants(room.id()).block(TIMEOUT)).extracting(VideoRooms.Participant::display)
                .containsExactly("Ada");

            client.destroySession(session).block(TIMEOUT);
            sfu.rooms().destroy(room.id(), room.secret()).block(TIMEOUT);
            sfu.metrics.refresh().block(TIMEOUT);

            assertThat(sfu.gauge("rooms", janus)).isZero();
            assertThat(sfu.gauge("publishers", janus)).isZero();

            sfu.instances.destroy();

            // signaling's own control session is gone too: Janus holds nothing of it
            assertThat(client.admin("", "list_sessions").block(TIMEOUT).get("sessions")).isEmpty();
        }
    }

    @Test
    void answersUnavailableWhileJanusIsDeadAndWorksAgainOnceItIsBack() {
        try (JanusServerProcess janus = JanusServerProcess.startOnFreePorts(dir)) {
            Fixture sfu = new Fixture(janus);
            sfu.rooms().create("before").block(TIMEOUT);

            janus.kill();

            StepVerifier.create(sfu.rooms().create("while dead"))
                .expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(JanusUnavailableException.class)
                    .hasMessageContaining(janus.apiUri().getAuthority())
                    .extracting((error) -> ((JanusUnavailableException) error).getStatusCode().value())
                    .isEqualTo(503))
                .verify(TIMEOUT);
            sfu.metrics.refresh().block(TIMEOUT);
            assertThat(sfu.gauge("up", janus)).isZero();
            assertThat(sfu.gauge("rooms", janus)).isNaN();
            assertThat(redis.hasKey(MediaServers.AVAILABLE_KEY).block(TIMEOUT)).isFalse();

            janus.start();

            // the restarted Janus knows neither the control session nor the old room
            VideoRooms.Room room = sfu.rooms().create("after").block(TIMEOUT);
            assertThat(sfu.rooms().list().block(TIMEOUT)).extracting(VideoRooms.RoomSummary::id)
                .containsExactly(room.id());
            sfu.metrics.refresh().block(TIMEOUT);
            assertThat(sfu.gauge("up", janus)).isEqualTo(1);
            assertThat(sfu.gauge("rooms", janus)).isEqualTo(1);
            sfu.instances.destroy();
        }
    }

    /** The beans signaling builds, on one Janus. */
    private static final class Fixture {

        private final MeterRegistry registry = new SimpleMeterRegistry();

        private final JanusInstances instances;

        private final SfuMetrics metrics;

        Fixture(JanusServerProcess janus) {
            SfuProperties settings = JanusFixture.settings(janus, janus.apiSecret());
            this.instances = new JanusInstances(
                    new StaticListableBeanFactory().getBeanProvider(WebClient.Builder.class), settings);
            this.metrics = new SfuMetrics(instances, new SfuAvailability(redis, settings), settings, registry);
        }

        VideoRooms rooms() {
            return instances.all().get(0);
        }

        double gauge(String name, JanusServerProcess janus) {
            return registry.get("parley.signaling.sfu." + name)
                .tag("janus", janus.apiUri().getAuthority())
                .gauge()
                .value();
        }

    }

}
