package io.parley.devstack.services;

import java.time.Duration;

import io.parley.harness.ChildProcess;

/**
 * A started service process, when it was started (its time to ready is measured from
 * then) and the unpacked app it runs, whose class-data archive is kept or discarded
 * depending on how the process ends. A process that records an archive writes it while it
 * exits, which takes several CPU-seconds: it gets longer to stop.
 */
public record LaunchedService(ServiceInstance instance, ChildProcess process, long startedNanos,
        AppCache.PreparedApp app, boolean recordsArchive) {

    public String name() {
        return instance.name();
    }

    public Duration sinceStart(long nanos) {
        return Duration.ofNanos(nanos - startedNanos);
    }

    /**
     * Called once the process is gone: an archive recorded on a clean stop is kept, any
     * other is discarded.
     */
    public void exited(boolean cleanly) {
        if (cleanly) {
            app.keepRecordedArchive();
        }
        else {
            app.discardRecordedArchive();
        }
    }
}
