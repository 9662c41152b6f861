package io.parley.devstack.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every signaling instance is told about the media servers, as the environment
 * variables its settings bind from: {@code parley.signaling.sfu.*} for Janus (one
 * instance, index 0) and {@code parley.signaling.ice.turn-*} for coturn.
 */
public final class SignalingMedia {

    private SignalingMedia() {
    }

    /**
     * Janus's three endpoints, its two secrets and the folder it writes recordings'
     * captures to.
     */
    public static Map<String, String> janus(URI api, URI admin, URI websocket, String apiSecret, String adminSecret,
            Path captures) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARLEY_SIGNALING_SFU_INSTANCES_0_API", api.toString());
        env.put("PARLEY_SIGNALING_SFU_INSTANCES_0_ADMIN", admin.toString());
        env.put("PARLEY_SIGNALING_SFU_INSTANCES_0_WEBSOCKET", websocket.toString());
        env.put("PARLEY_SIGNALING_SFU_API_SECRET", apiSecret);
        env.put("PARLEY_SIGNALING_SFU_ADMIN_SECRET", adminSecret);
        env.put("PARLEY_SIGNALING_SFU_INSTANCES_0_RECORDINGS_DIR", captures.toString());
        return env;
    }

    /**
     * coturn's URI and its TURN REST API secret, through the variables signaling's
     * application.yml reads (the chart sets the same).
     */
    public static Map<String, String> turn(String uri, String secret) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARLEY_TURN_URIS", uri);
        env.put("PARLEY_TURN_SECRET", secret);
        return env;
    }

}
