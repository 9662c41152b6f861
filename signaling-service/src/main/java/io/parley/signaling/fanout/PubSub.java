package io.parley.signaling.fanout;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's Redis pub/sub: channel families (meetings, people's devices, presence),
 * each named {@code <prefix><id>}}, and the channels it listens to while it holds a
 * socket that needs them.
 * <p>
 * All channels share one Lettuce pub/sub connection with one listener that finds the
 * family by prefix. Spring's listener container registers a listener per subscription
 * instead, each copying and filtering every message: with hundreds of meetings per
 * instance that cost grew with the number of channels and starved the Redis event loop.
 * Lettuce subscribes to the channels again by itself after a reconnect; a family can
 * learn of it ({@link #onResubscribed}) to make up for what was published meanwhile.
 */
@Component
public class PubSub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PubSub.class);

    /**
     * A listen waits this long for Redis to confirm the subscription, then fails (the
     * client retries).
     */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private final ReactiveStringRedisTemplate redis;

    private final LettuceConnectionFactory connectionFactory;

    private final Map<String, BiConsumer<String, String>> families = new ConcurrentHashMap<>();

    private final Map<String, Mono<Void>> subscriptions = new ConcurrentHashMap<>();

    private final Map<String, Consumer<String>> resubscribed = new ConcurrentHashMap<>();

    /**
     * Channels Redis confirmed once; a second confirmation is Lettuce's after a
     * reconnect.
     */
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    /**
     * Connected on the first listen (connecting blocks, so never on an event loop); a
     * failed attempt is retried.
     */
    private final Mono<StatefulRedisPubSubConnection<String, String>> pubSub;

    private volatile StatefulRedisPubSubConnection<String, String> connected;

    PubSub(ReactiveStringRedisTemplate redis, LettuceConnectionFactory connectionFactory) {
        this.redis = redis;
        this.connectionFactory = connectionFactory;
        this.pubSub = Mono.fromCallable(this::connect)
            .subscribeOn(Schedulers.boundedElastic())
            .cache(connection -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Messages on channels {@code <prefix><id>}} go to the receiver, with the id. */
    public void family(String prefix, BiConsumer<String, String> receiver) {
        if (families.putIfAbsent(prefix, receiver) != null) {
            throw new IllegalStateException("Two receivers for channels " + prefix);
        }
    }

    /**
     * Called with the id when Lettuce subscribed a channel of the family again after a
     * reconnect: whatever was published while it was away was not received.
     */
    public void onResubscribed(String prefix, Consumer<String> receiver) {
        if (resubscribed.putIfAbsent(prefix, receiver) != null) {
            throw new IllegalStateException("Two resubscription receivers for channels " + prefix);
        }
    }

    public static String channel(String prefix, String id) {
        return prefix + id + "}";
    }

    private StatefulRedisPubSubConnection<String, String> connect() {
        if (!(connectionFactory.getNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("Signaling channels need a standalone Redis (a Lettuce RedisClient)");
        }
        StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub(StringCodec.UTF8);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(channel, message);
            }

            @Override
            public void subscribed(String channel, long count) {
                if (!confirmed.add(channel) && subscriptions.containsKey(channel)) {
                    resubscribed(channel);
                }
            }
        });
        connected = connection;
        return connection;
    }

    private void resubscribed(String channel) {
        resubscribed.forEach((prefix, receiver) -> {
            if (channel.startsWith(prefix) && channel.endsWith("}")) {
                receiver.accept(channel.substring(prefix.length(), channel.length() - 1));
            }
        });
    }

    private void deliver(String channel, String message) {
        if (!channel.endsWith("}")) {
            return;
        }
        families.forEach((prefix, receiver) -> {
            if (channel.startsWith(prefix)) {
                receiver.accept(channel.substring(prefix.length(), channel.length() - 1), message);
            }
        });
    }

    /**
     * Listens to the channel (once per instance); completes when Redis confirmed the
     * subscription.
     */
    public Mono<Void> listen(String channel) {
        Mono<Void> existing = subscriptions.get(channel);
        if (existing != null) {
            return existing;
        }
        Mono<Void> subscribed = pubSub.flatMap(connection -> connection.reactive().subscribe(channel))
            .timeout(SUBSCRIBE_TIMEOUT)
            .cache();
        Mono<Void> raced = subscriptions.putIfAbsent(channel, subscribed);
        if (raced != null) {
            return raced;
        }
        // sent now, so that SUBSCRIBE and a later UNSUBSCRIBE of the same channel reach
        // Redis in this order
        subscribed.subscribe(null, error -> {
            log.warn("Could not listen to channel {}: {}", channel, error.toString());
            subscriptions.remove(channel, subscribed);
        });
        return subscribed;
    }

    public void stopListening(String channel) {
        StatefulRedisPubSubConnection<String, String> connection = connected;
        confirmed.remove(channel);
        if (subscriptions.remove(channel) != null && connection != null) {
            connection.reactive()
                .unsubscribe(channel)
                .subscribe(null, error -> log.debug("Unsubscribing {} failed: {}", channel, error.toString()));
        }
    }

    public Mono<Long> publish(String channel, String message) {
        return redis.convertAndSend(channel, message);
    }

    @Override
    public void destroy() {
        StatefulRedisPubSubConnection<String, String> connection = connected;
        if (connection != null) {
            connection.closeAsync();
        }
    }

}
