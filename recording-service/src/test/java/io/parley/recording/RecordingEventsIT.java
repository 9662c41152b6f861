package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.parley.recording.support.Captures;
import io.parley.recording.support.CatalogDatabase;
import io.parley.recording.support.RecordingEvents;
import io.parley.recording.support.RunningRecordingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recording-started and recording-stopped from Kafka into the catalogue: the states, who
 * may read, redeliveries that change nothing, and a stop that overtakes its start. No
 * capture folder is on this worker, so the jobs stay waiting.
 */
class RecordingEventsIT {

    private static final String DATABASE = "recordings_events";

    @TempDir
    static Path dir;

    private static RunningRecordingService service;

    private static RecordingEvents events;

    private static CatalogDatabase db;

    @BeforeAll
    static void start() {
        db = new CatalogDatabase(DATABASE);
        service = RunningRecordingService.start(DATABASE, dir);
        events = new RecordingEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
    }

    @Test
    void aStartMakesARecordingAndItsStopAJobAndRedeliveriesChangeNothing() {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent start = events.started(meetingId, recordingId, startedAt, "acct-1", "org-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> "recording".equals(db.value(recordingId, "state")));
        Map<String, Object> row = db.row(recordingId);
        assertThat(row).containsEntry("meeting_id", meetingId)
            .containsEntry("host_participant_id", "p-host")
            .containsEntry("host_account_id", "acct-1")
            .containsEntry("org_id", "org-1")
            .containsEntry("max_seconds", 14400);

        events.send(start);
        CloudEvent stop = events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(db.value(recordingId, "state")));
        events.send(start);
        events.send(stop);
        String later = Captures.recordingId();
        events.started(meetingId, later, Instant.now(), "acct-1", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "recording".equals(db.value(later, "state")));

        Map<String, Object> after = db.row(recordingId);
        assertThat(after).containsEntry("state", "processing")
            .containsEntry("stop_reason", "host")
            .containsEntry("attempts", 0)
            .containsEntry("host_account_id", "acct-1");
    }

    @Test
    void aStopThatArrivesBeforeItsStartStillEndsAsAJobWithItsHost() {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now();
        events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(db.value(recordingId, "state")));

        events.started(meetingId, recordingId, startedAt, "acct-2", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "acct-2".equals(db.value(recordingId, "host_account_id")));

        assertThat(db.row(recordingId)).containsEntry("state", "processing").containsEntry("meeting_id", meetingId);
    }

    @Test
    void aFinishedRecordingStaysFinishedWhenItsEventsComeAgain() {
        String meetingId = Captures.meetingId();
        String recordingId = Captures.recordingId();
        Instant startedAt = Instant.now();
        CloudEvent start = events.started(meetingId, recordingId, startedAt, "acct-3", null);
        CloudEvent stop = events.stopped(meetingId, recordingId, startedAt, startedAt.plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> "processing".equals(db.value(recordingId, "state")));
        db.execute("update recording set state = 'ready', duration_seconds = 5 where recording_id = ?", recordingId);

        events.send(stop);
        events.send(start);
        String marker = Captures.recordingId();
        events.started(meetingId, marker, Instant.now(), "acct-3", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "recording".equals(db.value(marker, "state")));

        assertThat(db.row(recordingId)).containsEntry("state", "ready").containsEntry("duration_seconds", 5.0);
    }

    @Test
    void aStoppedRecordingNoWorkerHasTheCaptureOfFailsAfterTheCaptureTimeout() {
        String recordingId = Captures.recordingId();
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at) values "
                        + "(?, ?, 'processing', now() - interval '2 hours', now() - interval '61 minutes')",
                recordingId, Captures.meetingId());
        String waiting = Captures.recordingId();
        db.execute(
                "insert into recording (recording_id, meeting_id, state, started_at, stopped_at) values "
                        + "(?, ?, 'processing', now() - interval '2 hours', now() - interval '59 minutes')",
                waiting, Captures.meetingId());

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(db.value(recordingId, "state")));

        assertThat(db.row(recordingId)).containsEntry("failure_reason", "no capture was found");
        assertThat(db.row(waiting)).containsEntry("state", "processing");
    }

}
