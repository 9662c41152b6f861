package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.parley.recording.RecordingMetrics;
import io.parley.recording.RecordingProperties;
import io.parley.recording.storage.RecordingStorage;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The recording worker, beside a Janus instance: every poll it looks for waiting jobs
 * whose capture folder is here and has settled, claims one (see {@link Jobs}), processes
 * it on a worker thread while renewing the lease, publishes the files and turns the
 * recording {@code ready}. A failed attempt is tried again after the retry delay, and
 * after {@code max-attempts} the recording is {@code failed} with the reason, as is one
 * that no worker claimed within {@code capture-timeout} of its stop. Stopping the
 * application cancels the job under way (its tool is killed); the lease then runs out and
 * another worker, or this one restarted, takes the job again.
 */
@Component
class Worker extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private static final int CANDIDATES = 50;

    private final Jobs jobs;

    private final RecordingStorage storage;

    private final RecordingMetrics metrics;

    private final RecordingProperties properties;

    private final RecordingProcessor processor;

    private final Clock clock;

    Worker(Jobs jobs, RecordingStorage storage, RecordingMetrics metrics, RecordingProperties properties, Clock clock) {
        super(Duration.ofSeconds(1), properties.pollInterval());
        this.jobs = jobs;
        this.storage = storage;
        this.metrics = metrics;
        this.properties = properties;
        this.processor = new RecordingProcessor(properties);
        this.clock = clock;
    }

    @Override
    protected Mono<?> runOnce() {
        return jobs.failUnclaimed(properties.captureTimeout(), "no capture was found")
            .doOnNext(failed -> metrics.failed("no-capture", failed))
            .then(jobs.waiting(CANDIDATES)
                .collectList()
                .flatMap(ids -> Mono.fromCallable(() -> here(ids)).subscribeOn(Schedulers.boundedElastic()))
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> jobs.claim(ids, UUID.randomUUID().toString(), properties.lease()))
                .flatMap(job -> run(job).thenReturn(job))
                // another job may be waiting: no need to sleep a poll interval first
                .doOnNext(job -> runSoon()));
    }

    private List<String> here(List<String> ids) {
        Instant now = clock.instant();
        return ids.stream()
            .filter(id -> CaptureFiles.settled(storage.captureFolder(id), properties.settleTime(), now))
            .toList();
    }

    private Mono<Void> run(Jobs.Job job) {
        if (job.attempts() > properties.maxAttempts()) {
            return giveUp(job, "processing did not finish in " + properties.maxAttempts() + " attempts");
        }
        String id = job.recordingId();
        Instant started = clock.instant();
        Path work = storage.workFolder(id, job.claimId());
        log.info("Processing recording {} (attempt {})", id, job.attempts());
        Mono<RecordingProcessor.Result> processing = Mono
            .fromCallable(() -> processor.process(id, storage.captureFolder(id), work, job.recordedSeconds()))
            .subscribeOn(Schedulers.boundedElastic());
        Flux<Boolean> lost = Flux.interval(properties.lease().dividedBy(3))
            .concatMap(tick -> jobs.renew(job, properties.lease()))
            .filter(renewed -> !renewed);
        return processing.takeUntilOther(lost)
            .flatMap(result -> publish(job, work, result, started))
            .onErrorResume(ProcessingException.class, ex -> failedAttempt(job, work, ex.reason(), ex))
            .onErrorResume(ex -> !(ex instanceof ProcessingException),
                    ex -> failedAttempt(job, work, "unexpected error while processing", ex));
    }

    private Mono<Void> publish(Jobs.Job job, Path work, RecordingProcessor.Result result, Instant started) {
        String id = job.recordingId();
        return blocking(() -> storage.publish(id, work, result.participantFiles(), result.composed()))
            .then(jobs.finish(job, result.durationSeconds()))
            .flatMap(finished -> {
                if (finished) {
                    metrics.processed(Duration.between(started, clock.instant()));
                    log.info("Recording {} is ready ({} s)", id, Math.round(result.durationSeconds()));
                    return blocking(() -> storage.deleteCapture(id));
                }
                // the lease was lost: whoever holds the job now finishes it; a deleted
                // recording's files must not come back
                return jobs.exists(id).flatMap(exists -> exists ? Mono.empty() : blocking(() -> storage.delete(id)));
            });
    }

    private Mono<Void> failedAttempt(Jobs.Job job, Path work, String reason, Throwable error) {
        // a tool's failure is expected and says enough; anything else is a bug worth its
        // stack trace
        Throwable trace = (error instanceof ProcessingException) ? null : error;
        log.warn("Processing recording {} failed (attempt {} of {}): {}", job.recordingId(), job.attempts(),
                properties.maxAttempts(), reason, trace);
        log.debug("Processing recording {} failed", job.recordingId(), error);
        Mono<Void> cleanUp = blocking(() -> deleteQuietly(work));
        if (job.attempts() >= properties.maxAttempts()) {
            return cleanUp.then(giveUp(job, reason));
        }
        metrics.failed("attempt", 1);
        return cleanUp.then(jobs.retryLater(job, properties.retryDelay())).then();
    }

    private Mono<Void> giveUp(Jobs.Job job, String reason) {
        return jobs.fail(job, reason).doOnNext(failed -> {
            if (failed) {
                metrics.failed("gave-up", 1);
                log.error("Recording {} failed: {}", job.recordingId(), reason);
            }
        }).then();
    }

    private static void deleteQuietly(Path work) {
        try {
            RecordingStorage.deleteTree(work);
        }
        catch (IOException ex) {
            log.debug("Could not remove {}: {}", work, ex.toString());
        }
    }

    private static Mono<Void> blocking(Runnable work) {
        return Mono.fromRunnable(work).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Looking for recordings to process failed: {}", error.toString());
    }

}
