package io.parley.devstack.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.devstack.run.DataLayout;

/**
 * The stack runs on when a media server is installed but does not start; real processes
 * ({@code /bin/false} in place of the binaries), so no fixed port is bound.
 */
class MediaServersTests {

    private static final URI COLLECTOR = URI.create("http://127.0.0.1:8084");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private final PrintStream console = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void aJanusAndACoturnThatDoNotStartLeaveMeetingsPeerToPeerWithoutRelayAndSaySoInOneLineEach() {
        DataLayout layout = new DataLayout(dataDir);
        layout.create();
        Optional<Path> broken = Optional.of(Path.of("/bin/false"));

        MediaServers media = MediaServers.start(new MediaPlan(broken, broken), layout, COLLECTOR, console);

        assertThat(media.running()).isEmpty();
        assertThat(media.signalingEnvironment()).isEmpty();
        assertThat(media.collectorEnvironment()).isEmpty();
        assertThat(output.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
                janus -> assertThat(janus).startsWith("[devstack] janus did not start (")
                    .contains("meetings stay peer-to-peer")
                    .endsWith(layout.janus().resolve("janus.log").toString()),
                coturn -> assertThat(coturn).startsWith("[devstack] coturn did not start (")
                    .contains("no TURN relay")
                    .endsWith(layout.coturn().resolve("turnserver.log").toString()));
    }

    @Test
    void nothingInstalledStartsNothingAndTellsSignalingNothing() {
        MediaServers media = MediaServers.start(new MediaPlan(Optional.empty(), Optional.empty()),
                new DataLayout(dataDir), COLLECTOR, console);

        assertThat(media.running()).isEmpty();
        assertThat(media.signalingEnvironment()).isEmpty();
        assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    }

}
