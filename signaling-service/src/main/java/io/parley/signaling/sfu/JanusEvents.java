package io.parley.signaling.sfu;

import tools.jackson.databind.JsonNode;

/**
 * What Janus pushes for one handle without being asked: VideoRoom notifications
 * (publishers coming and going), {@code webrtcup}, {@code hangup}, ...
 */
interface JanusEvents {

    void onEvent(JsonNode event);

    /**
     * The socket to Janus closed: Janus destroys the sessions that lived on it, so the
     * handle is gone.
     */
    void onLost();

}
