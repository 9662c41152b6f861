package io.parley.people.account;

import java.time.Instant;
import java.util.UUID;

import io.parley.people.web.Inputs;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code account} table. */
@Component
public class AccountStore {

    private static final String COLUMNS = "id, email, display_name, password_hash, created_at";

    private final DatabaseClient db;

    AccountStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Fails with a {@code DataIntegrityViolationException} when the email is taken (the
     * unique key decides).
     */
    public Mono<Void> insert(Account account) {
        return db
            .sql("insert into account (id, email, email_key, display_name, password_hash, created_at) "
                    + "values (:id, :email, :emailKey, :name, :hash, :createdAt)")
            .bind("id", account.id())
            .bind("email", account.email())
            .bind("emailKey", Inputs.emailKey(account.email()))
            .bind("name", account.displayName())
            .bind("hash", Parameter.fromOrEmpty(account.passwordHash(), String.class))
            .bind("createdAt", account.createdAt())
            .then();
    }

    public Mono<Account> byEmail(String email) {
        return db.sql("select " + COLUMNS + " from account where email_key = :key")
            .bind("key", Inputs.emailKey(email))
            .map(AccountStore::account)
            .one();
    }

    public Mono<Account> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from account where id = :id")
            .bind("id", id)
            .map(AccountStore::account)
            .one();
    }

    public Mono<Void> rename(UUID id, String displayName) {
        return db.sql("update account set display_name = :name where id = :id")
            .bind("name", displayName)
            .bind("id", id)
            .then();
    }

    public Mono<Void> changePassword(UUID id, String hash, Instant at) {
        return db.sql("update account set password_hash = :hash, password_changed_at = :at where id = :id")
            .bind("hash", hash)
            .bind("at", at)
            .bind("id", id)
            .then();
    }

    /**
     * Sessions and memberships go with it (foreign keys cascade); false when it was gone
     * already.
     */
    public Mono<Boolean> delete(UUID id) {
        return db.sql("delete from account where id = :id").bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Account account(Readable row) {
        return new Account(row.get("id", UUID.class), row.get("email", String.class),
                row.get("display_name", String.class), row.get("password_hash", String.class),
                row.get("created_at", Instant.class));
    }

}
