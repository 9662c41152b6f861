package io.parley.support.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

class RedisScriptsIT {

    private static final LuaScript ADD = LuaScript.integer("test-add-v1.lua");

    private static final LuaScript ECHO = LuaScript.list("test-echo-v1.lua");

    private static final LuaScript PICK = LuaScript.text("test-pick-v1.lua");

    private static LettuceConnectionFactory connections;

    private static RedisScripts scripts;

    @BeforeAll
    static void connect() {
        RedisServerProcess redis = SharedInfrastructure.redis();
        connections = connectionFactory(redis);
        scripts = new RedisScripts(connections);
    }

    @AfterAll
    static void disconnect() {
        scripts.destroy();
        connections.destroy();
    }

    private static LettuceConnectionFactory connectionFactory(RedisServerProcess redis) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.host(), redis.port()),
                LettuceClientConfiguration.builder()
                    .commandTimeout(Duration.ofSeconds(2))
                    .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                    .build());
        factory.afterPropertiesSet();
        return factory;
    }

    private static String key() {
        return "test:{" + UUID.randomUUID() + "}";
    }

    @Test
    void runsAnIntegerScript() {
        String counter = key();

        StepVerifier
            .create(scripts.integer(ADD, List.of(counter), "5").then(scripts.integer(ADD, List.of(counter), "2")))
            .expectNext(7L)
            .verifyComplete();
    }

    @Test
    void keepsIntegersAsLongsAndTextAsStringsInAListReply() {
        StepVerifier.create(scripts.list(ECHO, List.of(key()), "hello", "42"))
            .expectNext(List.of("hello", 42L, "none"))
            .verifyComplete();
    }

    @Test
    void answersTextOrNothingForNil() {
        StepVerifier.create(scripts.text(PICK, List.of(key()), "héllo")).expectNext("héllo").verifyComplete();
        StepVerifier.create(scripts.text(PICK, List.of(key()), "")).verifyComplete();
    }

    @Test
    void loadsTheScriptAgainWhenRedisForgotIt() {
        String counter = key();
        StepVerifier.create(scripts.integer(ADD, List.of(counter), "1")).expectNext(1L).verifyComplete();

        connections.getConnection().scriptingCommands().scriptFlush();

        StepVerifier.create(scripts.integer(ADD, List.of(counter), "1")).expectNext(2L).verifyComplete();
    }

    @Test
    void reportsAnErrorRaisedByTheScript() {
        String notANumber = key();
        connections.getConnection().stringCommands().set(notANumber.getBytes(), "text".getBytes());

        StepVerifier.create(scripts.integer(ADD, List.of(notANumber), "1"))
            .expectError(RedisCommandExecutionException.class)
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void failsQuicklyWhileRedisIsDownAndWorksAgainAfterItIsBack() throws Exception {
        Path dataDir = Files.createTempDirectory("redis-scripts-it");
        try (RedisServerProcess own = RedisServerProcess.startOnFreePort(dataDir)) {
            LettuceConnectionFactory factory = connectionFactory(own);
            RedisScripts ownScripts = new RedisScripts(factory);
            try {
                String counter = key();
                StepVerifier.create(ownScripts.integer(ADD, List.of(counter), "1")).expectNext(1L).verifyComplete();

                own.kill();
                StepVerifier.create(ownScripts.integer(ADD, List.of(counter), "1"))
                    .expectError(RedisException.class)
                    .verify(Duration.ofSeconds(5));

                own.start();
                StepVerifier
                    .create(ownScripts.integer(ADD, List.of(counter), "1")
                        .retryWhen(Retry.fixedDelay(50, Duration.ofMillis(100))))
                    .expectNextMatches(value -> value >= 1L)
                    .verifyComplete();
            }
            finally {
                ownScripts.destroy();
                factory.destroy();
            }
        }
    }

}
