package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SfuPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Settings.class);

    @Test
    void defaultsToNoInstancesAndASwitchAtFiveParticipants() {
        runner.run((context) -> {
            SfuProperties settings = context.getBean(SfuProperties.class);
            assertThat(settings.instances()).isEmpty();
            assertThat(settings.mode()).isEqualTo(MediaMode.AUTO);
            assertThat(settings.roomTtl()).isEqualTo(Duration.ofHours(12));
            assertThat(settings.switchAt()).isEqualTo(5);
            assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.keepaliveInterval()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void bindsInstancesWithTheirApiAdminAndWebSocketUris() {
        runner
            .withPropertyValues("parley.signaling.sfu.instances[0].api=http://janus-0:8088/janus",
                    "parley.signaling.sfu.instances[0].admin=http://janus-0:7088/admin",
                    "parley.signaling.sfu.instances[0].websocket=ws://janus-0:8188",
                    "parley.signaling.sfu.api-secret=s1", "parley.signaling.sfu.mode=sfu")
            .run((context) -> {
                SfuProperties settings = context.getBean(SfuProperties.class);
                assertThat(settings.instances()).singleElement().satisfies((instance) -> {
                    assertThat(instance.admin()).isEqualTo(URI.create("http://janus-0:7088/admin"));
                    assertThat(instance.websocket()).isEqualTo(URI.create("ws://janus-0:8188"));
                    assertThat(instance.name()).isEqualTo("janus-0:8088");
                    assertThat(instance.recordingsDir()).isEqualTo(SfuProperties.Instance.DEFAULT_RECORDINGS_DIR);
                });
                assertThat(settings.apiSecret()).isEqualTo("s1");
                assertThat(settings.mode()).isEqualTo(MediaMode.SFU);
            });
    }

    @Test
    void bindsAnInstancesRecordingsFolderWithoutItsTrailingSlash() {
        runner.withPropertyValues(instance("/srv/janus/recordings/")).run((context) -> {
            SfuProperties.Instance instance = context.getBean(SfuProperties.class).instances().get(0);
            assertThat(instance.recordingsDir()).isEqualTo("/srv/janus/recordings");
            assertThat(instance.recordingDir("abc123")).isEqualTo("/srv/janus/recordings/abc123");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "recordings", "./recordings", "/srv/../etc", "/srv/..", "/srv/rec\u0007ordings" })
    void refusesToStartWithARecordingsFolderThatIsNotAnAbsolutePath(String dir) {
        runner.withPropertyValues(instance(dir))
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("recordingsDir"));
    }

    private static String[] instance(String recordingsDir) {
        return new String[] { "parley.signaling.sfu.instances[0].api=http://janus-0:8088/janus",
                "parley.signaling.sfu.instances[0].admin=http://janus-0:7088/admin",
                "parley.signaling.sfu.instances[0].websocket=ws://janus-0:8188",
                "parley.signaling.sfu.instances[0].recordings-dir=" + recordingsDir };
    }

    @Test
    void refusesToStartWithASwitchBelowTwoParticipants() {
        runner.withPropertyValues("parley.signaling.sfu.switch-at=1")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("switchAt"));
    }

    @Test
    void refusesToStartWithAnInstanceWithoutAnAdminUri() {
        runner
            .withPropertyValues("parley.signaling.sfu.instances[0].api=http://janus-0:8088/janus",
                    "parley.signaling.sfu.instances[0].websocket=ws://janus-0:8188")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void refusesToStartWithAnInstanceWithoutAWebSocketUri() {
        runner
            .withPropertyValues("parley.signaling.sfu.instances[0].api=http://janus-0:8088/janus",
                    "parley.signaling.sfu.instances[0].admin=http://janus-0:7088/admin")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void refusesToStartWithAnUnknownMode() {
        runner.withPropertyValues("parley.signaling.sfu.mode=always").run((context) -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SfuProperties.class)
    static class Settings {

    }

}
