package io.parley.faults;

import java.time.Duration;

/** Sleeps that turn an interrupt back into the thread's flag and a stop of the caller. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

}
