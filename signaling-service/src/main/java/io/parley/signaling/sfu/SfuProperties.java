package io.parley.signaling.sfu;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SFU settings ({@code parley.signaling.sfu.*}).
 *
 * @param instances the Janus instances (default none: every meeting is a mesh)
 * @param mode which meetings use the SFU: {@code auto} (default: a mesh until
 * {@code switch-at} participants, then the SFU), {@code mesh} (none) or {@code sfu}
 * (every meeting from its first participant); a host's choice for one meeting overrides
 * {@code auto} only
 * @param apiSecret Janus's {@code api_secret}, sent with every Janus API request (default
 * empty: Janus runs without one)
 * @param adminSecret Janus's {@code admin_secret}, for the admin API the metrics come
 * from (default empty)
 * @param switchAt the participant count at which a meeting moves from mesh to the SFU
 * (default 5: a mesh holds up to 4)
 * @param maxPublishers most publishers a VideoRoom room accepts (default 100, the largest
 * meeting)
 * @param requestTimeout time limit of one request to Janus (default 2s)
 * @param keepaliveInterval how often the sessions signaling holds are kept alive; under
 * Janus's {@code session_timeout} (default 20s, Janus's timeout being 60s)
 * @param metricsInterval how often each instance's rooms, publishers and subscribers are
 * read from its admin API (default 15s)
 * @param roomTtl how long a meeting's room stays recorded in Redis without a participant
 * leaving or joining, a bound for rooms of meetings whose every signaling instance died
 * (default 12h)
 */
@Validated
@ConfigurationProperties("parley.signaling.sfu")
public record SfuProperties(@Valid List<Instance> instances, @NotNull @DefaultValue("auto") MediaMode mode,
        @DefaultValue("") String apiSecret, @DefaultValue("") String adminSecret,
        @Min(2) @Max(100) @DefaultValue("5") int switchAt, @Min(2) @Max(1000) @DefaultValue("100") int maxPublishers,
        @NotNull @DefaultValue("2s") Duration requestTimeout, @NotNull @DefaultValue("20s") Duration keepaliveInterval,
        @NotNull @DefaultValue("15s") Duration metricsInterval, @NotNull @DefaultValue("12h") Duration roomTtl) {

    public SfuProperties {
        instances = (instances != null) ? List.copyOf(instances) : List.of();
    }

    /**
     * One Janus instance.
     *
     * @param api its Janus API, e.g. {@code http://janus-0:8088/janus}
     * @param admin its admin API, e.g. {@code http://janus-0:7088/admin}
     * @param websocket its Janus API over WebSockets, e.g. {@code ws://janus-0:8188},
     * where the participants' sessions live: Janus pushes their plugin events on it
     * @param recordingsDir the folder, as Janus sees it (absolute, on the Janus host),
     * under which a recording's files go ({@code <recordings-dir>/<recordingId>/}); the
     * recording worker beside that Janus reads them there (default
     * {@value #DEFAULT_RECORDINGS_DIR})
     */
    public record Instance(@NotNull URI api, @NotNull URI admin, @NotNull URI websocket,
            @Pattern(regexp = ABSOLUTE_PATH,
                    message = "must be an absolute path without '..' or control characters") String recordingsDir) {

        /** Where Janus writes recordings unless told otherwise. */
        public static final String DEFAULT_RECORDINGS_DIR = "/var/lib/janus/recordings";

        /** Absolute, no {@code ..} segment, no control character. */
        static final String ABSOLUTE_PATH = "^(?!.*/\\.\\.(?:/|$))/[^\\p{Cntrl}]*$";

        public Instance {
            recordingsDir = (recordingsDir == null || recordingsDir.isBlank()) ? DEFAULT_RECORDINGS_DIR
                    : stripTrailingSlashes(recordingsDir);
        }

        /** The folder of one recording on this instance, as Janus sees it. */
        public String recordingDir(String recordingId) {
            return recordingsDir + "/" + recordingId;
        }

        private static String stripTrailingSlashes(String dir) {
            String stripped = dir;
            while (stripped.length() > 1 && stripped.endsWith("/")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            return stripped;
        }

        /** The name metrics and logs use: the API's host and port. */
        public String name() {
            return api.getAuthority();
        }
    }

}
