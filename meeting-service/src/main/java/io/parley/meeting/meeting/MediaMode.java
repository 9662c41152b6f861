package io.parley.meeting.meeting;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a meeting's media travels, as its host chose at creation: signaling-service reads
 * it from the meeting snapshot ({@code media}) and decides the mesh or the SFU with it
 * (docs/media.md). It only takes effect where signaling has a Janus instance; without one
 * every meeting stays peer-to-peer.
 */
public enum MediaMode {

    /**
     * Peer-to-peer until the meeting reaches signaling's {@code switch-at}, then the SFU.
     */
    AUTO("auto"),

    /** Always peer-to-peer, whatever the meeting's size. */
    MESH("mesh"),

    /** Through the media server from the first participant. */
    SFU("sfu");

    private final String value;

    MediaMode(String value) {
        this.value = value;
    }

    /**
     * How the mode is sent, stored and shown: {@code auto}, {@code mesh}, {@code sfu}.
     */
    public String value() {
        return value;
    }

    /**
     * The mode a wire or stored value names; case matters, like every enum of the API.
     */
    public static Optional<MediaMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst();
    }

    /**
     * A stored meeting's mode: meetings created before the field existed, and any value
     * this version does not know, are {@code auto}.
     */
    static MediaMode stored(String value) {
        return of(value).orElse(AUTO);
    }

}
