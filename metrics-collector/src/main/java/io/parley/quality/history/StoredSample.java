package io.parley.quality.history;

import java.time.Instant;
import java.util.UUID;

import io.parley.quality.sample.QualitySample;

/**
 * A sample as the history keeps it: with the id of the event that carried it, which is
 * what makes storing it idempotent.
 */
public record StoredSample(UUID eventId, QualitySample sample) {

    public Instant measuredAt() {
        return Instant.ofEpochMilli(sample.timestamp());
    }
}
