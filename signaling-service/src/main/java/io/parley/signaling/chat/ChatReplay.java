package io.parley.signaling.chat;

import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chat that this instance may have missed while its Redis subscription was down is sent
 * again from the meeting's history to its sockets here, once the channel is back. Clients
 * show each chat message once by its id, so what they already had costs nothing; what
 * they missed arrives late rather than never.
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
            for (Connection connection : sessions.inMeeting(meetingId)) {
                messages.forEach(message -> connection.send(message.toString()));
            }
        }, error -> log.warn("Chat of meeting {} was not replayed after Redis came back: {}", meetingId,
                error.toString()));
    }

}
