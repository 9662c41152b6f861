package io.parley.recording.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Real capture folders for the tests, recorded once per test JVM (in real time) and
 * copied for each recording: {@link #meeting()} is a host for six seconds and a guest who
 * joins two seconds in and stays to the end, so the composed file is six seconds long
 * with two tiles.
 */
public final class Captures {

    /** How long the meeting capture lasts, from the first packet to the last. */
    public static final Duration MEETING_LENGTH = Duration.ofSeconds(6);

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Path meeting;

    private Captures() {
    }

    public static synchronized Path meeting() {
        if (meeting == null) {
            try {
                Path folder = Files.createTempDirectory("parley-capture-");
                Thread late = new Thread(() -> {
                    sleep(Duration.ofSeconds(2));
                    MjrCapture.record(folder, "pguest", MEETING_LENGTH.minusSeconds(2), 660);
                });
                late.start();
                MjrCapture.record(folder, "phost", MEETING_LENGTH, 440);
                late.join();
                meeting = folder;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        return meeting;
    }

    /** Copies the meeting capture to {@code <captureDir>/<recordingId>/}. */
    public static Path copyMeeting(Path captureDir, String recordingId) {
        Path target = captureDir.resolve(recordingId);
        try (Stream<Path> files = Files.list(meeting())) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A recording id as meeting-service makes them: 20 random letters and digits. */
    public static String recordingId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A meeting id in meeting-service's form. */
    public static String meetingId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            id.append((i == 4 || i == 9) ? '-' : (char) ('a' + RANDOM.nextInt(26)));
        }
        return id.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
