package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import io.parley.signaling.ServiceProcess;
import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.SignalingProperties;
import io.parley.signaling.TestKeys;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.Outbound;
import io.parley.signaling.session.TokenBucket;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Hooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leases for the camera videos a participant receives on the SFU, against the real
 * stream-limit-service with its default limit of three streams per person.
 */
class VideoLeasesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestKeys keys;

    private static ServiceProcess streamLimit;

    private static StreamLeases leases;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        streamLimit = ServiceProcess.streamLimit(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri());
        leases = leasesAt(URI.create(streamLimit.baseUrl()));
    }

    @AfterAll
    static void stop() {
        streamLimit.close();
        keys.close();
    }

    @Test
    void takesALeasePerVideoBeyondTheFirstUntilTheLimit() throws Exception {
        Connection ada = joined(leases);
        VideoLeases videos = new VideoLeases(leases, ada, () -> 0, () -> {
        });

        videos.cover(5).block(WAIT);

        assertThat(videos.allowed()).isEqualTo(3);
        assertThat(videos.limited()).isTrue();
        assertThat(activeStreams(ada)).containsExactlyInAnyOrder(joinLease(ada), joinLease(ada) + ":video-2",
                joinLease(ada) + ":video-3");
    }

    @Test
    void givesBackTheLeasesOfVideosNoLongerWantedAndAllWhenItLeaves() throws Exception {
        Connection ada = joined(leases);
        VideoLeases videos = new VideoLeases(leases, ada, () -> 0, () -> {
        });
        videos.cover(3).block(WAIT);

        videos.cover(2).block(WAIT);

        assertThat(videos.allowed()).isEqualTo(2);
        assertThat(videos.limited()).isFalse();
        assertThat(activeStreams(ada)).containsExactlyInAnyOrder(joinLease(ada), joinLease(ada) + ":video-2");

        videos.releaseAll().block(WAIT);

        assertThat(activeStreams(ada)).containsExactly(joinLease(ada));
    }

    @Test
    void aStreamHeldElsewhereLeavesOneVideoLessUntilItEnds() throws Exception {
        Connection ada = joined(leases);
        JoinToken elsewhere = sameSubject(ada.token());
        String elsewhereToken = keys.sign(elsewhere);
        assertThat(leases.acquire(elsewhere, elsewhereToken).block(WAIT)).isEqualTo(StreamLeases.Outcome.ADMITTED);
        VideoLeases videos = new VideoLeases(leases, ada, () -> 0, () -> {
        });

        videos.cover(3).block(WAIT);
        assertThat(videos.allowed()).isEqualTo(2);
        assertThat(videos.limited()).isTrue();

        leases.release(elsewhere, elsewhereToken).block(WAIT);
        videos.renewHeld().then(videos.cover(3)).block(WAIT);

        assertThat(videos.allowed()).isEqualTo(3);
        assertThat(videos.limited()).isFalse();
    }

    @Test
    void aLeaseTheServiceLostIsTakenAgainAtRenewal() throws Exception {
        Connection ada = joined(leases);
        VideoLeases videos = new VideoLeases(leases, ada, () -> 0, () -> {
        });
        videos.cover(2).block(WAIT);
        leases.release(joinLease(ada) + ":video-2", ada.rawToken()).block(WAIT);

        videos.renewHeld().block(WAIT);

        assertThat(videos.allowed()).isEqualTo(2);
        assertThat(activeStreams(ada)).contains(joinLease(ada) + ":video-2");
    }

    @Test
    void changesAskedForTogetherRunOneAfterTheOtherAndSayWhenAllAreDone() throws Exception {
        Connection ada = joined(leases);
        AtomicInteger wanted = new AtomicInteger(3);
        CountDownLatch done = new CountDownLatch(1);
        VideoLeases videos = new VideoLeases(leases, ada, wanted::get, done::countDown);

        videos.cover();
        videos.cover();
        videos.renew();

        assertThat(done.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(videos.changing()).isFalse();
        assertThat(videos.allowed()).isEqualTo(3);
        assertThat(activeStreams(ada)).hasSize(3);

        videos.release();
        await().atMost(WAIT).untilAsserted(() -> assertThat(activeStreams(ada)).containsExactly(joinLease(ada)));
        videos.cover();
        assertThat(videos.changing()).as("nothing is asked for after the release").isFalse();
    }

    @Test
    void withTheServiceUnreachableNoVideoBeyondTheFirstIsReceivedUntilARenewalGetsIt() throws Exception {
        StreamLeases unreachable = leasesAt(URI.create("http://127.0.0.1:" + Ports.freePort()));
        Connection ada = joined(leases);

        VideoLeases cut = new VideoLeases(unreachable, ada, () -> 0, () -> {
        });
        cut.cover(4).block(WAIT);

        assertThat(cut.allowed()).isEqualTo(1);
        assertThat(cut.limited()).as("not known to be at the limit").isFalse();
        assertThat(activeStreams(ada)).containsExactly(joinLease(ada));
    }

    @Test
    void aChangeThatCannotBeWorkedOutTakesNoLeaseAndTheNextOneStillRuns() throws Exception {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            Connection ada = joined(leases);
            AtomicInteger asked = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            VideoLeases videos = new VideoLeases(leases, ada, () -> {
                if (asked.incrementAndGet() == 1) {
                    throw new IllegalStateException("the videos wanted are not known");
                }
                return 2;
            }, () -> {
                first.countDown();
                second.countDown();
            });

            videos.cover();
            assertThat(first.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(videos.allowed()).isEqualTo(1);
            assertThat(activeStreams(ada)).containsExactly(joinLease(ada));

            videos.cover();
            assertThat(second.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(videos.allowed()).isEqualTo(2);
            assertThat(dropped).isEmpty();
        }
        finally {
            Hooks.resetOnErrorDropped();
        }
    }

    @Test
    void whatFailsAfterAChangeIsHandledRatherThanDropped() throws Exception {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            Connection ada = joined(leases);
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            VideoLeases videos = new VideoLeases(leases, ada, () -> 2, () -> {
                first.countDown();
                second.countDown();
                throw new IllegalStateException("the subscription cannot follow");
            });

            videos.cover();
            assertThat(first.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            videos.renew();

            assertThat(second.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(videos.allowed()).isEqualTo(2);
            assertThat(dropped).isEmpty();
        }
        finally {
            Hooks.resetOnErrorDropped();
        }
    }

    private static Connection joined(StreamLeases leases) {
        JoinToken token = keys.participant("m-" + UUID.randomUUID(), "Ada", Role.PARTICIPANT);
        String raw = keys.sign(token);
        assertThat(leases.acquire(token, raw).block(WAIT)).isEqualTo(StreamLeases.Outcome.ADMITTED);
        return new Connection(token, raw, new Outbound(64_000), new TokenBucket(50, 200, System.nanoTime()),
                new TokenBucket(2, 5, System.nanoTime()));
    }

    private static JoinToken sameSubject(JoinToken token) {
        JoinToken other = keys.participant("m-" + UUID.randomUUID(), "Ada", Role.PARTICIPANT);
        return new JoinToken(token.subject(), other.meetingId(), other.participantId(), other.name(), other.role(),
                other.id(), other.issuedAt(), other.expiresAt());
    }

    private static String joinLease(Connection connection) {
        return StreamLeases.streamId(connection.token());
    }

    private static List<String> activeStreams(Connection connection) throws Exception {
        HttpResponse<String> response = HTTP
            .send(HttpRequest.newBuilder(URI.create(streamLimit.baseUrl() + "/api/streams"))
                .header("Authorization", "Bearer " + connection.rawToken())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        List<String> ids = new ArrayList<>();
        body.path("streams").forEach((stream) -> ids.add(stream.path("streamId").asString()));
        return ids;
    }

    private static StreamLeases leasesAt(URI streamLimitUri) {
        SignalingProperties properties = new SignalingProperties("video-leases-it", DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(1), 50, 200, new SignalingProperties.Chat(2000, 2, 5, 100, Duration.ofHours(24)),
                new SignalingProperties.Presence(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2),
                new SignalingProperties.Leases(true, streamLimitUri, Duration.ofSeconds(10), Duration.ofSeconds(5)),
                null, null, Duration.ofSeconds(15));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("webClientBuilder", WebClient.builder());
        return new StreamLeases(beans.getBeanProvider(WebClient.Builder.class), properties,
                new SignalingMetrics(new SimpleMeterRegistry()));
    }

}
