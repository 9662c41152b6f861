package io.parley.people.event;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.events.Ids;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same transaction as the change it announces (call it inside
 * that transaction); the {@link OutboxRelay} publishes it after the commit. Events are
 * keyed by the account they concern, so each person's events stay in order on
 * {@code parley.people.events}.
 */
@Component
public class Outbox {

    private final DatabaseClient db;

    private final JsonMapper json;

    private final Clock clock;

    private final TransactionSynchronization relayAfterCommit;

    Outbox(DatabaseClient db, JsonMapper json, Clock clock, OutboxRelay relay) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.relayAfterCommit = new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                relay.wake();
                return Mono.empty();
            }
        };
    }

    public Mono<Void> append(EventType type, String accountId, Object payload) {
        return db
            .sql("insert into outbox (event_id, event_type, event_key, payload, created_at) "
                    + "values (:eventId, :type, :key, :payload, :createdAt)")
            .bind("eventId", UUID.fromString(Ids.random()))
            .bind("type", type.ceType())
            .bind("key", accountId)
            .bind("payload", Json.of(json.writeValueAsBytes(payload)))
            .bind("createdAt", clock.instant())
            .then()
            .then(wakeRelayAfterCommit());
    }

    private Mono<Void> wakeRelayAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
            .filter(TransactionSynchronizationManager::isSynchronizationActive)
            .doOnNext(synchronization -> synchronization.registerSynchronization(relayAfterCommit))
            .onErrorResume(NoTransactionException.class, outsideATransaction -> Mono.empty())
            .then();
    }

    /**
     * An event for one person's devices (contacts, messages, calls): keyed by that
     * account, with the account as the payload's {@code accountId} beside {@code fields}.
     * signaling-service sends each such event to every socket of {@code accountId} as
     * {@code {type, ...fields}}, so one change that two people see is two events.
     */
    public Mono<Void> appendFor(UUID recipient, EventType type, Map<String, ?> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountId", recipient.toString());
        payload.putAll(fields);
        return append(type, recipient.toString(), payload);
    }

}
