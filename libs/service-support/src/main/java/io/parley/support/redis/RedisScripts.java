package io.parley.support.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link LuaScript}s on the hot paths (a relayed signaling message, an admission
 * decision, a rate-limit check) through Lettuce's asynchronous API on a connection of
 * their own: {@code EVALSHA}, and {@code EVAL} once when Redis does not know the script
 * yet (first use, or after a restart or {@code SCRIPT FLUSH}).
 * <p>
 * Spring Data Redis's reactive script executor costs several times more per call: each
 * call builds streams and buffers for its arguments and a Lettuce reactive publisher with
 * a queue of its own (about 1 KB); on the signaling relay those made most of the garbage
 * per message. The connection comes from the same {@link RedisClient}, so it has the
 * service's Redis address, command timeout and client options (e.g. rejecting commands
 * while disconnected).
 */
public class RedisScripts implements DisposableBean {

    private final LettuceConnectionFactory connectionFactory;

    /**
     * Connected on first use (connecting blocks, so never on an event loop); a failed
     * attempt is retried.
     */
    private final Mono<StatefulRedisConnection<String, String>> connecting;

    private volatile StatefulRedisConnection<String, String> connection;

    public RedisScripts(LettuceConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
        this.connecting = Mono.fromCallable(this::connect)
            .subscribeOn(Schedulers.boundedElastic())
            .cache(connected -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    private synchronized StatefulRedisConnection<String, String> connect() {
        if (connection == null) {
            if (!(connectionFactory.getNativeClient() instanceof RedisClient client)) {
                throw new IllegalStateException("Lua scripts run on a standalone Redis (a Lettuce RedisClient)");
            }
            connection = client.connect(StringCodec.UTF8);
        }
        return connection;
    }

    /** The reply of a script declared with {@link LuaScript#integer}. */
    public Mono<Long> integer(LuaScript script, List<String> keys, String... args) {
        return run(script, keys, args);
    }

    /** The reply of a script declared with {@link LuaScript#text}; empty for nil. */
    public Mono<String> text(LuaScript script, List<String> keys, String... args) {
        return run(script, keys, args);
    }

    /** The reply of a script declared with {@link LuaScript#list}. */
    public Mono<List<Object>> list(LuaScript script, List<String> keys, String... args) {
        return run(script, keys, args);
    }

    private <T> Mono<T> run(LuaScript script, List<String> keys, String[] args) {
        String[] keyArray = keys.toArray(String[]::new);
        StatefulRedisConnection<String, String> connected = connection;
        if (connected != null) {
            return Mono.fromCompletionStage(() -> evaluate(connected.async(), script, keyArray, args));
        }
        return connecting
            .flatMap(established -> Mono.fromCompletionStage(evaluate(established.async(), script, keyArray, args)));
    }

    private static <T> CompletionStage<T> evaluate(RedisAsyncCommands<String, String> redis, LuaScript script,
            String[] keys, String[] args) {
        CompletableFuture<T> bySha = redis.<T>evalsha(script.sha1(), script.output(), keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                ? redis.<T>eval(script.text(), script.output(), keys, args)
                : CompletableFuture.failedFuture(unwrap(error)));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, String> connected = connection;
        if (connected != null) {
            connected.close();
        }
    }

}
