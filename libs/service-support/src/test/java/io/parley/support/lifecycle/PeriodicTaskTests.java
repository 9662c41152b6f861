package io.parley.support.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class PeriodicTaskTests {

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private PeriodicTask every(Duration period, Supplier<Mono<?>> run) {
        return new PeriodicTask(Duration.ZERO, period) {

            @Override
            protected Mono<?> runOnce() {
                return run.get();
            }

            @Override
            protected void failed(Throwable error) {
                failures.add(error);
            }
        };
    }

    @Test
    void aFailedRunIsReportedAndTheNextRunStillComes() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = every(Duration.ofMillis(10),
                () -> runs.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("first")) : Mono.empty());

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        }
        finally {
            task.stop();
        }
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("first");
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void runsNeverOverlap() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = every(Duration.ofMillis(1), () -> Mono.defer(() -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            return Mono.delay(Duration.ofMillis(20));
        }).doOnTerminate(active::decrementAndGet));

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 5);
        }
        finally {
            task.stop();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void aWakeUpRunsTheTaskLongBeforeItsNextTick() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = every(Duration.ofHours(1), () -> Mono.fromRunnable(runs::incrementAndGet));

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            task.runSoon();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        }
        finally {
            task.stop();
        }
    }

    @Test
    void wakeUpsDuringARunBringOneMoreRunAfterIt() {
        AtomicInteger runs = new AtomicInteger();
        Sinks.One<Void> release = Sinks.one();
        PeriodicTask task = every(Duration.ofHours(1),
                () -> runs.incrementAndGet() == 1 ? release.asMono() : Mono.empty());

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            task.runSoon();
            task.runSoon();
            release.tryEmitEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        }
        finally {
            task.stop();
        }
        assertThat(failures).isEmpty();
    }

}
