package io.parley.signaling.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.protocol.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A device arrives: its person's channel is listened to first (so nothing published from
 * then on is missed), then it gets {@code catch-up} (contacts with unread counts, last
 * messages and presence; ringing calls), follows its contacts' presence, and its person
 * shows online. A device leaves: out of presence, and the channels nobody here needs any
 * more are dropped.
 */
@Component
class UserArrivals {

    private static final Logger log = LoggerFactory.getLogger(UserArrivals.class);

    private final UserSockets sockets;

    private final UserChannels channels;

    private final PeopleDirectory directory;

    private final UserPresence presence;

    private final String instanceId;

    private final int mostDevices;

    private final Clock clock;

    UserArrivals(UserSockets sockets, UserChannels channels, PeopleDirectory directory, UserPresence presence,
            SignalingProperties properties, Clock clock) {
        this.sockets = sockets;
        this.channels = channels;
        this.directory = directory;
        this.presence = presence;
        this.instanceId = properties.instanceId();
        this.mostDevices = properties.users().mostDevices();
        this.clock = clock;
    }

    String presenceMember(UserConnection connection) {
        return "u:" + instanceId + ":" + connection.socketId();
    }

    /**
     * Takes one of the person's device places first (an error {@link TooManyDevices} when
     * none is left), then listens, catches up and announces a change of presence.
     */
    Mono<Void> arrive(UserConnection connection, String rawToken) {
        return presence.join(connection.accountId(), presenceMember(connection), clock.millis(), mostDevices)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(changed -> {
                sockets.register(connection);
                return channels.listen(connection.accountId())
                    .then(Mono.zip(directory.contacts(rawToken), directory.ringingCalls(rawToken)))
                    .flatMap(state -> catchUp(connection, state.getT1().path("contacts"), state.getT2().path("calls")))
                    .then(Mono.justOrEmpty(changed))
                    .flatMap(state -> channels.announce(connection.accountId(), state));
            })
            .then();
    }

    private Mono<Void> catchUp(UserConnection connection, JsonNode contacts, JsonNode calls) {
        List<ObjectNode> entries = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        for (JsonNode contact : contacts) {
            JsonNode accountId = contact.path("account").path("accountId");
            if (contact.isObject() && accountId.isString()) {
                entries.add((ObjectNode) contact);
                accountIds.add(accountId.asString());
            }
        }
        return presence.states(accountIds).doOnNext(states -> {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("type", MessageType.CATCH_UP.wireName());
            var list = message.putArray("contacts");
            for (int i = 0; i < entries.size(); i++) {
                list.add(entries.get(i).put("presence", states.get(i)));
                channels.follow(connection, accountIds.get(i));
            }
            message.set("calls", calls.isArray() ? calls : JsonNodeFactory.instance.arrayNode());
            connection.outbound().send(message.toString());
        }).then();
    }

    void depart(UserConnection connection) {
        List.copyOf(connection.contacts()).forEach(contact -> channels.unfollow(connection, contact));
        if (sockets.unregister(connection)) {
            channels.stopListening(connection.accountId());
        }
        presence.remove(connection.accountId(), presenceMember(connection), clock.millis())
            .flatMap(changed -> channels.announce(connection.accountId(), changed))
            .subscribe(null, error -> log.warn("Clean-up after a device of {} left failed: {}", connection.accountId(),
                    error.toString()));
    }

}
