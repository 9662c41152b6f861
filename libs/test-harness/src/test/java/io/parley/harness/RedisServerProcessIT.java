package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerProcessIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsAppendOnlyDataAcrossAGracefulRestart() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(dataDir)) {
            write(redis, "greeting", "hello");

            redis.restart();

            assertThat(read(redis, "greeting")).isEqualTo("hello");
        }
    }

    @Test
    void stopsAnsweringWhenKilledAndAnswersAgainAfterStart() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(dataDir)) {
            assertThat(redis.ping()).isTrue();

            redis.kill();
            assertThat(redis.ping()).isFalse();
            assertThat(redis.isRunning()).isFalse();

            redis.start();
            assertThat(redis.ping()).isTrue();
        }
    }

    @Test
    void pausedServerAnswersNothingUntilResumed() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(dataDir)) {
            redis.pause();

            assertThat(redis.isPaused()).isTrue();
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.ping()).isFalse();

            redis.resume();

            assertThat(redis.isPaused()).isFalse();
            assertThat(redis.ping()).isTrue();
        }
    }

    @Test
    void stopsAPausedServerGracefullyAndKeepsItsData() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(dataDir)) {
            write(redis, "greeting", "hello");
            redis.pause();

            redis.stop();

            assertThat(redis.isRunning()).isFalse();
            assertThat(redis.isPaused()).isFalse();
            redis.start();
            assertThat(read(redis, "greeting")).isEqualTo("hello");
        }
    }

    @Test
    void withAPasswordAnswersOnlyClientsThatAuthenticate() {
        try (RedisServerProcess redis = RedisServerProcess.start(RedisServerProcess.requireExecutable(),
                Ports.freePort(), dataDir, "s3cret-for-this-test",
                ChildProcess.Output.toFile(dataDir.resolve("log")))) {
            assertThat(redis.ping()).isTrue();

            RedisClient anonymous = RedisClient.create("redis://127.0.0.1:" + redis.port());
            try {
                assertThatThrownBy(() -> anonymous.connect().sync().get("greeting")).hasStackTraceContaining("NOAUTH");
            }
            finally {
                anonymous.shutdown();
            }
            RedisClient authenticated = RedisClient.create("redis://s3cret-for-this-test@127.0.0.1:" + redis.port());
            try (StatefulRedisConnection<String, String> connection = authenticated.connect()) {
                assertThat(connection.sync().set("greeting", "hello")).isEqualTo("OK");
            }
            finally {
                authenticated.shutdown();
            }
            assertThat(dataDir.resolve("auth.conf")).content().contains("requirepass");
        }
    }

    private static void write(RedisServerProcess redis, String key, String value) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set(key, value);
        }
        finally {
            client.shutdown();
        }
    }

    private static String read(RedisServerProcess redis, String key) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().get(key);
        }
        finally {
            client.shutdown();
        }
    }

}
