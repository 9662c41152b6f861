package io.parley.recording.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class GridLayoutTests {

    private static final GridLayout.Canvas CANVAS = new GridLayout.Canvas(1280, 720, 25, 1500);

    @Test
    void oneVideoFillsThePictureAndIsDelayedByItsOffset() {
        String filters = filters(videos(1), List.of(new GridLayout.Input(Path.of("a.opus"), 1.5)));
        assertThat(filters).contains("[0:v]setpts=PTS-STARTPTS,scale=1280:720")
            .contains("tpad=start_duration=0.000")
            .contains("[v0]null[grid]")
            .contains("[1:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=1500:all=1[a0]")
            .doesNotContain("xstack")
            .doesNotContain("amix");
    }

    @Test
    void twoVideosSitSideBySideAndEveryAudioIsMixed() {
        String filters = filters(videos(2),
                List.of(new GridLayout.Input(Path.of("a.opus"), 0), new GridLayout.Input(Path.of("b.opus"), 2)));
        assertThat(filters).contains("scale=640:720")
            .contains("xstack=inputs=2:layout=0_0|640_0:fill=black")
            .contains("tpad=start_duration=1.000")
            .contains("amix=inputs=2:duration=longest:normalize=0");
    }

    @Test
    void fiveVideosMakeAThreeByTwoGridAndMoreThanNineAreCut() {
        assertThat(filters(videos(5), List.of())).contains("scale=426:360")
            .contains("layout=0_0|426_0|852_0|0_360|426_360")
            .contains("[5:a]atrim=duration=6.000[a]");
        assertThat(filters(videos(12), List.of())).contains("xstack=inputs=9:");
    }

    @Test
    void withoutVideoThePictureIsBlack() {
        List<String> command = GridLayout.command("ffmpeg", List.of(), List.of(new GridLayout.Input(Path.of("a"), 0)),
                5, CANVAS, Path.of("out.webm"));
        assertThat(command).contains("color=c=black:s=1280x720:r=25:d=5.000", "libvpx", "libopus", "webm");
        assertThat(command.get(command.indexOf("-t") + 1)).isEqualTo("5.000");
    }

    private static List<GridLayout.Input> videos(int count) {
        return IntStream.range(0, count).mapToObj(i -> new GridLayout.Input(Path.of("v" + i + ".webm"), i)).toList();
    }

    private static String filters(List<GridLayout.Input> videos, List<GridLayout.Input> audios) {
        List<String> command = GridLayout.command("ffmpeg", videos, audios, 6, CANVAS, Path.of("out.webm"));
        return command.get(command.indexOf("-filter_complex") + 1);
    }

}
