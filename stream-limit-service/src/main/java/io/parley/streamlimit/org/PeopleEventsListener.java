package io.parley.streamlimit.org;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.StreamMetrics;
import io.parley.streamlimit.redis.RedisGuard;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each user's organization limits ({@link OrgLimits}) up to date from
 * {@code parley.people.events}, in a consumer group of its own
 * ({@code stream-limit-service.people}), so the next start of a stream is decided under
 * the new limit within seconds of an owner changing it.
 *
 * <p>
 * Idempotent: org-limits-v1.lua applies each event id once, so a redelivered or
 * republished event never undoes a later change. Malformed events are logged, counted and
 * skipped; they never stop the partition. Key = account id, so one person's events are
 * applied in the order people-service committed them.
 */
@Component
class PeopleEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PeopleEventsListener.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OrgLimitsStore limits;

    private final RedisGuard redis;

    private final EventCodec codec;

    private final StreamMetrics metrics;

    private final Clock clock;

    PeopleEventsListener(OrgLimitsStore limits, RedisGuard redis, EventCodec codec, StreamMetrics metrics,
            Clock clock) {
        this.limits = limits;
        this.redis = redis;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs on a Kafka consumer thread, never an event loop, so waiting for Redis here
     * blocks nothing else.
     */
    @KafkaListener(id = "stream-limit-people", topics = "parley.people.events",
            groupId = "${spring.application.name}.people",
            containerFactory = PeopleEventsConfiguration.CONTAINER_FACTORY)
    void onPeopleEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                skip(record, "it is not a CloudEvent");
            }
            return;
        }
        Optional<OrgLimitChange> change;
        try {
            if (event.getId() == null || event.getId().isBlank()) {
                throw new MalformedEventException("it has no id");
            }
            change = OrgLimitChange.of(event.getType(), () -> codec.decode(event, JsonNode.class));
        }
        catch (MalformedEventException malformed) {
            skip(record, event.getType() + " " + event.getId() + ": " + malformed.getMessage());
            return;
        }
        if (change.isEmpty()) {
            return;
        }
        boolean applied = Boolean.TRUE.equals(redis.call(limits.apply(event.getId(), change.get())).block(TIMEOUT));
        if (applied) {
            metrics.orgLimitsApplied(change.get().operation());
            if (event.getTime() != null) {
                metrics.orgLimitsDelay(Duration.between(event.getTime().toInstant(), clock.instant()));
            }
            log.debug("Applied {} {} for user {}", event.getType(), event.getId(), change.get().accountId());
        }
        else {
            metrics.orgLimitsDuplicate();
            log.debug("Ignored {} {}: already applied", event.getType(), event.getId());
        }
    }

    private void skip(ConsumerRecord<String, CloudEvent> record, String why) {
        metrics.orgLimitsSkipped(true);
        log.warn("Skipping the record at {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), why);
    }

}
