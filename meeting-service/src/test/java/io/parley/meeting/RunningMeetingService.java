package io.parley.meeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.events.MediaServers;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.harness.http.OversizedBodies;
import io.parley.support.lifecycle.PeriodicTask;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.RsaKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real meeting-service on a free port, on real Redis and Kafka, signing with a key
 * the test also holds (so tests can forge expired or foreign tokens with the right
 * signature).
 */
final class RunningMeetingService implements AutoCloseable {

    /**
     * The key every test instance signs with, unless a test passes its own keys
     * directory.
     */
    static final RSAKey KEY = RsaKeys.generate();

    private final ConfigurableApplicationContext context;

    private RunningMeetingService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningMeetingService start(String... extraArgs) {
        return start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(), extraArgs);
    }

    static RunningMeetingService start(RedisServerProcess redis, KafkaBrokerProcess kafka, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        // tests that bring their own keys (or none, to have one generated) say where; the
        // others share KEY
        if (List.of(extraArgs)
            .stream()
            .noneMatch(arg -> arg.startsWith("--parley.meetings.tokens.keys-dir=")
                    || arg.startsWith("--parley.meetings.tokens.data-dir="))) {
            args.add("--parley.meetings.tokens.keys-dir=" + keysDir());
        }
        // every test class creates its meetings from 127.0.0.1 against the one Redis of
        // the test JVM: the cap per
        // address would trip over meetings other classes created; CreationLimitsIT sets
        // its own
        String perAddress = "--parley.meetings.creation-limits.per-address=";
        if (List.of(extraArgs).stream().noneMatch(arg -> arg.startsWith(perAddress))) {
            args.add(perAddress + Integer.MAX_VALUE);
        }
        args.addAll(List.of(extraArgs));
        RunningMeetingService service = new RunningMeetingService(
                new SpringApplicationBuilder(MeetingServiceApplication.class).run(args.toArray(String[]::new)));
        service.mediaServerAnswers(true);
        return service;
    }

    /**
     * What signaling says in Redis about its Janus instances (here none runs): by default
     * that one answers, so hosts may record.
     */
    void mediaServerAnswers(boolean answers) {
        ReactiveStringRedisTemplate redis = bean(ReactiveStringRedisTemplate.class);
        (answers ? redis.opsForValue().set(MediaServers.AVAILABLE_KEY, "test-janus")
                : redis.delete(MediaServers.AVAILABLE_KEY))
            .block(Duration.ofSeconds(10));
    }

    private static Path keysDir;

    private static synchronized Path keysDir() {
        if (keysDir == null) {
            try {
                keysDir = Files.createTempDirectory("meeting-keys-");
                Files.writeString(keysDir.resolve("signing-key.json"), new JWKSet(KEY).toString(false));
                keysDir.toFile().deleteOnExit();
                keysDir.resolve("signing-key.json").toFile().deleteOnExit();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return keysDir;
    }

    static JoinTokenSigner signer() {
        return new JoinTokenSigner(KEY, "parley");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * The client for a request with this body: one the service refuses unread goes on a
     * connection of its own.
     */
    WebTestClient clientFor(String body) {
        return body != null && body.length() > 16 * 1024 ? OversizedBodies.client(baseUrl()) : client();
    }

    /**
     * Stops the instance's background tasks (outbox drainer, recording deadlines), as if
     * it had died, while its web server keeps running: closing one of several contexts in
     * a JVM would also dispose the Reactor Netty resources the others share.
     */
    void stopBackgroundTasks() {
        context.getBeansOfType(PeriodicTask.class).values().forEach(PeriodicTask::stop);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

}
