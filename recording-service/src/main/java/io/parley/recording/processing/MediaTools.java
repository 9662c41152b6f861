package io.parley.recording.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.parley.recording.RecordingProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * janus-pp-rec and ffprobe, one file at a time.
 */
final class MediaTools {

    private final RecordingProperties properties;

    private final JsonMapper json = JsonMapper.builder().build();

    MediaTools(RecordingProperties properties) {
        this.properties = properties;
    }

    /**
     * What the .mjr header says: the codec ({@code c}) and when its first packet was
     * written ({@code u}, else the file's creation {@code s}), in microseconds since the
     * epoch.
     */
    record Header(String codec, long firstPacketMicros) {
    }

    Header header(Path mjr, Path log) throws ProcessingException, InterruptedException {
        String output = Tools.run(List.of(properties.janusPpRec(), "--json", mjr.toString()), log, timeout());
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new ProcessingException("a capture file has no header");
        }
        try {
            JsonNode header = json.readTree(output.substring(start, end + 1));
            long first = header.path("u").asLong(header.path("s").asLong(0));
            return new Header(header.path("c").asString("").toLowerCase(), first);
        }
        catch (JacksonException ex) {
            throw new ProcessingException("a capture file has an unreadable header", ex);
        }
    }

    /**
     * The file extension janus-pp-rec writes for a codec: WebM for VP8 and VP9, Opus for
     * Opus; empty for codecs a recording does not take.
     */
    static String extension(String codec) {
        return switch (codec) {
            case "vp8", "vp9" -> "webm";
            case "opus", "multiopus" -> "opus";
            default -> "";
        };
    }

    void convert(Path mjr, Path target, Path log) throws ProcessingException, InterruptedException {
        Tools.run(List.of(properties.janusPpRec(), mjr.toString(), target.toString()), log, timeout());
    }

    /** The file's duration in seconds, as ffprobe reads its container. */
    double duration(Path file, Path log) throws ProcessingException, InterruptedException {
        String output = Tools.run(List.of(properties.ffprobe(), "-v", "error", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1:nokey=1", file.toString()), log, timeout());
        try {
            return Double.parseDouble(output.strip().lines().reduce((first, second) -> second).orElse(""));
        }
        catch (NumberFormatException ex) {
            throw new ProcessingException("ffprobe could not read a duration", ex);
        }
    }

    Duration timeout() {
        return properties.toolTimeout();
    }

}
