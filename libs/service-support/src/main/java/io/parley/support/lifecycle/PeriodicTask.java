package io.parley.support.lifecycle;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Background work that runs every {@code period} while the application runs: outbox
 * relays, sweepers. One run at a time (a run that takes longer than the period skips the
 * ticks it overlapped, it never queues them); a failed run is handed to
 * {@link #failed(Throwable)} and the next one comes as planned, so one failure never
 * stops the task. {@link #runSoon()} asks for a run before the next tick: however often
 * it is asked while a run is under way, one more run follows it.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Duration initialDelay;

    private final Duration period;

    private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();

    private volatile Disposable running;

    protected PeriodicTask(Duration initialDelay, Duration period) {
        this.initialDelay = initialDelay;
        this.period = period;
    }

    /** One run of the work. */
    protected abstract Mono<?> runOnce();

    /** A run failed; the task goes on. */
    protected abstract void failed(Throwable error);

    @Override
    public void start() {
        running = Flux.merge(Flux.interval(initialDelay, period), wakeUps.asFlux())
            .onBackpressureDrop()
            .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(error -> {
                failed(error);
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    /** A run as soon as the one under way (if any) is over. */
    protected synchronized void runSoon() {
        wakeUps.tryEmitNext(0L);
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

}
