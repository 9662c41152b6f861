package io.parley.people.event;

import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.support.lifecycle.PeriodicTask;
import io.r2dbc.postgresql.codec.Json;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka in id order and deletes them once every one of
 * a batch is acknowledged. The rows are locked with {@code SKIP LOCKED} for the length of
 * one batch, so several instances relay side by side without publishing the same row
 * twice at once; a crash between acknowledgement and delete publishes a batch again,
 * which consumers tolerate because each event keeps its id. It runs as soon as a
 * transaction that appended events commits, again at once after a full batch, and
 * otherwise every {@code relay-interval} (which then only catches what another instance
 * committed or a failed run left).
 */
@Component
class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final JsonMapper json;

    private final PeopleMetrics metrics;

    private final PeopleProperties.Events settings;

    OutboxRelay(DatabaseClient db, TransactionalOperator transaction, KafkaTemplate<String, CloudEvent> kafka,
            EventCodec codec, JsonMapper json, PeopleMetrics metrics, PeopleProperties properties) {
        super(properties.events().relayInterval(), properties.events().relayInterval());
        this.db = db;
        this.transaction = transaction;
        this.kafka = kafka;
        this.codec = codec;
        this.json = json;
        this.metrics = metrics;
        this.settings = properties.events();
    }

    private record Row(long id, UUID eventId, EventType type, String key, byte[] payload) {
    }

    @Override
    protected Mono<Integer> runOnce() {
        return relayOnce().doOnNext(count -> {
            if (count == settings.relayBatch()) {
                // a full batch: more are likely waiting, and the next tick would cap the
                // rate
                runSoon();
            }
        });
    }

    /** Events were committed: relay them now rather than at the next tick. */
    void wake() {
        runSoon();
    }

    @Override
    protected void failed(Throwable error) {
        metrics.eventsFailed();
        log.warn("Outbox relay run failed (events stay in the outbox): {}", error.toString());
    }

    /** One batch: lock, publish, delete, commit; returns how many events went out. */
    Mono<Integer> relayOnce() {
        Mono<Integer> batch = db
            .sql("select id, event_id, event_type, event_key, payload from outbox order by id limit :limit "
                    + "for update skip locked")
            .bind("limit", settings.relayBatch())
            .map((row, meta) -> new Row(row.get("id", Long.class), row.get("event_id", UUID.class),
                    EventType.fromCeType(row.get("event_type", String.class)).orElseThrow(),
                    row.get("event_key", String.class), row.get("payload", Json.class).asArray()))
            .all()
            .collectList()
            .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : publish(rows).then(delete(rows)));
        return transaction.transactional(batch).doOnNext(count -> {
            if (count > 0) {
                metrics.eventsPublished(count);
            }
        });
    }

    private Mono<Void> publish(List<Row> rows) {
        // send may wait for metadata up to max.block.ms: never on a database or
        // event-loop thread
        return Flux.fromIterable(rows)
            .publishOn(Schedulers.boundedElastic())
            .map(row -> kafka.send(new ProducerRecord<>(Topic.PEOPLE_EVENTS.topicName(), row.key(),
                    codec.encode(row.type(), row.eventId().toString(), row.key(), json.readTree(row.payload())))))
            .collectList()
            .flatMap(sends -> Flux.fromIterable(sends).concatMap(Mono::fromFuture).then());
    }

    private Mono<Integer> delete(List<Row> rows) {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        return db.sql("delete from outbox where id = any(:ids)")
            .bind("ids", ids)
            .fetch()
            .rowsUpdated()
            .map(Long::intValue);
    }

}
