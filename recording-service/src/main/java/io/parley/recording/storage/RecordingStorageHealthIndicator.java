package io.parley.recording.storage;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code recordingStorage} in the readiness group: always UP with local storage; with S3,
 * UP while the bucket answers (HeadBucket), so an instance whose bucket is wrong or
 * unreachable, or whose credentials are refused, takes no traffic.
 */
@Component
class RecordingStorageHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RecordingStorage storage;

    RecordingStorageHealthIndicator(RecordingStorage storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Health> health() {
        Health.Builder details = Health.unknown().withDetail("type", storage.type());
        if (storage instanceof S3RecordingStorage s3) {
            details.withDetail("bucket", s3.bucket());
        }
        return storage.check()
            .timeout(TIMEOUT)
            .then(Mono.fromSupplier(() -> details.up().build()))
            .onErrorResume(error -> Mono.just(details.down().withDetail("error", describe(error)).build()));
    }

    private static String describe(Throwable error) {
        Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
        if (cause instanceof S3Exception s3) {
            return cause.getClass().getSimpleName() + " (HTTP " + s3.statusCode() + ")";
        }
        return cause.getClass().getSimpleName();
    }

}
