package io.parley.signaling.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.parley.events.EventType;
import io.parley.signaling.protocol.ServerMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * People events from people-service, to the devices of the person each concerns. All
 * signaling instances share one consumer group, so each event is consumed once, then
 * published on the person's Redis channel, which the instances holding that person's
 * sockets listen to. The offset is committed only after the publish, so a crash in
 * between delivers the event again (devices tell repeats apart by message id and
 * sequence) rather than never.
 */
@Component
class PeopleEventsRelay {

    private static final Logger log = LoggerFactory.getLogger(PeopleEventsRelay.class);

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

    private final UserChannels channels;

    private final RevokedSessions revokedSessions;

    private final ServerMessages messages;

    PeopleEventsRelay(UserChannels channels, RevokedSessions revokedSessions, ServerMessages messages) {
        this.channels = channels;
        this.revokedSessions = revokedSessions;
        this.messages = messages;
    }

    @KafkaListener(topics = "parley.people.events", groupId = "signaling-service")
    void onPeopleEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        Optional<EventType> type = event == null ? Optional.empty() : EventType.fromCeType(event.getType());
        if (type.isEmpty() || event.getData() == null) {
            return;
        }
        JsonNode data;
        try {
            data = messages.read(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        }
        catch (RuntimeException ex) {
            log.warn("Skipping unreadable people event {}", event.getId());
            return;
        }
        UserEvents.of(type.get(), data)
            .ifPresent(delivery -> remember(type.get(), data)
                .then(channels.publish(delivery.accountId(), delivery.envelope()))
                .block(PUBLISH_TIMEOUT));
    }

    private Mono<Boolean> remember(EventType type, JsonNode data) {
        JsonNode session = data.path("sessionId");
        return type == EventType.SESSION_REVOKED && session.isString() ? revokedSessions.revoke(session.asString())
                : Mono.just(false);
    }

}
