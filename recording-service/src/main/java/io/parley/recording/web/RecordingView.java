package io.parley.recording.web;

import java.time.Instant;

import io.parley.recording.catalog.Recording;

/**
 * A recording as the API shows it; {@code url} is where its file is (answered once the
 * recording is ready).
 */
record RecordingView(String recordingId, String meetingId, String state, Instant startedAt, Double durationSeconds,
        String url) {

    static RecordingView of(Recording recording) {
        String url = "/api/recordings/" + recording.recordingId() + "/file";
        return new RecordingView(recording.recordingId(), recording.meetingId(), recording.state().value(),
                recording.startedAt(), recording.durationSeconds(), url);
    }

}
