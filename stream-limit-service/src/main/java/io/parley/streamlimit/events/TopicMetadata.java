package io.parley.streamlimit.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.parley.support.kafka.NonBlockingSends;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.KafkaOperations;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends to one topic without blocking the caller's thread and without a thread hop. The
 * producer runs with {@code max.block.ms=0} ({@link NonBlockingSends}), so where
 * {@code send} would wait for the topic's metadata it fails at once instead. A send
 * therefore waits here, off any event loop and for at most {@link #WAIT}, until the
 * metadata is known: once at start, and again if the producer dropped it after a long
 * quiet spell. Once it is known, a send is called directly: moving every send to another
 * thread, as before, cost about a third of the stream-limit service's CPU per decision.
 */
class TopicMetadata {

    /**
     * How long a send may wait for metadata: what {@code max.block.ms} allowed before
     * (parley-defaults.yml).
     */
    static final Duration WAIT = Duration.ofSeconds(3);

    private static final Duration RETRY_EVERY = Duration.ofMillis(200);

    private final KafkaOperations<?, ?> kafka;

    private final String topic;

    private final Duration wait;

    private final AtomicReference<Mono<Void>> fetching = new AtomicReference<>();

    private volatile boolean known;

    TopicMetadata(KafkaOperations<?, ?> kafka, String topic, Duration wait) {
        this.kafka = kafka;
        this.topic = topic;
        this.wait = wait;
    }

    /**
     * Calls {@code send} once the metadata is known; a send refused for lack of metadata
     * (the producer dropped it) waits for it to be fetched again and is tried once more.
     */
    <T> Mono<T> send(Supplier<CompletableFuture<T>> send) {
        Mono<T> attempt = Mono.fromFuture(send, true);
        if (!known) {
            return afterFetch(attempt);
        }
        return attempt.onErrorResume(TopicMetadata::missingMetadata, error -> {
            known = false;
            fetching.set(null);
            return afterFetch(attempt);
        });
    }

    private <T> Mono<T> afterFetch(Mono<T> attempt) {
        return Mono.defer(() -> fetched().then(attempt));
    }

    private Mono<Void> fetched() {
        Mono<Void> current = fetching.get();
        if (current == null) {
            Mono<Void> started = fetch();
            current = fetching.compareAndExchange(null, started);
            if (current == null) {
                current = started;
            }
        }
        return current.timeout(wait).doOnSuccess(done -> known = true);
    }

    /**
     * Asks until the producer has the metadata; each attempt only triggers a fetch, it
     * does not wait.
     */
    private Mono<Void> fetch() {
        return Mono.fromRunnable(() -> kafka.partitionsFor(topic))
            .subscribeOn(Schedulers.boundedElastic())
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY_EVERY))
            .then()
            .cache();
    }

    private static boolean missingMetadata(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException && !(cause instanceof BufferExhaustedException)) {
                return true;
            }
        }
        return false;
    }

}
