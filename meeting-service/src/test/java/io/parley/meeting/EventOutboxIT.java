package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.EventType;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.event.OutboxPublisher;
import io.parley.meeting.meeting.MeetingStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No event is lost when Kafka fails after a change was stored: the request still succeeds
 * (the state is stored), the event waits in the meeting's Redis outbox, and reaches
 * Kafka, in order, once the broker is back.
 */
class EventOutboxIT {

    @TempDir
    static Path kafkaDir;

    private static KafkaBrokerProcess kafka;

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    @BeforeAll
    static void start() {
        kafka = KafkaBrokerProcess.startOnFreePorts(kafkaDir);
        service = RunningMeetingService.start(SharedInfrastructure.redis(), kafka,
                "--parley.meetings.events.drain-interval=1s", "--parley.meetings.events.drain-after=2s",
                "--parley.meetings.events.publish-timeout=1s");
        api = new MeetingApiClient(service.client());
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
    }

    @Test
    void changesSucceedWhileKafkaIsDownAndTheirEventsFollowWhenItIsBack() {
        var created = api.create("Ada");
        String id = created.meetingId();
        var grace = api.join(id, "Grace");
        try (MeetingEventsProbe probe = new MeetingEventsProbe(kafka)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> probe.eventsOf(id).size() == 2);
        }
        double failedBefore = failedCount();

        kafka.stop();
        try {
            api.post("/api/meetings/{id}/mute-all", created.hostToken(), id).expectStatus().isNoContent();
            api.post("/api/meetings/{id}/participants/{pid}/mute", created.hostToken(), id, grace.participantId())
                .expectStatus()
                .isNoContent();
            api.post("/api/meetings/{id}/lock", created.hostToken(), id).expectStatus().isNoContent();
            assertThat(api.get(id)).containsEntry("state", "locked");
            // the producer gives up after its delivery timeout; the events stay in the
            // outbox
            await().atMost(Duration.ofSeconds(60)).until(() -> failedCount() > failedBefore);
        }
        finally {
            kafka.start();
        }

        try (MeetingEventsProbe probe = new MeetingEventsProbe(kafka)) {
            List<String> types = await().atMost(Duration.ofSeconds(60))
                .until(() -> distinctTypes(probe.eventsOf(id)), list -> list.size() == 5);
            assertThat(types).containsExactly("io.parley.meeting.created", "io.parley.meeting.participant-joined",
                    "io.parley.meeting.muted-all", "io.parley.meeting.participant-muted", "io.parley.meeting.locked");
        }
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    service.bean(MeterRegistry.class).get("parley.meetings.events.outbox.pending").gauge().value())
                .isZero());
    }

    @Test
    void drainsEventsLeftBehindByAnInstanceThatDiedBeforePublishing() {
        var created = api.create("Ada");
        String id = created.meetingId();
        MeetingStore store = service.bean(MeetingStore.class);

        // what a request does up to the moment its instance is killed: noted as pending,
        // change and event stored
        service.bean(OutboxPublisher.class).markPending(id).block();
        assertThat(
                store.lock(id, EventType.MEETING_LOCKED, new MeetingEvents.Locked(id, created.hostId(), Instant.now()))
                    .block())
            .isEqualTo(MeetingStore.Outcome.OK);

        try (MeetingEventsProbe probe = new MeetingEventsProbe(kafka)) {
            List<String> types = await().atMost(Duration.ofSeconds(60))
                .until(() -> distinctTypes(probe.eventsOf(id)), list -> list.size() == 2);
            assertThat(types).containsExactly("io.parley.meeting.created", "io.parley.meeting.locked");
        }
    }

    /**
     * Types in order, each event once: a retry may publish an event twice, with the same
     * id.
     */
    private static List<String> distinctTypes(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(ConsumerRecord::value).filter(distinctById()).map(CloudEvent::getType).toList();
    }

    private static java.util.function.Predicate<CloudEvent> distinctById() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return event -> seen.add(event.getId());
    }

    private static double failedCount() {
        return service.bean(MeterRegistry.class).get("parley.meetings.events.failed").counter().count();
    }

}
