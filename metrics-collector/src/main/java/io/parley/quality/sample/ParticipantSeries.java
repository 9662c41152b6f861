package io.parley.quality.sample;

import java.util.List;

/** One participant's retained samples, oldest first. */
public record ParticipantSeries(String participantId, List<QualityPoint> points) {
}
