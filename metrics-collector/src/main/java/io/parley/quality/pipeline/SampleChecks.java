package io.parley.quality.pipeline;

import io.parley.quality.beacon.BeaconParser;
import io.parley.quality.sample.QualitySample;

/**
 * What a record from the topic must hold before it may shape Redis keys: the collector's
 * own samples always do, but the topic is open to other producers.
 */
final class SampleChecks {

    private SampleChecks() {
    }

    static boolean isRecordable(QualitySample sample) {
        return isId(sample.meetingId()) && isId(sample.participantId()) && isId(sample.sessionId())
                && sample.stats() != null;
    }

    private static boolean isId(String value) {
        return value != null && BeaconParser.ID.matcher(value).matches();
    }

}
