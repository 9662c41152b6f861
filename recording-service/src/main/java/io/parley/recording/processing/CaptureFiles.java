package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files Janus wrote for one recording:
 * {@code <participantId>-<epochMillis>-(audio|video|data)-<mindex>.mjr}. Data channels
 * are not part of a recording.
 */
final class CaptureFiles {

    private static final Pattern NAME = Pattern.compile("(.+)-(audio|video|data)-(\\d+)\\.mjr");

    private CaptureFiles() {
    }

    /** One captured stream: a participant's audio or video. */
    record Track(Path file, String participant, boolean video) {

        /** The file name without {@code .mjr}: the converted file keeps it. */
        String baseName() {
            String name = file.getFileName().toString();
            return name.substring(0, name.length() - ".mjr".length());
        }

    }

    /**
     * Whether the folder exists and nothing in it changed for {@code settle}: Janus
     * closes the files just after the stop, and a worker must not read them half-written.
     */
    static boolean settled(Path folder, Duration settle, Instant now) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            Instant latest = Files.getLastModifiedTime(folder).toInstant();
            for (Path file : files) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                latest = modified.isAfter(latest) ? modified : latest;
            }
            return !latest.plus(settle).isAfter(now);
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** The audio and video tracks of the folder, in name order. */
    static List<Track> tracks(Path folder) throws IOException {
        List<Track> tracks = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.mjr")) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && !"data".equals(name.group(2)) && Files.size(file) > 0) {
                    tracks.add(new Track(file, participant(name.group(1)), "video".equals(name.group(2))));
                }
            }
        }
        tracks.sort(Comparator.comparing(track -> track.file().getFileName().toString()));
        return tracks;
    }

    /**
     * {@code <participantId>-<epochMillis>}: the participant; a name without the time is
     * taken whole.
     */
    private static String participant(String prefix) {
        int dash = prefix.lastIndexOf('-');
        return (dash > 0 && prefix.substring(dash + 1).chars().allMatch(Character::isDigit)) ? prefix.substring(0, dash)
                : prefix;
    }

}
