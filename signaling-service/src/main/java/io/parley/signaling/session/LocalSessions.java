package io.parley.signaling.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The sockets this instance holds, by meeting and participant. Lookups are always by
 * meeting first, so a message can only ever reach a participant of the sender's own
 * meeting.
 */
@Component
public class LocalSessions {

    private final Map<String, Map<String, Connection>> byMeeting = new ConcurrentHashMap<>();

    /**
     * Registers a socket; returns the one it replaces (the same participant
     * reconnecting), if any.
     */
    public Connection register(Connection connection) {
        return byMeeting.computeIfAbsent(connection.meetingId(), id -> new ConcurrentHashMap<>())
            .put(connection.participantId(), connection);
    }

    /**
     * Removes the socket if it is still the registered one; true when the meeting has no
     * local socket left.
     */
    public boolean unregister(Connection connection) {
        boolean[] empty = { false };
        byMeeting.computeIfPresent(connection.meetingId(), (id, participants) -> {
            participants.remove(connection.participantId(), connection);
            empty[0] = participants.isEmpty();
            return participants.isEmpty() ? null : participants;
        });
        return empty[0];
    }

    public Connection get(String meetingId, String participantId) {
        Map<String, Connection> participants = byMeeting.get(meetingId);
        return participants == null ? null : participants.get(participantId);
    }

    public Collection<Connection> inMeeting(String meetingId) {
        Map<String, Connection> participants = byMeeting.get(meetingId);
        return participants == null ? List.of() : participants.values();
    }

    public Set<String> meetings() {
        return byMeeting.keySet();
    }

    public List<Connection> all() {
        return byMeeting.values().stream().flatMap(participants -> participants.values().stream()).toList();
    }

}
