package io.parley.recording.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the real {@code ffprobe} says about a file. */
public record Probe(List<String> streams, double durationSeconds) {

    /**
     * The mean luma (0-255) of the right half of the picture at {@code seconds}: about 16
     * where the tile is black.
     */
    public static double rightHalfBrightness(Path file, double seconds) {
        try {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-ss", String.valueOf(seconds), "-i",
                    file.toString(), "-frames:v", "1", "-vf", "crop=iw/2:ih:iw/2:0,scale=32:32,format=gray", "-f",
                    "rawvideo", "-")
                .start();
            byte[] pixels = ffmpeg.getInputStream().readAllBytes();
            if (!ffmpeg.waitFor(30, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0 || pixels.length == 0) {
                throw new IllegalStateException("ffmpeg could not read a frame at " + seconds + " s");
            }
            long sum = 0;
            for (byte pixel : pixels) {
                sum += pixel & 0xFF;
            }
            return (double) sum / pixels.length;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static Probe of(Path file) {
        try {
            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                    "stream=codec_type,codec_name:format=duration", "-of", "json", file.toString())
                .redirectErrorStream(true)
                .start();
            String output = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ffprobe.waitFor(30, TimeUnit.SECONDS) || ffprobe.exitValue() != 0) {
                throw new IllegalStateException("ffprobe failed: " + output);
            }
            JsonNode json = JsonMapper.builder().build().readTree(output);
            List<String> streams = new ArrayList<>();
            json.path("streams")
                .forEach(stream -> streams
                    .add(stream.path("codec_type").asString() + "/" + stream.path("codec_name").asString()));
            return new Probe(streams, Double.parseDouble(json.path("format").path("duration").asString()));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
