package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording stops by itself, with the matching reason: the meeting ends, the host who
 * started it leaves or their last connection closes, or it reaches the maximum length (on
 * whichever instance runs, also when the one that started it no longer runs).
 */
class RecordingAutoStopIT {

    private static final String RECORDING = "/api/meetings/{id}/recording";

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), "signaling-service",
            Clock.systemUTC());

    private static RunningMeetingService service;

    /** A second instance whose recordings last two seconds at most. */
    private static RunningMeetingService brief;

    /** Like {@link #brief}, but its background tasks are stopped as if it had died. */
    private static RunningMeetingService starter;

    private static MeetingApiClient api;

    private static MeetingEventsProbe probe;

    private static KafkaProducer<String, CloudEvent> producer;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start();
        brief = RunningMeetingService.start("--parley.meetings.recording.max-length=2s");
        starter = RunningMeetingService.start("--parley.meetings.recording.max-length=2s");
        starter.stopBackgroundTasks();
        api = new MeetingApiClient(service.client());
        probe = new MeetingEventsProbe(SharedInfrastructure.kafka());
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stop() {
        producer.close();
        probe.close();
        starter.close();
        brief.close();
        service.close();
    }

    @Test
    void endingTheMeetingStopsTheRecordingFirst() {
        var created = api.create("Ada");
        String id = created.meetingId();
        String recordingId = startRecording(api, created);

        api.post("/api/meetings/{id}/end", created.hostToken(), id).expectStatus().isNoContent();

        assertThat(api.get(id)).containsEntry("recording", null).containsEntry("state", "ended");
        List<ConsumerRecord<String, CloudEvent>> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(id), list -> list.size() >= 4);
        assertThat(events).extracting(record -> record.value().getType())
            .containsExactly("io.parley.meeting.created", RecordingIT.STARTED, RecordingIT.STOPPED,
                    "io.parley.meeting.ended");
        assertStopped(MeetingEventsProbe.data(events.get(2)), recordingId, "meeting-ended");
    }

    @Test
    void theHostWhoStartedItLeavingStopsItAParticipantLeavingDoesNot() {
        var created = api.create("Ada");
        String id = created.meetingId();
        var grace = api.join(id, "Grace");
        String recordingId = startRecording(api, created);

        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), id, grace.participantId())
            .expectStatus()
            .isNoContent();
        assertThat(api.get(id).get("recording")).isNotNull();
        api.delete("/api/meetings/{id}/participants/{pid}", created.hostToken(), id, created.hostId())
            .expectStatus()
            .isNoContent();

        assertThat(api.get(id)).containsEntry("recording", null);
        assertStopped(onlyStop(id), recordingId, "host-left");
    }

    @Test
    void theLastConnectionOfTheHostClosingStopsIt() {
        var created = api.create("Ada");
        String id = created.meetingId();
        var grace = api.join(id, "Grace");
        presence(EventType.PARTICIPANT_CONNECTED, id, created.hostId(), "tab-1");
        presence(EventType.PARTICIPANT_CONNECTED, id, created.hostId(), "tab-2");
        presence(EventType.PARTICIPANT_CONNECTED, id, grace.participantId(), "g-1");
        awaitOnline(id, grace.participantId(), true);
        String recordingId = startRecording(api, created);

        presence(EventType.PARTICIPANT_DISCONNECTED, id, created.hostId(), "tab-1");
        presence(EventType.PARTICIPANT_DISCONNECTED, id, grace.participantId(), "g-1");
        // one partition per meeting, in order: Grace offline means tab-1 closing was
        // applied
        awaitOnline(id, grace.participantId(), false);
        assertThat(api.get(id).get("recording")).as("the host still has a connection").isNotNull();
        presence(EventType.PARTICIPANT_DISCONNECTED, id, created.hostId(), "tab-2");

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(id).get("recording") == null);
        assertStopped(onlyStop(id), recordingId, "host-left");
    }

    /** Both instances poll the deadline; the stop names the recording, so one emits. */
    @Test
    void stopsOnceAtTheMaximumLength() {
        var briefApi = new MeetingApiClient(brief.client());
        var created = briefApi.create("Ada");
        String id = created.meetingId();
        String recordingId = startRecording(briefApi, created);
        assertThat(MeetingApiClient.map(api.get(id).get("recording"))).containsEntry("maxSeconds", 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(id).get("recording") == null);

        assertStopped(onlyStop(id), recordingId, "max-length");
    }

    /**
     * The deadline is kept in Redis, not by the instance that started the recording: with
     * that one's background work gone, another stops it.
     */
    @Test
    void theMaximumLengthIsMetWithoutTheInstanceThatStartedTheRecording() {
        var starterApi = new MeetingApiClient(starter.client());
        var created = starterApi.create("Ada");
        String recordingId = startRecording(starterApi, created);

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(created.meetingId()).get("recording") == null);

        assertStopped(onlyStop(created.meetingId()), recordingId, "max-length");
    }

    private static String startRecording(MeetingApiClient client, MeetingApiClient.Created meeting) {
        return (String) MeetingApiClient
            .body(client.post(RECORDING, meeting.hostToken(), meeting.meetingId()).expectStatus().isCreated())
            .get("recordingId");
    }

    /**
     * The one stop event of the meeting; a later change's event shows nothing more is on
     * its way.
     */
    private static JsonNode onlyStop(String meetingId) {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(meetingId, RecordingIT.STOPPED), events -> !events.isEmpty());
        var marker = api.create("Marker");
        api.post("/api/meetings/{id}/end", marker.hostToken(), marker.meetingId()).expectStatus().isNoContent();
        String ended = "io.parley.meeting.ended";
        await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(marker.meetingId(), ended), events -> !events.isEmpty());
        List<ConsumerRecord<String, CloudEvent>> stops = probe.eventsOf(meetingId, RecordingIT.STOPPED);
        assertThat(stops).hasSize(1);
        return MeetingEventsProbe.data(stops.get(0));
    }

    private static void assertStopped(JsonNode data, String recordingId, String reason) {
        assertThat(data.get("recordingId").asString()).isEqualTo(recordingId);
        assertThat(data.get("reason").asString()).isEqualTo(reason);
        assertThat(data.get("startedAt").asString()).isNotBlank();
        assertThat(data.get("stoppedAt").asString()).isNotBlank();
    }

    private static void presence(EventType type, String meetingId, String participantId, String connectionId) {
        CloudEvent event = CODEC.encode(type, UUID.randomUUID().toString(), meetingId,
                Map.of("meetingId", meetingId, "participantId", participantId, "connectionId", connectionId));
        producer.send(new ProducerRecord<>(Topic.PRESENCE_EVENTS.topicName(), meetingId, event));
        producer.flush();
    }

    private static void awaitOnline(String meetingId, String participantId, boolean online) {
        await().atMost(Duration.ofSeconds(60))
            .until(() -> MeetingLifecycleIT.participants(api.get(meetingId))
                .stream()
                .anyMatch(p -> participantId.equals(p.get("participantId")) && online == (boolean) p.get("online")));
    }

}
