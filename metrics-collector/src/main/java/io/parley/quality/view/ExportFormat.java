package io.parley.quality.view;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's two formats, chosen by {@code Accept}: JSON Lines
 * ({@code application/x-ndjson}, also when the client accepts anything or sends no
 * {@code Accept}) or CSV ({@code text/csv}, RFC 4180, with a header row).
 */
enum ExportFormat {

    NDJSON(MediaType.APPLICATION_NDJSON, ".jsonl"), CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), ".csv");

    static final String CSV_HEADER = Arrays.stream(ExportLine.class.getRecordComponents())
        .map(component -> component.getName())
        .collect(Collectors.joining(",")) + "\r\n";

    private final MediaType mediaType;

    private final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /**
     * What the export answers with: the format the client gives the highest quality,
     * empty if it takes neither.
     */
    static Optional<ExportFormat> negotiate(List<MediaType> accepted) {
        if (accepted.isEmpty()) {
            return Optional.of(NDJSON);
        }
        ExportFormat best = null;
        double bestQuality = 0;
        for (ExportFormat format : values()) {
            double quality = accepted.stream()
                .filter(type -> type.includes(format.mediaType))
                .mapToDouble(MediaType::getQualityValue)
                .max()
                .orElse(0);
            if (quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /** What comes before the first sample: the CSV header row; nothing for JSON Lines. */
    String header() {
        return this == CSV ? CSV_HEADER : "";
    }

    String line(ExportLine line, JsonMapper json) {
        if (this == NDJSON) {
            return json.writeValueAsString(line) + "\n";
        }
        StringBuilder row = new StringBuilder(256);
        for (Object value : line.values()) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            if (value != null) {
                row.append(csvField(value.toString()));
            }
        }
        return row.append("\r\n").toString();
    }

    /**
     * Quoted only where RFC 4180 needs it; ids are plain, but a Daily meeting session id
     * could be anything.
     */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

}
