package io.parley.recording.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.parley.recording.RecordingProperties;
import io.parley.recording.support.MjrCapture;

/**
 * Issue 25's processing figures: how long recording-service's own {@link RecordingProcessor}
 * (janus-pp-rec per .mjr, ffprobe, the {@link GridLayout} ffmpeg run, ffprobe) takes for a
 * recording of 1, 2, 4 and 9 participants, against the recorded time, with the CPU its tools
 * use; beside the floor in the same run: the same janus-pp-rec runs ({@link MediaTools}) and
 * one {@code ffmpeg -c copy} of the converted files into one file, i.e. processing without
 * decoding, laying out or encoding anything. In the processing package because the processor
 * is package-private: the benchmark calls the very code the worker calls, with the service's
 * default settings (1280x720, 25 fps, 1,500 kbit/s).
 */
public final class RecordingProcessingBenchmark {

    private RecordingProcessingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        int[] layouts = Arrays.stream(System.getProperty("bench.layouts", "1,2,4,9").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
        int runs = Integer.getInteger("bench.runs", 1);
        Path root = Path.of(System.getProperty("bench.work", "target/work")).toAbsolutePath();
        long ticks = Long.parseLong(Tools.run(List.of("getconf", "CLK_TCK"), tmp("clk"), Duration.ofSeconds(10)).strip());
        RecordingProperties properties = new RecordingProperties(null, null, null, null, null, null, 0, null, null,
                null, null, null, null, null, 0, 0, 0, 0);
        System.out.printf("cores %d, load average %s%n", Runtime.getRuntime().availableProcessors(), load());
        System.out.println(firstLine(Tools.run(List.of(properties.ffmpeg(), "-version"), tmp("ffmpeg"),
                Duration.ofSeconds(10))));

        Path one = Files.createDirectories(root.resolve("capture"));
        long captureStart = System.nanoTime();
        MjrCapture.record(one, "p1", Duration.ofSeconds(seconds), 440);
        System.out.printf("captured one participant x %d s (real time) in %.1f s; load average %s%n", seconds,
                (System.nanoTime() - captureStart) / 1e9, load());

        System.out.println();
        System.out.println("layout  recorded  processing  x real time  CPU s/rec min  floor  x real time  "
                + "CPU s/rec min  layout/floor wall  CPU  composed GB/h  kept GB/h  capture GB/h  load");
        for (int run = 0; run < runs; run++) {
            for (int layout : layouts) {
                Path capture = subset(one, root.resolve("layout-" + layout + "/capture"), layout);
                measure(properties, ticks, layout, seconds, capture, root.resolve("layout-" + layout + "/run-" + run));
            }
        }
    }

    private static void measure(RecordingProperties properties, long ticks, int layout, int seconds, Path capture,
            Path work) throws Exception {
        RecordingProcessor processor = new RecordingProcessor(properties);
        double cpu0 = ChildCpu.seconds(ticks);
        long start = System.nanoTime();
        RecordingProcessor.Result result = processor.process("layout" + layout, capture, work.resolve("processed"),
                (double) seconds);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = ChildCpu.seconds(ticks) - cpu0;

        double floorCpu0 = ChildCpu.seconds(ticks);
        long floorStart = System.nanoTime();
        Floor.run(properties, capture, work.resolve("floor"));
        double floorWall = (System.nanoTime() - floorStart) / 1e9;
        double floorCpu = ChildCpu.seconds(ticks) - floorCpu0;

        double recorded = result.durationSeconds();
        double minutes = recorded / 60;
        double hours = recorded / 3600;
        long composed = Files.size(result.composed());
        long kept = composed + size(result.participantFiles());
        long mjr = size(list(capture));
        System.out.println(String.format(Locale.ROOT,
                "%6d  %7.1fs  %9.1fs  %10.3fx  %13.1f  %4.1fs  %10.3fx  %13.1f  %17.1fx  %3.1fx  %13.2f  %9.2f  %12.2f  %s",
                layout, recorded, wall, wall / recorded, cpu / minutes, floorWall, floorWall / recorded,
                floorCpu / minutes, wall / floorWall, cpu / floorCpu, composed / hours / 1e9, kept / hours / 1e9,
                mjr / hours / 1e9, load()));
    }

    /**
     * {@code count} participants p1..pN, each the one captured participant's files under its own
     * name (hard links): N real .mjr pairs the processor converts, decodes and lays out one by
     * one. One sender, not N at once: N real-time ffmpeg senders do not keep up on two shared
     * cores, and a sender that falls behind is killed by MjrCapture.
     */
    private static Path subset(Path one, Path target, int count) throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target);
        for (int i = 1; i <= count; i++) {
            for (Path file : list(one)) {
                Files.createLink(target.resolve("p" + i + file.getFileName().toString().substring(2)), file);
            }
        }
        return target;
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter((file) -> file.toString().endsWith(".mjr")).sorted().toList();
        }
    }

    private static long size(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static String load() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static Path tmp(String name) throws IOException {
        return Files.createTempFile("recording-bench-" + name, ".log");
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

}
