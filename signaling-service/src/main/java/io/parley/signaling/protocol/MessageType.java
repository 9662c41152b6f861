package io.parley.signaling.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Looked up once per inbound frame, so a map rather than a scan. */
    private static final Map<String, MessageType> FROM_CLIENT = Arrays.stream(values())
        .filter(type -> type.fromClient)
        .collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));

    /** Client message types only: a client cannot send {@code welcome} or {@code removed}. */
    public static Optional<MessageType> fromClient(String wireName) {
        return Optional.ofNullable(FROM_CLIENT.get(wireName));
    }
}
