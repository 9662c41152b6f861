package io.parley.devstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.devstack.media.SignalingMedia;
import io.parley.devstack.run.DataLayout;

class ServiceLauncherTests {

    private final StackPlan plan = StackPlan.of(2);

    @TempDir
    Path dataDir;

    private ServiceLauncher launcher;

    @BeforeEach
    void launcher() {
        launcher = new ServiceLauncher(new ServiceJars(Path.of("/checkout"), "1.0"), plan, new DataLayout(dataDir),
                false, List.of(), null, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void everyServiceGetsTheRedisPasswordGeneratedAtTheFirstStartAndKeptForTheNext() throws Exception {
        String password = launcher.environment(instance("gateway")).get("PARLEY_REDIS_PASSWORD");

        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        for (ServiceInstance service : plan.services()) {
            assertThat(launcher.environment(service)).as(service.name())
                .containsEntry("PARLEY_REDIS_PASSWORD", password);
        }
        assertThat(new DataLayout(dataDir).redisPassword()).as("after a restart").isEqualTo(password);
        assertThat(PosixFilePermissions
            .toString(Files.getPosixFilePermissions(dataDir.resolve("secrets").resolve("redis-password"))))
            .isEqualTo("rw-------");
    }

    @Test
    void peopleServiceFindsItsDatabaseOnTheLocalPostgresWithoutAPassword() {
        Map<String, String> env = launcher.environment(instance("people-service"));

        assertThat(env).containsEntry("PARLEY_PEOPLE_SERVICE_PORT", "8085")
            .containsEntry("PARLEY_POSTGRES_HOST", "127.0.0.1")
            .containsEntry("PARLEY_POSTGRES_PORT", "5432")
            .containsEntry("PARLEY_POSTGRES_DB", "people")
            .containsEntry("PARLEY_POSTGRES_USER", "parley")
            .containsEntry("PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI", "http://localhost:8080")
            .containsEntry("PARLEY_PEOPLE_EXPORT_RECORDINGSURL", "http://127.0.0.1:8079")
            .doesNotContainKey("PARLEY_POSTGRES_PASSWORD");
    }

    @Test
    void metricsCollectorFindsItsOwnDatabaseOnTheSamePostgres() {
        Map<String, String> env = launcher.environment(instance("metrics-collector"));

        assertThat(env).containsEntry("PARLEY_POSTGRES_HOST", "127.0.0.1")
            .containsEntry("PARLEY_POSTGRES_PORT", "5432")
            .containsEntry("PARLEY_POSTGRES_DB", "quality")
            .containsEntry("PARLEY_POSTGRES_USER", "parley")
            .doesNotContainKey("PARLEY_POSTGRES_PASSWORD");
    }

    @Test
    void onlyPeopleServiceAndMetricsCollectorArePointedAtPostgres() {
        for (String name : List.of("gateway", "signaling-service-1", "meeting-service", "stream-limit-service")) {
            assertThat(launcher.environment(instance(name)).keySet()).as(name)
                .noneMatch(key -> key.startsWith("PARLEY_POSTGRES_"));
        }
    }

    @Test
    void theGatewayRoutesToPeopleServiceAndToEverySignalingInstance() {
        Map<String, String> env = launcher.environment(instance("gateway"));

        assertThat(env).containsEntry("PARLEY_PEOPLE_URIS", "http://127.0.0.1:8085")
            .containsEntry("PARLEY_RECORDING_URIS", "http://127.0.0.1:8079")
            .containsEntry("PARLEY_SIGNALING_URIS", "http://127.0.0.1:8081,http://127.0.0.1:8086");
    }

    @Test
    void metricsCollectorAloneIsGivenTheCredentialsJanussEventHandlerPostsWith() {
        launcher.useMedia(Map.of(), Map.of("PARLEY_QUALITY_SFU_EVENTS_USERNAME", "janus",
                "PARLEY_QUALITY_SFU_EVENTS_PASSWORD", "events-password"));

        assertThat(launcher.environment(instance("metrics-collector")))
            .containsEntry("PARLEY_QUALITY_SFU_EVENTS_USERNAME", "janus")
            .containsEntry("PARLEY_QUALITY_SFU_EVENTS_PASSWORD", "events-password");
        for (String name : List.of("gateway", "meeting-service", "signaling-service-1", "people-service")) {
            assertThat(launcher.environment(instance(name))).as(name)
                .doesNotContainKey("PARLEY_QUALITY_SFU_EVENTS_PASSWORD");
        }
    }

    @Test
    void everySignalingInstanceAndNoOtherServiceIsToldWhereJanusAndCoturnRun() {
        Map<String, String> media = new LinkedHashMap<>(SignalingMedia.janus(URI.create("http://127.0.0.1:8094/janus"),
                URI.create("http://127.0.0.1:8096/admin"), URI.create("ws://127.0.0.1:8095"), "api-secret",
                "admin-secret", Path.of("/tmp/parley/janus/captures")));
        media.putAll(SignalingMedia.turn("turn:192.0.2.2:3480", "turn-secret"));
        launcher.useMedia(media, Map.of());

        for (String name : List.of("signaling-service-1", "signaling-service-2")) {
            assertThat(launcher.environment(instance(name))).as(name)
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_0_API", "http://127.0.0.1:8094/janus")
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_0_ADMIN", "http://127.0.0.1:8096/admin")
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_0_WEBSOCKET", "ws://127.0.0.1:8095")
                .containsEntry("PARLEY_SIGNALING_SFU_API_SECRET", "api-secret")
                .containsEntry("PARLEY_SIGNALING_SFU_ADMIN_SECRET", "admin-secret")
                .containsEntry("PARLEY_SIGNALING_SFU_INSTANCES_0_RECORDINGS_DIR", "/tmp/parley/janus/captures")
                .containsEntry("PARLEY_TURN_URIS", "turn:192.0.2.2:3480")
                .containsEntry("PARLEY_TURN_SECRET", "turn-secret");
        }
        for (String name : List.of("gateway", "meeting-service", "stream-limit-service", "metrics-collector",
                "people-service", "recording-service")) {
            assertThat(launcher.environment(instance(name)).keySet()).as(name)
                .noneMatch(key -> key.startsWith("PARLEY_SIGNALING_SFU_") || key.startsWith("PARLEY_TURN_"));
        }
    }

    @Test
    void recordingServiceReadsJanusCapturesWhereSignalingTellsJanusToWriteThemAndKeepsItsOwnDatabase() {
        Map<String, String> env = launcher.environment(instance("recording-service"));

        assertThat(env).containsEntry("PARLEY_RECORDING_SERVICE_PORT", "8079")
            .containsEntry("PARLEY_RECORDINGS_CAPTURE_DIR", new DataLayout(dataDir).captures().toString())
            .containsEntry("PARLEY_RECORDINGS_STORAGE_DIR", dataDir.resolve("recordings").toString())
            .containsEntry("PARLEY_POSTGRES_DB", "recordings");
    }

    @Test
    void withoutMediaServersSignalingGetsNoSfuAndNoTurnSettings() {
        assertThat(launcher.environment(instance("signaling-service-1")).keySet())
            .noneMatch(key -> key.startsWith("PARLEY_SIGNALING_SFU_") || key.startsWith("PARLEY_TURN_"));
    }

    private ServiceInstance instance(String name) {
        return plan.services().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

}
