package io.parley.signaling.chat;

import java.util.List;

import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat that this instance may have missed while its Redis subscription was down is sent
 * again from the meeting's history to its sockets here, once the channel is back. Clients
 * show each chat message once by its id, so what they already had costs nothing; what
 * they missed arrives late rather than never. Each is marked {@code replayed}, so that a
 * second copy of an id is never mistaken for a message sent twice.
 */
@Component
class ChatReplay {

    private static final Logger log = LoggerFactory.getLogger(ChatReplay.class);

    private final ChatHistory history;

    private final LocalSessions sessions;

    ChatReplay(MeetingChannels channels, ChatHistory history, LocalSessions sessions) {
        this.history = history;
        this.sessions = sessions;
        channels.onResubscribed(this::replay);
    }

    private void replay(String meetingId) {
        history.recent(meetingId).subscribe(messages -> {
            List<String> replayed = messages.stream()
                .filter(JsonNode::isObject)
                .map(message -> ((ObjectNode) message.deepCopy()).put("replayed", true).toString())
                .toList();
            for (Connection connection : sessions.inMeeting(meetingId)) {
                replayed.forEach(connection::send);
            }
        }, error -> log.warn("Chat of meeting {} was not replayed after Redis came back: {}", meetingId,
                error.toString()));
    }

}
