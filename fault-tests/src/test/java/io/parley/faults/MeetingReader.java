package io.parley.faults;

import java.time.Duration;

/**
 * Reads one meeting from meeting-service five times a second, as the web client's lobby
 * does: the load that shows whether meeting-service answers 503 while Redis is gone, and
 * when it answers again.
 */
final class MeetingReader {

    private final String url;

    private final Responses responses;

    private final Thread thread;

    private volatile boolean running = true;

    MeetingReader(String url, Responses responses) {
        this.url = url;
        this.responses = responses;
        this.thread = new Thread(this::run, "meeting-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            responses.record("meeting-service", Http.send("GET", url, null, null));
            Pause.of(Duration.ofMillis(200));
        }
    }

    void stop() {
        running = false;
        try {
            thread.join(10_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
