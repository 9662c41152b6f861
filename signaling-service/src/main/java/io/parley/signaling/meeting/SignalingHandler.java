package io.parley.signaling.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.parley.events.Ids;
import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.SignalingProperties;
import io.parley.signaling.chat.ChatHistory;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.ice.IceServers;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.presence.PresenceEntry;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ProtocolException;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevocationList;
import io.parley.tokens.RevokedTokenException;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * One signaling socket from upgrade to close: admission (token, meeting, stream lease), {@code welcome}, the message
 * loop, and the clean-up that tells everyone else the participant left.
 */
@Component
public class SignalingHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SignalingHandler.class);

    private final JoinTokenVerifier verifier;
    private final MeetingDirectory meetings;
    private final StreamLeases leases;
    private final LocalSessions sessions;
    private final MeetingChannels channels;
    private final PresenceStore presence;
    private final ChatHistory chatHistory;
    private final IceServers iceServers;
    private final SignalingEvents events;
    private final ServerMessages messages;
    private final SignalingMetrics metrics;
    private final SignalingProperties properties;
    private final Clock clock;
    private volatile boolean draining;

    public SignalingHandler(JoinTokenVerifier verifier, MeetingDirectory meetings, StreamLeases leases,
            LocalSessions sessions, MeetingChannels channels, PresenceStore presence, ChatHistory chatHistory,
            IceServers iceServers, SignalingEvents events, ServerMessages messages, SignalingMetrics metrics,
            SignalingProperties properties, Clock clock) {
        this.verifier = verifier;
        this.meetings = meetings;
        this.leases = leases;
        this.sessions = sessions;
        this.channels = channels;
        this.presence = presence;
        this.chatHistory = chatHistory;
        this.iceServers = iceServers;
        this.events = events;
        this.messages = messages;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** Admission failed: close with this code before anything else happens. */
    private static final class Rejected extends RuntimeException {

        private final CloseCode code;

        Rejected(CloseCode code) {
            super(code.name(), null, false, false);
            this.code = code;
        }
    }

    private record Admitted(JoinToken token, String rawToken, Map<String, Object> meeting) {
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        if (draining) {
            return session.close(CloseCode.GOING_AWAY.status());
        }
        String rawToken = (String) session.getAttributes().get(LeanHandshakes.TOKEN);
        return Mono.defer(() -> detached(admit(rawToken))).flatMap(admitted -> run(session, admitted))
            .onErrorResume(Rejected.class, rejected -> {
                metrics.rejected(rejected.code);
                return session.close(rejected.code.status());
            });
    }

    private Mono<Admitted> admit(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return Mono.error(new Rejected(CloseCode.BAD_TOKEN));
        }
        return verifier.verify(rawToken)
            .onErrorMap(RevokedTokenException.class, revoked -> new Rejected(
                    revoked.revocation() == RevocationList.Revocation.MEETING_ENDED ? CloseCode.MEETING_ENDED
                            : revoked.revocation() == RevocationList.Revocation.PARTICIPANT ? CloseCode.FORBIDDEN
                                    : CloseCode.BAD_TOKEN))
            .onErrorMap(InvalidTokenException.class, invalid -> new Rejected(CloseCode.BAD_TOKEN))
            .onErrorMap(error -> !(error instanceof Rejected), error -> {
                log.warn("Cannot verify a signaling token right now: {}", error.toString());
                return new Rejected(CloseCode.TRY_AGAIN_LATER);
            })
            .flatMap(token -> meetings.find(token.meetingId(), rawToken).flatMap(lookup -> {
                if (!lookup.exists()) {
                    return Mono.error(new Rejected(CloseCode.NO_SUCH_MEETING));
                }
                if (lookup.ended()) {
                    return Mono.error(new Rejected(CloseCode.MEETING_ENDED));
                }
                return leases.acquire(token, rawToken).flatMap(outcome -> switch (outcome) {
                    case LIMIT_REACHED -> Mono.error(new Rejected(CloseCode.STREAM_LIMIT));
                    case UNAVAILABLE -> Mono.error(new Rejected(CloseCode.TRY_AGAIN_LATER));
                    case ADMITTED, DISABLED -> Mono.just(new Admitted(token, rawToken, lookup.snapshot()));
                });
            }));
    }

    private Mono<Void> run(WebSocketSession session, Admitted admitted) {
        JoinToken token = admitted.token();
        String rawToken = admitted.rawToken();
        // meeting-service's snapshot is needed once, for welcome, and the chains below live as long as the socket
        AtomicReference<Map<String, Object>> meeting = new AtomicReference<>(admitted.meeting());
        long now = System.nanoTime();
        Connection connection = new Connection(session, token, properties.outboundBuffer(),
                new TokenBucket(properties.messagesPerSecond(), properties.messageBurst(), now),
                new TokenBucket(properties.chat().perSecond(), properties.chat().burst(), now));
        Connection replaced = sessions.register(connection);
        if (replaced != null) {
            replaced.close(CloseCode.REPLACED);
        }
        metrics.sessionOpened();

        Mono<Void> inbound = session.receive()
            .concatMap(frame -> onFrame(connection, frame))
            .then()
            .onErrorResume(TooLongFrameException.class, tooLong -> {
                connection.close(CloseCode.MESSAGE_TOO_BIG);
                return Mono.empty();
            })
            .doFinally(signal -> connection.close(null));
        Mono<Void> outbound = session.send(connection.outbound().map(session::textMessage))
            .then(Mono.defer(() -> closeWith(connection)));
        Disposable renewals = Flux.interval(leases.renewInterval())
            .onBackpressureDrop()
            .concatMap(tick -> detached(leases.renew(token, rawToken)))
            .subscribe();

        return Mono.defer(() -> detached(join(connection, meeting.getAndSet(null))))
            .onErrorResume(error -> {
                log.warn("Join of participant {} failed: {}", token.participantId(), error.toString());
                connection.close(CloseCode.TRY_AGAIN_LATER);
                return Mono.empty();
            })
            .then(Mono.when(inbound, outbound))
            .doFinally(signal -> {
                renewals.dispose();
                leave(connection, rawToken);
            });
    }

    /** Listens to the meeting, enters presence, sends welcome and tells the others. */
    private Mono<Void> join(Connection connection, Map<String, Object> meeting) {
        JoinToken token = connection.token();
        PresenceEntry entry = new PresenceEntry(token.participantId(), token.name(), token.role().claim(),
                token.subject(), properties.instanceId(), true, true, clock.millis());
        return channels.listen(token.meetingId())
            .then(presence.put(token.meetingId(), entry))
            .then(Mono.zip(presence.list(token.meetingId()), chatHistory.recent(token.meetingId())))
            .doOnNext(state -> {
                List<PresenceEntry.View> others = state.getT1()
                    .stream()
                    .filter(other -> !other.participantId().equals(token.participantId()))
                    .map(PresenceEntry::view)
                    .toList();
                connection.send(messages.welcome(token.participantId(), meeting, others,
                        iceServers.forUser(token.subject()), state.getT2()));
            })
            .then(channels.publish(token.meetingId(), Envelope.everyoneExcept(token.participantId(),
                    messages.participant(MessageType.PARTICIPANT_JOINED, entry.view()))))
            .doOnSuccess(ignored -> events.connected(presenceEvent(token)))
            .then();
    }

    /**
     * The outcome of the work, without keeping the work or its value once it is done: operators hold on to what they
     * were built from and to their finished upstream (a future, to its value), so the admission, join and
     * lease-renewal chains (the parsed token, the meeting, request specs and headers) would otherwise stay reachable,
     * kilobytes each, for as long as the socket lives. Build the work where it is subscribed to (inside a defer,
     * flatMap or concatMap), so that nothing long-lived refers to it either.
     */
    private static <T> Mono<T> detached(Mono<T> work) {
        return Mono.create(sink -> sink.onDispose(work.contextWrite(sink.contextView())
            .subscribe(sink::success, sink::error, sink::success)));
    }

    private Mono<Void> closeWith(Connection connection) {
        CloseCode code = connection.closeCode();
        return code == null ? connection.session().close() : connection.session().close(code.status());
    }

    private Mono<Void> onFrame(Connection connection, WebSocketMessage frame) {
        if (frame.getType() != WebSocketMessage.Type.TEXT) {
            return Mono.empty();
        }
        if (!connection.allowMessage(System.nanoTime())) {
            return reply(connection, ErrorCode.RATE_LIMITED, "Too many messages; slow down.");
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(messages.read(frame.getPayloadAsText()));
        }
        catch (JacksonException ex) {
            return reply(connection, ErrorCode.MALFORMED, "The message is not valid JSON.");
        }
        catch (ProtocolException ex) {
            return reply(connection, ex.code(), ex.getMessage());
        }
        if (message instanceof ClientMessage.Relay relay) {
            return relay(connection, relay);
        }
        if (message instanceof ClientMessage.Chat chat) {
            return chat(connection, chat);
        }
        if (message instanceof ClientMessage.Media media) {
            return media(connection, media);
        }
        connection.send(messages.of(MessageType.PONG));
        return Mono.empty();
    }

    private Mono<Void> reply(Connection connection, ErrorCode code, String text) {
        metrics.clientError(code);
        connection.send(messages.error(code, text));
        return Mono.empty();
    }

    private Mono<Void> relay(Connection sender, ClientMessage.Relay relay) {
        if (relay.to().equals(sender.participantId())) {
            return reply(sender, ErrorCode.INVALID_FIELD, "A message cannot be sent to yourself.");
        }
        String out = messages.relay(relay.type(), sender.participantId(), relay.payload());
        Connection target = sessions.get(sender.meetingId(), relay.to());
        if (target != null) {
            metrics.relayedLocally();
            target.send(out);
            return Mono.empty();
        }
        return channels.publishIfPresent(sender.meetingId(), relay.to(), out)
            .flatMap(present -> present ? Mono.<Void>empty()
                    : reply(sender, ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in this meeting."))
            .onErrorResume(error -> reply(sender, ErrorCode.UNAVAILABLE, "The message could not be relayed."));
    }

    private Mono<Void> chat(Connection sender, ClientMessage.Chat chat) {
        String text = chat.text().strip();
        if (text.codePointCount(0, text.length()) > properties.chat().maxLength()) {
            return reply(sender, ErrorCode.CHAT_TOO_LONG,
                    "Chat messages are at most " + properties.chat().maxLength() + " characters.");
        }
        if (!sender.allowChat(System.nanoTime())) {
            return reply(sender, ErrorCode.RATE_LIMITED, "Too many chat messages; slow down.");
        }
        JoinToken token = sender.token();
        String id = Ids.random();
        Instant sentAt = clock.instant();
        String out = messages.chat(id, token.participantId(), token.name(), text, sentAt);
        return chatHistory.append(token.meetingId(), out)
            .then(channels.publish(token.meetingId(), Envelope.everyone(out)))
            .doOnSuccess(ignored -> events.chat(new SignalingEvents.ChatMessage(token.meetingId(), id,
                    token.participantId(), token.name(), text, sentAt)))
            .then()
            .onErrorResume(error -> reply(sender, ErrorCode.UNAVAILABLE, "The chat message could not be sent."));
    }

    private Mono<Void> media(Connection sender, ClientMessage.Media media) {
        sender.media(media.audio(), media.video());
        JoinToken token = sender.token();
        PresenceEntry entry = new PresenceEntry(token.participantId(), token.name(), token.role().claim(),
                token.subject(), properties.instanceId(), media.audio(), media.video(), clock.millis());
        return presence.put(token.meetingId(), entry)
            .then(channels.publish(token.meetingId(),
                    Envelope.everyone(messages.participant(MessageType.PARTICIPANT_UPDATED, entry.view()))))
            .then()
            .onErrorResume(error -> reply(sender, ErrorCode.UNAVAILABLE, "The mute state could not be shared."));
    }

    private void leave(Connection connection, String rawToken) {
        metrics.sessionClosed();
        boolean lastLocal = sessions.unregister(connection);
        JoinToken token = connection.token();
        if (connection.closeCode() == CloseCode.REPLACED) {
            return;
        }
        presence.remove(token.meetingId(), token.participantId())
            .flatMap(removed -> removed ? channels.publish(token.meetingId(), Envelope.everyoneExcept(
                    token.participantId(), messages.of(MessageType.PARTICIPANT_LEFT,
                            Map.of("participantId", token.participantId())))).thenReturn(true) : Mono.just(false))
            .doOnNext(removed -> {
                if (removed) {
                    events.disconnected(presenceEvent(token));
                }
            })
            .then(leases.release(token, rawToken))
            .doFinally(signal -> {
                if (lastLocal && sessions.inMeeting(token.meetingId()).isEmpty()) {
                    channels.stopListening(token.meetingId());
                }
            })
            .subscribe(null, error -> log.warn("Clean-up after participant {} left failed: {}",
                    token.participantId(), error.toString()));
    }

    private SignalingEvents.Presence presenceEvent(JoinToken token) {
        return new SignalingEvents.Presence(token.meetingId(), token.participantId(), token.subject(), token.name(),
                properties.instanceId(), clock.instant());
    }

    /** From now on new sockets are turned away with 4000; see {@link Drain}. */
    void startDraining() {
        draining = true;
    }
}
