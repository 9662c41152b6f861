package io.parley.devstack.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.parley.devstack.DevstackException;

class UpOptionsTests {

    private final Path root = Path.of("/checkout");

    @Test
    void defaultsToOneSignalingInstanceAndDataInTheCheckout() {
        UpOptions options = UpOptions.parse(List.of(), root);

        assertThat(options.signalingInstances()).isEqualTo(1);
        assertThat(options.dataDir()).isEqualTo(Path.of("/checkout/.parley"));
        assertThat(options.jsonLogs()).isFalse();
        assertThat(options.fatJars()).isFalse();
        assertThat(options.readyTimeout()).hasSeconds(120);
    }

    @Test
    void readsBothOptionSpellings() {
        UpOptions options = UpOptions.parse(List.of("--signaling-instances", "2", "--data-dir=/tmp/p", "--json-logs",
                "--ready-timeout=300", "--no-build"), root);

        assertThat(options.signalingInstances()).isEqualTo(2);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/p"));
        assertThat(options.jsonLogs()).isTrue();
        assertThat(options.readyTimeout()).hasSeconds(300);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> UpOptions.parse(List.of("--signaling-instances", "0"), root))
            .isInstanceOf(DevstackException.class)
            .hasMessageContaining("from 1 to 8");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--signaling-instances"), root))
            .isInstanceOf(DevstackException.class)
            .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--verbose"), root)).isInstanceOf(DevstackException.class)
            .hasMessageContaining("unknown option '--verbose'");
    }

}
