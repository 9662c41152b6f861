package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.parley.recording.RecordingProperties;

/**
 * The floor under a layout: what processing costs when nothing is decoded or encoded. The
 * processor's own janus-pp-rec runs ({@link MediaTools}: the header, then the conversion, per
 * track, as {@link RecordingProcessor} does them) and one {@code ffmpeg -c copy} that puts every
 * converted stream into one Matroska file. No ffprobe, no layout, no mix.
 */
final class Floor {

    private Floor() {
    }

    static void run(RecordingProperties properties, Path capture, Path work)
            throws IOException, ProcessingException, InterruptedException {
        Files.createDirectories(work);
        MediaTools tools = new MediaTools(properties);
        Path log = work.resolve("tool.log");
        List<String> command = new ArrayList<>(List.of(properties.ffmpeg(), "-hide_banner", "-nostdin", "-y"));
        int inputs = 0;
        for (CaptureFiles.Track track : CaptureFiles.tracks(capture)) {
            String extension = MediaTools.extension(tools.header(track.file(), log).codec());
            Path target = work.resolve(track.baseName() + "." + extension);
            tools.convert(track.file(), target, log);
            command.addAll(List.of("-i", target.toString()));
            inputs++;
        }
        for (int i = 0; i < inputs; i++) {
            command.addAll(List.of("-map", String.valueOf(i)));
        }
        command.addAll(List.of("-c", "copy", "-f", "matroska", work.resolve("all.mkv").toString()));
        Tools.run(command, work.resolve("ffmpeg.log"), tools.timeout());
    }

}
