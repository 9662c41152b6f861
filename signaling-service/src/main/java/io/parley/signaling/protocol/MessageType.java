package io.parley.signaling.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Every signaling message type (PLATFORM.md §4.3), by the {@code type} it carries on the wire. */
public enum MessageType {

    // client → server (offer, answer and ice also go server → client, with "from")
    OFFER("offer", true),
    ANSWER("answer", true),
    ICE("ice", true),
    CHAT("chat", true),
    MEDIA("media", true),
    PING("ping", true),

    // server → client
    WELCOME("welcome", false),
    PARTICIPANT_JOINED("participant-joined", false),
    PARTICIPANT_LEFT("participant-left", false),
    PARTICIPANT_UPDATED("participant-updated", false),
    MUTED("muted", false),
    TIMER("timer", false),
    MEETING_ENDED("meeting-ended", false),
    REMOVED("removed", false),
    ERROR("error", false),
    PONG("pong", false),
    RECONNECT("reconnect", false);

    private final String wireName;
    private final boolean fromClient;

    MessageType(String wireName, boolean fromClient) {
        this.wireName = wireName;
        this.fromClient = fromClient;
    }

    public String wireName() {
        return wireName;
    }

    /** Client message types only: a client cannot send {@code welcome} or {@code removed}. */
    public static Optional<MessageType> fromClient(String wireName) {
        return Arrays.stream(values()).filter(type -> type.fromClient && type.wireName.equals(wireName)).findFirst();
    }
}
