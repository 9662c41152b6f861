package io.parley.bench.messages;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started, stopped in the reverse order, once: from the {@code finally} block, or from the
 * shutdown hook when the JVM is interrupted (Ctrl-C) before it gets there.
 */
final class Cleanup {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private boolean done;

    /** A step added after the clean-up ran (the JVM is going down) runs at once. */
    void add(Runnable step) {
        synchronized (this) {
            if (!done) {
                steps.push(step);
                return;
            }
        }
        step.run();
    }

    synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            }
            catch (RuntimeException ex) {
                System.err.println("[bench] cleanup: " + ex);
            }
        }
    }
}
