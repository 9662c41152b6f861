package io.parley.signaling.sfu;

import java.util.Locale;

/**
 * How a meeting's media flows: {@code AUTO} is a mesh that moves to the SFU at
 * {@code switch-at} participants, {@code MESH} always peer to peer, {@code SFU} through
 * Janus from the first participant.
 */
public enum MediaMode {

    AUTO, MESH, SFU;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A meeting's choice as meeting-service sends it; anything else is {@code AUTO}. */
    public static MediaMode ofMeeting(Object value) {
        if (value instanceof String text) {
            for (MediaMode mode : values()) {
                if (mode.wireName().equals(text)) {
                    return mode;
                }
            }
        }
        return AUTO;
    }

}
