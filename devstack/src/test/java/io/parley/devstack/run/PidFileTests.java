package io.parley.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTests {

    @TempDir
    Path dir;

    @Test
    void recordsTheLauncherFirstAndEveryChildWithItsStartTime() throws IOException {
        long self = ProcessHandle.current().pid();
        PidFile file = PidFile.at(dir.resolve("run").resolve("devstack.pid"));

        file.record(PidFile.LAUNCHER, self);
        file.record("redis", self);

        assertThat(Files.readAllLines(file.path())).first().isEqualTo(Long.toString(self));
        PidFile.Contents contents = file.read().orElseThrow();
        assertThat(contents.launcher().pid()).isEqualTo(self);
        assertThat(contents.children()).extracting(PidFile.Entry::name).containsExactly("redis");
        assertThat(contents.children().get(0).liveProcess()).isPresent();
    }

    @Test
    void aRecycledPidIsNotMistakenForTheRecordedProcess() {
        long self = ProcessHandle.current().pid();
        long startedLongBefore = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() - 60_000;

        assertThat(new PidFile.Entry("gateway", self, startedLongBefore).liveProcess()).isEmpty();
    }

    @Test
    void noFileMeansNothingIsRunning() {
        assertThat(PidFile.at(dir.resolve("devstack.pid")).read()).isEmpty();
    }

}
