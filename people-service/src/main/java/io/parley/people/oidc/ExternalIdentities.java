package io.parley.people.oidc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code external_identity} table: which account each provider identity
 * {@code (issuer, subject)} signs in to.
 */
@Component
class ExternalIdentities {

    /** A linked identity as its account's owner sees it. */
    record Identity(String provider, String issuer, String subject, String email, Instant linkedAt) {
    }

    enum Linked {

        /** Linked now, or already linked to this very account. */
        LINKED,
        /** The identity signs in to another account. */
        ELSEWHERE,
        /** The account already has another identity at this issuer. */
        ISSUER_TAKEN

    }

    enum Unlinked {

        UNLINKED, NOT_LINKED,
        /** It is the only way left to sign in: no password and no other identity. */
        LAST_SIGN_IN_METHOD

    }

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    ExternalIdentities(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    Mono<UUID> accountOf(String issuer, String subject) {
        return db.sql("select account_id from external_identity where issuer = :issuer and subject = :subject")
            .bind("issuer", issuer)
            .bind("subject", subject)
            .map(row -> row.get("account_id", UUID.class))
            .one();
    }

    /**
     * Links the identity to the account unless it or the account's slot for its issuer is
     * taken.
     */
    Mono<Linked> link(UUID accountId, String provider, ProviderTokens.ProvenIdentity identity, Instant at) {
        return db
            .sql("insert into external_identity (issuer, subject, account_id, provider, email, linked_at) "
                    + "values (:issuer, :subject, :account, :provider, :email, :at) on conflict do nothing")
            .bind("issuer", identity.issuer())
            .bind("subject", identity.subject())
            .bind("account", accountId)
            .bind("provider", provider)
            .bind("email", Parameter.fromOrEmpty(identity.email(), String.class))
            .bind("at", at)
            .fetch()
            .rowsUpdated()
            .flatMap(inserted -> inserted > 0 ? Mono.just(Linked.LINKED)
                    : accountOf(identity.issuer(), identity.subject())
                        .map(owner -> owner.equals(accountId) ? Linked.LINKED : Linked.ELSEWHERE)
                        .defaultIfEmpty(Linked.ISSUER_TAKEN));
    }

    Flux<Identity> of(UUID accountId) {
        return db
            .sql("select provider, issuer, subject, email, linked_at from external_identity "
                    + "where account_id = :account order by linked_at")
            .bind("account", accountId)
            .map(row -> new Identity(row.get("provider", String.class), row.get("issuer", String.class),
                    row.get("subject", String.class), row.get("email", String.class),
                    row.get("linked_at", Instant.class)))
            .all();
    }

    /**
     * Unlinks the account's identity at this provider, unless nothing else would sign in
     * to the account. The account row is locked first, so two unlinks at once cannot each
     * leave the other identity as the last one and together remove both.
     */
    Mono<Unlinked> unlink(UUID accountId, String provider) {
        return db
            .sql("select a.password_hash is not null as has_password, "
                    + "(select count(*) from external_identity e where e.account_id = a.id) as identities, "
                    + "exists (select 1 from external_identity e where e.account_id = a.id and e.provider = :provider) "
                    + "as linked from account a where a.id = :account for update")
            .bind("account", accountId)
            .bind("provider", provider)
            .map(row -> new SignInMethods(Boolean.TRUE.equals(row.get("has_password", Boolean.class)),
                    row.get("identities", Long.class), Boolean.TRUE.equals(row.get("linked", Boolean.class))))
            .one()
            .flatMap(methods -> {
                if (!methods.linked()) {
                    return Mono.just(Unlinked.NOT_LINKED);
                }
                if (!methods.hasPassword() && methods.identities() <= 1) {
                    return Mono.just(Unlinked.LAST_SIGN_IN_METHOD);
                }
                return db.sql("delete from external_identity where account_id = :account and provider = :provider")
                    .bind("account", accountId)
                    .bind("provider", provider)
                    .then()
                    .thenReturn(Unlinked.UNLINKED);
            })
            .defaultIfEmpty(Unlinked.NOT_LINKED)
            .as(transaction::transactional);
    }

    private record SignInMethods(boolean hasPassword, long identities, boolean linked) {
    }

}
