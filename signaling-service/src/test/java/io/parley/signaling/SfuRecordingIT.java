package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.harness.JanusServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording on a real Janus, driven by meeting-service's events on Kafka: everyone is
 * told, the room records into {@code <recordings-dir>/<recordingId>}, every instance
 * configures the publishers it holds (and those who publish later) with
 * {@code <participantId>-<millis>}, and a stop ends it. With synthetic SDP no media
 * flows, and Janus opens no recorder file before a publisher's media is up, nor reports
 * whether one is to be recorded except in its verbose log: that log is what is checked
 * (the files themselves are proven with browsers, e2e-tests). Instance {@code a} runs
 * meetings as a mesh until five participants, {@code b} puts them on the SFU at once.
 */
class SfuRecordingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static TestKeys keys;

    private static JanusServerProcess janus;

    private static JanusAdmin admin;

    private static Path recordings;

    private static ServiceProcess a;

    private static ServiceProcess b;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        janus = JanusServerProcess.startOnFreePorts(dir);
        admin = new JanusAdmin(janus, dir.resolve("janus.log"));
        admin.logVerbosely();
        recordings = dir.resolve("recordings").toAbsolutePath();
        a = ServiceProcess.signaling("rec-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu("auto"));
        b = ServiceProcess.signaling("rec-b", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu("sfu"));
    }

    private static String[] sfu(String mode) {
        return new String[] { "--parley.signaling.leases.enabled=false", "--parley.signaling.sfu.mode=" + mode,
                "--parley.signaling.sfu.instances[0].api=" + janus.apiUri(),
                "--parley.signaling.sfu.instances[0].admin=" + janus.adminUri(),
                "--parley.signaling.sfu.instances[0].websocket=" + janus.websocketUri(),
                "--parley.signaling.sfu.instances[0].recordings-dir=" + recordings,
                "--parley.signaling.sfu.api-secret=" + janus.apiSecret(),
                "--parley.signaling.sfu.admin-secret=" + janus.adminSecret() };
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        janus.close();
        keys.close();
    }

    @Test
    void everyInstanceRecordsItsPublishersAndThoseWhoPublishLaterUntilTheStop() throws Exception {
        String meetingId = "m-" + UUID.randomUUID();
        String recordingId = recordingId();
        try (SignalingClient ada = join(b, meetingId, "Ada", "sfu");
                SignalingClient grace = join(a, meetingId, "Grace", "sfu")) {
            publish(ada);
            publish(grace);

            started(meetingId, recordingId);
            for (SignalingClient client : new SignalingClient[] { ada, grace }) {
                JsonNode recording = client.await("recording");
                assertThat(recording.path("active").asBoolean()).isTrue();
                assertThat(recording.path("recordingId").asString()).isEqualTo(recordingId);
                assertThat(recording.path("startedAt").asString()).isNotEmpty();
            }
            long room = recordsInto(recordingId);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertRecorded(room, ada.participantId());
                assertRecorded(room, grace.participantId());
                assertThat(recordingPublishers(a)).isEqualTo(1);
                assertThat(recordingPublishers(b)).isEqualTo(1);
            });

            try (SignalingClient linus = join(a, meetingId, "Linus", "sfu")) {
                publish(linus);
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertRecorded(room, linus.participantId()));
                linus.send("{\"type\":\"recording\",\"active\":false}");
                assertThat(linus.await("error").path("code").asString()).isEqualTo("unknown-type");

                publishEvent(EventType.RECORDING_STOPPED, meetingId,
                        Map.of("meetingId", meetingId, "recordingId", recordingId, "startedAt",
                                Instant.now().toString(), "stoppedAt", Instant.now().toString(), "reason", "host"));
                for (SignalingClient client : new SignalingClient[] { ada, grace, linus }) {
                    JsonNode recording = client.await("recording", message -> !message.path("active").asBoolean());
                    assertThat(recording.path("recordingId").asString()).isEqualTo(recordingId);
                    assertThat(recording.path("reason").asString()).isEqualTo("host");
                }
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(admin.logLines("Setting record property: false", "(room " + room + ",")).hasSize(3);
                    assertThat(recordingPublishers(a)).isZero();
                    assertThat(recordingPublishers(b)).isZero();
                });
            }
        }
    }

    @Test
    void aMeshMeetingThatStartsRecordingMovesToTheSfuAndIsRecordedAsItsParticipantsPublish() throws Exception {
        String meetingId = "m-" + UUID.randomUUID();
        String recordingId = recordingId();
        try (SignalingClient ada = join(a, meetingId, "Ada", "mesh");
                SignalingClient grace = join(a, meetingId, "Grace", "mesh")) {
            started(meetingId, recordingId);
            for (SignalingClient client : new SignalingClient[] { ada, grace }) {
                assertThat(client.await("recording").path("recordingId").asString()).isEqualTo(recordingId);
                assertThat(client.await("media-mode").path("mode").asString()).isEqualTo("sfu");
            }
            long room = recordsInto(recordingId);

            publish(ada);
            publish(grace);
            try (SignalingClient linus = join(a, meetingId, "Linus", "sfu")) {
                publish(linus);
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertRecorded(room, ada.participantId());
                    assertRecorded(room, grace.participantId());
                    assertRecorded(room, linus.participantId());
                });
            }
        }
    }

    private static SignalingClient join(ServiceProcess instance, String meetingId, String name, String mode) {
        SignalingClient client = SignalingClient.connect(instance.port(),
                keys.sign(keys.participant(meetingId, name, Role.PARTICIPANT)));
        assertThat(client.welcome().path("media").path("mode").asString()).isEqualTo(mode);
        return client;
    }

    private static void publish(SignalingClient client) {
        client.send(
                JSON.createObjectNode().put("type", "sfu-publish").put("sdp", SyntheticSdp.publishOffer()).toString());
        assertThat(client.await("sfu-answer").path("sdp").asString()).startsWith("v=0");
    }

    /** The meeting's room records into the recording's folder; its id. */
    private static long recordsInto(String recordingId) {
        String folder = recordings + "/" + recordingId;
        await().atMost(Duration.ofSeconds(15))
            .until(() -> admin.rooms().stream().anyMatch(room -> room.path("rec_dir").asString("").equals(folder)));
        return admin.rooms()
            .stream()
            .filter(room -> room.path("rec_dir").asString("").equals(folder))
            .findFirst()
            .orElseThrow()
            .path("room")
            .asLong();
    }

    /** Janus was told to record the participant's streams as {@code <id>-<millis>}. */
    private static void assertRecorded(long room, String participantId) {
        assertThat(admin.logLines("Setting record property: true", "(room " + room + ",")).isNotEmpty();
        assertThat(admin.logLines("Setting recording basename: " + participantId + "-", "(room " + room + ","))
            .singleElement()
            .satisfies(line -> assertThat(line).containsPattern(participantId + "-\\d{13} \\(room"));
    }

    private static int recordingPublishers(ServiceProcess instance) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/prometheus")).build();
        String metrics = HTTP.sendAsync(get, HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS).body();
        return metrics.lines()
            .filter(line -> line.startsWith("parley_signaling_sfu_recording_publishers"))
            .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElseThrow();
    }

    private static String recordingId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static void started(String meetingId, String recordingId) throws Exception {
        publishEvent(EventType.RECORDING_STARTED, meetingId,
                Map.of("meetingId", meetingId, "recordingId", recordingId, "startedAt", Instant.now().toString(), "by",
                        "p-host", "hostParticipantId", "p-host", "maxSeconds", 14400));
    }

    private static void publishEvent(EventType type, String meetingId, Map<String, Object> data) throws Exception {
        EventCodec codec = new EventCodec(JsonMapper.builder().build(), "meeting-service", Clock.systemUTC());
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            producer
                .send(new ProducerRecord<>(type.topic().topicName(), meetingId, codec.encode(type, meetingId, data)))
                .get();
        }
    }

}
