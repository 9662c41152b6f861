package io.parley.recording.processing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one ffmpeg run that composes a recording: every video in a grid (one tile fills the
 * picture, two sit side by side, then 2x2 and 3x3; at most {@value #MAX_TILES} tiles, the
 * earliest first), every audio mixed, each input delayed by its start offset so a late
 * joiner appears when they joined, and black or silence where there is none. VP8 and Opus
 * in WebM, exactly {@code duration} long.
 */
final class GridLayout {

    static final int MAX_TILES = 9;

    private GridLayout() {
    }

    /** A converted file and when it starts, in seconds after the recording's start. */
    record Input(Path file, double offset) {
    }

    /** The canvas and encoder settings. */
    record Canvas(int width, int height, int frameRate, int videoKbps) {
    }

    static List<String> command(String ffmpeg, List<Input> videos, List<Input> audios, double duration, Canvas canvas,
            Path output) {
        List<Input> tiles = videos.subList(0, Math.min(videos.size(), MAX_TILES));
        List<String> args = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y"));
        List<String> filters = new ArrayList<>();
        for (Input video : tiles) {
            args.addAll(List.of("-i", video.file().toString()));
        }
        for (Input audio : audios) {
            args.addAll(List.of("-i", audio.file().toString()));
        }
        String total = seconds(duration);
        int generated = tiles.size() + audios.size();
        if (tiles.isEmpty()) {
            args.addAll(List.of("-f", "lavfi", "-i", "color=c=black:s=%dx%d:r=%d:d=%s".formatted(canvas.width(),
                    canvas.height(), canvas.frameRate(), total)));
            filters.add("[%d:v]format=yuv420p[v]".formatted(generated++));
        }
        else {
            filters.addAll(videoFilters(tiles, canvas, total));
        }
        if (audios.isEmpty()) {
            args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"));
            filters.add("[%d:a]atrim=duration=%s[a]".formatted(generated, total));
        }
        else {
            filters.addAll(audioFilters(audios, tiles.size(), total));
        }
        args.addAll(List.of("-filter_complex", String.join(";", filters), "-map", "[v]", "-map", "[a]", "-c:v",
                "libvpx", "-b:v", canvas.videoKbps() + "k", "-deadline", "realtime", "-cpu-used", "8", "-c:a",
                "libopus", "-b:a", "96k", "-t", total, "-f", "webm", output.toString()));
        return args;
    }

    private static List<String> videoFilters(List<Input> tiles, Canvas canvas, String total) {
        int count = tiles.size();
        int columns = (count == 1) ? 1 : (count <= 4) ? 2 : 3;
        int rows = (count + columns - 1) / columns;
        int tileWidth = even(canvas.width() / columns);
        int tileHeight = even(canvas.height() / rows);
        List<String> filters = new ArrayList<>();
        StringBuilder stack = new StringBuilder();
        List<String> layout = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            filters.add(("[%d:v]setpts=PTS-STARTPTS,scale=%d:%d:force_original_aspect_ratio=decrease,"
                    + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=%d,format=yuv420p,"
                    + "tpad=start_duration=%s:stop_mode=add:stop_duration=%s:color=black,trim=duration=%s,"
                    + "setpts=PTS-STARTPTS[v%d]")
                .formatted(i, tileWidth, tileHeight, tileWidth, tileHeight, canvas.frameRate(),
                        seconds(tiles.get(i).offset()), total, total, i));
            stack.append("[v").append(i).append(']');
            layout.add((i % columns) * tileWidth + "_" + (i / columns) * tileHeight);
        }
        String grid = (count == 1) ? "[v0]null[grid]"
                : stack + "xstack=inputs=" + count + ":layout=" + String.join("|", layout) + ":fill=black[grid]";
        filters.add(grid);
        filters.add("[grid]pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,format=yuv420p[v]".formatted(canvas.width(),
                canvas.height()));
        return filters;
    }

    private static List<String> audioFilters(List<Input> audios, int first, String total) {
        List<String> filters = new ArrayList<>();
        StringBuilder mix = new StringBuilder();
        for (int i = 0; i < audios.size(); i++) {
            long delay = Math.round(audios.get(i).offset() * 1000);
            filters.add("[%d:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=%d:all=1[a%d]".formatted(first + i,
                    delay, i));
            mix.append("[a").append(i).append(']');
        }
        String mixed = (audios.size() == 1) ? "[a0]anull[mix]"
                : mix + "amix=inputs=" + audios.size() + ":duration=longest:normalize=0[mix]";
        filters.add(mixed);
        filters.add("[mix]apad,atrim=duration=%s[a]".formatted(total));
        return filters;
    }

    private static int even(int value) {
        return value - (value % 2);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, value));
    }

}
