package io.parley.quality.history;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily partitions of {@code quality_sample} as they are in PostgreSQL. Remembers
 * which days are known to have one, so the consumer asks PostgreSQL only for a day it has
 * not seen yet. Creating is idempotent ({@code if not
 * exists}); two instances racing for the same day may see one of them fail, and its batch
 * is simply retried. Table names are built from dates only, never from input, so they are
 * safe to write into the statements.
 */
@Component
public class Partitions {

    private final DatabaseClient db;

    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    Partitions(DatabaseClient db) {
        this.db = db;
    }

    /** Every day that has a partition now. */
    public Mono<List<LocalDate>> existing() {
        return db
            .sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                    + "join pg_class p on p.oid = i.inhparent where p.relname = '" + PartitionPlan.TABLE + "'")
            .map(row -> row.get(0, String.class))
            .all()
            .map(PartitionPlan::dayOf)
            .filter(Optional::isPresent)
            .map(Optional::get)
            .sort()
            .collectList()
            .doOnNext(days -> {
                known.retainAll(days);
                known.addAll(days);
            });
    }

    /** Makes sure each of these days has its partition. */
    public Mono<Void> ensure(Collection<LocalDate> days) {
        return Flux.fromIterable(days).filter(day -> !known.contains(day)).concatMap(this::create).then();
    }

    public Mono<Void> create(LocalDate day) {
        return db
            .sql("create table if not exists " + PartitionPlan.tableName(day) + " partition of " + PartitionPlan.TABLE
                    + " for values from ('" + PartitionPlan.start(day) + "') to ('"
                    + PartitionPlan.start(day.plusDays(1)) + "')")
            .then()
            .doOnSuccess(done -> known.add(day));
    }

    /**
     * After a write failed: a partition may have gone behind this instance's back, so ask
     * PostgreSQL again.
     */
    public void forgetKnown() {
        known.clear();
    }

    public Mono<Void> drop(LocalDate day) {
        return Mono.fromRunnable(() -> known.remove(day))
            .then(db.sql("drop table if exists " + PartitionPlan.tableName(day)).then());
    }

}
