package io.parley.signaling.protocol;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message type of the two sockets, by the {@code type} it carries on the wire: the
 * meeting socket ({@code /ws/signaling}, PLATFORM.md §4.3) and the user socket
 * ({@code /ws/user}, PEOPLE.md §4).
 */
public enum MessageType {

    // client → server (offer, answer and ice also go server → client, with "from")
    OFFER("offer", Direction.FROM_CLIENT, Socket.MEETING), ANSWER("answer", Direction.FROM_CLIENT, Socket.MEETING),
    ICE("ice", Direction.FROM_CLIENT, Socket.MEETING), CHAT("chat", Direction.FROM_CLIENT, Socket.MEETING),
    MEDIA("media", Direction.FROM_CLIENT, Socket.MEETING), PING("ping", Direction.FROM_CLIENT, Socket.BOTH),
    REFRESH("refresh", Direction.FROM_CLIENT, Socket.USER), HAND("hand", Direction.FROM_CLIENT, Socket.MEETING),
    LOWER_HAND("lower-hand", Direction.FROM_CLIENT, Socket.MEETING),
    STOP_SHARE("stop-share", Direction.FROM_CLIENT, Socket.MEETING),
    SFU_PUBLISH("sfu-publish", Direction.FROM_CLIENT, Socket.MEETING),
    SFU_START("sfu-start", Direction.FROM_CLIENT, Socket.MEETING),
    SFU_VIEW("sfu-view", Direction.FROM_CLIENT, Socket.MEETING),

    // server → client, meeting socket
    WELCOME("welcome", Direction.FROM_SERVER, Socket.MEETING),
    PARTICIPANT_JOINED("participant-joined", Direction.FROM_SERVER, Socket.MEETING),
    PARTICIPANT_LEFT("participant-left", Direction.FROM_SERVER, Socket.MEETING),
    PARTICIPANT_UPDATED("participant-updated", Direction.FROM_SERVER, Socket.MEETING),
    MUTED("muted", Direction.FROM_SERVER, Socket.MEETING), TIMER("timer", Direction.FROM_SERVER, Socket.MEETING),
    MEETING_ENDED("meeting-ended", Direction.FROM_SERVER, Socket.MEETING),
    REMOVED("removed", Direction.FROM_SERVER, Socket.MEETING),
    SHARE_STOPPED("share-stopped", Direction.FROM_SERVER, Socket.MEETING),
    MEDIA_MODE("media-mode", Direction.FROM_SERVER, Socket.MEETING),
    SFU_ANSWER("sfu-answer", Direction.FROM_SERVER, Socket.MEETING),
    SFU_OFFER("sfu-offer", Direction.FROM_SERVER, Socket.MEETING),
    SFU_VIDEOS("sfu-videos", Direction.FROM_SERVER, Socket.MEETING),
    RECORDING("recording", Direction.FROM_SERVER, Socket.MEETING),
    RECONNECT("reconnect", Direction.FROM_SERVER, Socket.BOTH), ERROR("error", Direction.FROM_SERVER, Socket.BOTH),
    PONG("pong", Direction.FROM_SERVER, Socket.BOTH),

    // server → client, user socket
    CATCH_UP("catch-up", Direction.FROM_SERVER, Socket.USER),
    REFRESHED("refreshed", Direction.FROM_SERVER, Socket.USER), MESSAGE("message", Direction.FROM_SERVER, Socket.USER),
    READ("read", Direction.FROM_SERVER, Socket.USER),
    CONTACT_REQUEST("contact-request", Direction.FROM_SERVER, Socket.USER),
    CONTACT_ADDED("contact-added", Direction.FROM_SERVER, Socket.USER),
    CONTACT_REMOVED("contact-removed", Direction.FROM_SERVER, Socket.USER),
    PRESENCE("presence", Direction.FROM_SERVER, Socket.USER),
    CALL_RINGING("call-ringing", Direction.FROM_SERVER, Socket.USER),
    CALL_ENDED("call-ended", Direction.FROM_SERVER, Socket.USER),
    SESSION_REVOKED("session-revoked", Direction.FROM_SERVER, Socket.USER);

    public enum Direction {

        FROM_CLIENT, FROM_SERVER

    }

    /** Which socket a type belongs to. */
    public enum Socket {

        MEETING, USER, BOTH;

        boolean includes(Socket socket) {
            return this == BOTH || this == socket;
        }

    }

    private final String wireName;

    private final Direction direction;

    private final Socket socket;

    MessageType(String wireName, Direction direction, Socket socket) {
        this.wireName = wireName;
        this.direction = direction;
        this.socket = socket;
    }

    public String wireName() {
        return wireName;
    }

    /** A type a client of this socket may send. */
    public boolean isFromClientOf(Socket socket) {
        return direction == Direction.FROM_CLIENT && this.socket.includes(socket);
    }

    /** Looked up once per inbound frame, so a map rather than a scan. */
    private static final Map<Socket, Map<String, MessageType>> FROM_CLIENT = new EnumMap<>(
            Map.of(Socket.MEETING, fromClientOf(Socket.MEETING), Socket.USER, fromClientOf(Socket.USER)));

    private static Map<String, MessageType> fromClientOf(Socket socket) {
        return Arrays.stream(values())
            .filter(type -> type.isFromClientOf(socket))
            .collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));
    }

    /**
     * Client message types of the meeting socket only: a client cannot send
     * {@code welcome} or {@code removed}.
     */
    public static Optional<MessageType> fromClient(String wireName) {
        return fromClient(Socket.MEETING, wireName);
    }

    public static Optional<MessageType> fromClient(Socket socket, String wireName) {
        return Optional.ofNullable(FROM_CLIENT.get(socket).get(wireName));
    }

}
