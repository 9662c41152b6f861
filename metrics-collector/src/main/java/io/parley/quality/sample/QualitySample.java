package io.parley.quality.sample;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One accepted beacon as it travels on {@code parley.quality.samples} (key = meeting id):
 * who measured, when, and what. The documented schema is in {@code docs/quality.md}.
 *
 * @param sessionId the client's measuring session; with {@code timestamp} it identifies
 * the sample, so a beacon sent twice is counted once
 * @param timestamp when the client measured, epoch milliseconds
 * @param receivedAt when the collector accepted it, epoch milliseconds
 * @param format which beacon format it arrived in
 * @param meetingSessionId Daily's meeting session id, only for Daily-style beacons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualitySample(String meetingId, String participantId, String sessionId, long timestamp, long receivedAt,
        BeaconFormat format, String meetingSessionId, QualityStats stats) {

    /**
     * The same for every copy of one measurement, so consumers can recognise a retried
     * beacon by the event id.
     */
    @JsonIgnore
    public String eventId() {
        String identity = meetingId + '/' + participantId + '/' + sessionId + '/' + timestamp;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public QualityPoint point() {
        return new QualityPoint(timestamp, sessionId, stats);
    }
}
