package io.parley.meeting.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.parley.meeting.MeetingProperties;

/** Meeting properties with the documented defaults, for unit tests. */
public final class TestProperties {

    private TestProperties() {
    }

    public static MeetingProperties with(List<MeetingProperties.ApiKey> apiKeys) {
        return with(apiKeys, Duration.ofHours(4));
    }

    /** With this maximum recording length. */
    public static MeetingProperties withRecordingMaxLength(Duration maxLength) {
        return with(List.of(), maxLength);
    }

    private static MeetingProperties with(List<MeetingProperties.ApiKey> apiKeys, Duration recordingMaxLength) {
        return new MeetingProperties(URI.create("http://localhost:8080"), 50, 100, Duration.ofHours(24),
                Duration.ofHours(1), null, true, apiKeys,
                new MeetingProperties.CreationLimits(60, 120, Duration.ofHours(1)),
                new MeetingProperties.Tokens(Duration.ofHours(4), null, Path.of(".parley/data")),
                new MeetingProperties.Events(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofDays(7)),
                new MeetingProperties.Presence("meeting-service", Duration.ofHours(1)),
                new MeetingProperties.Recording(recordingMaxLength));
    }

}
