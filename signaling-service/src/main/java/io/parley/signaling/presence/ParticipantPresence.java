package io.parley.signaling.presence;

import java.time.Clock;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.session.Connection;
import io.parley.tokens.JoinToken;
import org.springframework.stereotype.Component;

/**
 * A participant's presence as this instance records it (stamped now, with this instance's
 * id) and announces it.
 */
@Component
public class ParticipantPresence {

    private final String instanceId;

    private final Clock clock;

    ParticipantPresence(SignalingProperties properties, Clock clock) {
        this.instanceId = properties.instanceId();
        this.clock = clock;
    }

    /** The id this instance stamps its entries with. */
    public String instance() {
        return instanceId;
    }

    public PresenceEntry entry(Connection connection) {
        return entry(connection, now());
    }

    long now() {
        return clock.millis();
    }

    PresenceEntry entry(Connection connection, long nowMillis) {
        JoinToken token = connection.token();
        return new PresenceEntry(token.participantId(), token.name(), token.role().claim(), token.subject(), instanceId,
                connection.audio(), connection.video(), nowMillis, null, connection.screen());
    }

    public SignalingEvents.Presence event(JoinToken token) {
        return new SignalingEvents.Presence(token.meetingId(), token.participantId(), token.subject(), token.name(),
                instanceId, clock.instant());
    }

    SignalingEvents.Presence departure(String meetingId, PresenceEntry stale) {
        return new SignalingEvents.Presence(meetingId, stale.participantId(), stale.userId(), stale.name(),
                stale.instance(), clock.instant());
    }

}
