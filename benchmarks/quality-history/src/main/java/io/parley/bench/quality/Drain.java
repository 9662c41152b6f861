package io.parley.bench.quality;

import java.time.Duration;

/**
 * Watches quality_sample fill up: polls its row count every 200 ms until it holds {@code expected} rows, printing
 * progress every 5 s. The rate is taken between the first poll that saw rows arrive and the poll that saw the last
 * of them, so the collector's start-up and the consumer group's join do not count against it; and again over the
 * second half of the rows only, when the collector's JIT compiler has warmed up.
 */
record Drain(long rows, double seconds, long warmRows, double warmSeconds) {

    private static final long POLL_MS = 200;

    double rowsPerSecond() {
        return rows / seconds;
    }

    double warmRowsPerSecond() {
        return warmRows / warmSeconds;
    }

    static Drain watch(Tables history, String table, long expected, Duration timeout, Runnable alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long firstRows = 0;
        long halfAt = 0;
        long halfRows = 0;
        long lastPrint = System.nanoTime();
        long previous = 0;
        while (true) {
            alive.run();
            long now = System.nanoTime();
            long rows = history.rows(table);
            if (firstAt == 0 && rows > 0) {
                firstAt = now;
                firstRows = rows;
            }
            if (halfAt == 0 && rows >= expected / 2) {
                halfAt = now;
                halfRows = rows;
            }
            if (rows >= expected) {
                return new Drain(rows - firstRows, (now - firstAt) / 1e9, rows - halfRows, (now - halfAt) / 1e9);
            }
            if (now - lastPrint >= 5_000_000_000L) {
                System.out.printf("  %,10d rows stored (%,.0f/s over the last %.0f s)%n", Math.max(rows, 0),
                        (Math.max(rows, 0) - previous) / ((now - lastPrint) / 1e9), (now - lastPrint) / 1e9);
                lastPrint = now;
                previous = Math.max(rows, 0);
            }
            if (now > deadline) {
                throw new IllegalStateException("only " + rows + " of " + expected + " rows stored within "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MS);
        }
    }
}
