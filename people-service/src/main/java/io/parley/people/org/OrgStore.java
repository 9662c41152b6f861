package io.parley.people.org;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code org}, {@code org_member} and {@code org_invitation} tables. */
@Component
class OrgStore {

    private static final String SEEN_BY = "select o.id, o.name, o.max_concurrent_streams, m.role from org o "
            + "left join org_member m on m.org_id = o.id and m.account_id = :caller where o.id = :org";

    private final DatabaseClient db;

    OrgStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * An organization; {@code maxConcurrentStreams} is null until an owner or admin sets
     * it.
     */
    record Org(UUID id, String name, Integer maxConcurrentStreams) {
    }

    /**
     * An organization and the caller's role there, null when the caller is not a member.
     */
    record Seen(Org org, Role callerRole) {
    }

    /** One row of the member list. */
    record Listed(UUID accountId, String displayName, String email, String role, Instant joinedAt) {
    }

    record Invitation(UUID id, UUID orgId, String email, Role role, Instant expiresAt, Instant acceptedAt) {

        boolean usableAt(Instant now) {
            return acceptedAt == null && expiresAt.isAfter(now);
        }
    }

    Mono<Void> insertOrg(UUID id, String name, Instant now) {
        return db.sql("insert into org (id, name, created_at) values (:id, :name, :now)")
            .bind("id", id)
            .bind("name", name)
            .bind("now", now)
            .then();
    }

    Mono<Seen> seenBy(UUID orgId, UUID caller) {
        return db.sql(SEEN_BY).bind("org", orgId).bind("caller", caller).map(OrgStore::seen).one();
    }

    /**
     * Like {@link #seenBy} and locks the organization's row until the transaction ends.
     * Every change to an organization's members or limits takes this lock first, so each
     * decides on the membership the previous one left, the caller's own role included.
     * {@code no key update} because inserts that only reference the org (new members,
     * invitations) need not wait for it.
     */
    Mono<Seen> lockedFor(UUID orgId, UUID caller) {
        return db.sql(SEEN_BY + " for no key update of o")
            .bind("org", orgId)
            .bind("caller", caller)
            .map(OrgStore::seen)
            .one();
    }

    /**
     * How many owners the organization has. Their rows are locked too, so an owner
     * removed by a path that does not take the organization's lock (an account deletion's
     * cascade) is waited for and then not counted.
     */
    Mono<Long> lockOwners(UUID orgId) {
        return db.sql("select account_id from org_member where org_id = :org and role = 'owner' for update")
            .bind("org", orgId)
            .map(row -> row.get("account_id", UUID.class))
            .all()
            .count();
    }

    /** False when the account already is a member. */
    Mono<Boolean> insertMember(UUID orgId, UUID accountId, Role role, Instant now) {
        return db
            .sql("insert into org_member (org_id, account_id, role, joined_at) values (:org, :account, :role, "
                    + ":now) on conflict do nothing")
            .bind("org", orgId)
            .bind("account", accountId)
            .bind("role", role.claim())
            .bind("now", now)
            .fetch()
            .rowsUpdated()
            .map(inserted -> inserted > 0);
    }

    Mono<Role> roleOf(UUID orgId, UUID accountId) {
        return db.sql("select role from org_member where org_id = :org and account_id = :account")
            .bind("org", orgId)
            .bind("account", accountId)
            .map(row -> role(row.get("role", String.class)))
            .one();
    }

    Mono<Void> changeRole(UUID orgId, UUID accountId, Role role) {
        return db.sql("update org_member set role = :role where org_id = :org and account_id = :account")
            .bind("role", role.claim())
            .bind("org", orgId)
            .bind("account", accountId)
            .then();
    }

    Mono<Void> removeMember(UUID orgId, UUID accountId) {
        return db.sql("delete from org_member where org_id = :org and account_id = :account")
            .bind("org", orgId)
            .bind("account", accountId)
            .then();
    }

    Flux<Listed> members(UUID orgId) {
        return db
            .sql("select a.id, a.display_name, a.email, m.role, m.joined_at from org_member m "
                    + "join account a on a.id = m.account_id where m.org_id = :org order by m.joined_at, a.id")
            .bind("org", orgId)
            .map(row -> new Listed(row.get("id", UUID.class), row.get("display_name", String.class),
                    row.get("email", String.class), row.get("role", String.class), row.get("joined_at", Instant.class)))
            .all();
    }

    Flux<UUID> memberIds(UUID orgId) {
        return db.sql("select account_id from org_member where org_id = :org order by joined_at, account_id")
            .bind("org", orgId)
            .map(row -> row.get("account_id", UUID.class))
            .all();
    }

    Mono<Void> setStreamLimit(UUID orgId, int maxConcurrentStreams) {
        return db.sql("update org set max_concurrent_streams = :limit where id = :org")
            .bind("limit", maxConcurrentStreams)
            .bind("org", orgId)
            .then();
    }

    Mono<Void> insertInvitation(Invitation invitation, byte[] tokenHash, UUID invitedBy, Instant now) {
        return db
            .sql("insert into org_invitation (id, org_id, email, role, token_hash, invited_by, created_at, "
                    + "expires_at) values (:id, :org, :email, :role, :hash, :by, :now, :expires)")
            .bind("id", invitation.id())
            .bind("org", invitation.orgId())
            .bind("email", invitation.email())
            .bind("role", invitation.role().claim())
            .bind("hash", tokenHash)
            .bind("by", invitedBy)
            .bind("now", now)
            .bind("expires", invitation.expiresAt())
            .then();
    }

    Mono<Invitation> invitation(byte[] tokenHash) {
        return db
            .sql("select id, org_id, email, role, expires_at, accepted_at from org_invitation "
                    + "where token_hash = :hash")
            .bind("hash", tokenHash)
            .map(row -> new Invitation(row.get("id", UUID.class), row.get("org_id", UUID.class),
                    row.get("email", String.class), role(row.get("role", String.class)),
                    row.get("expires_at", Instant.class), row.get("accepted_at", Instant.class)))
            .one();
    }

    /**
     * Uses the invitation up, only if it still is unused and unexpired; false when
     * another accept got there first.
     */
    Mono<Boolean> consume(UUID invitationId, UUID acceptedBy, Instant now) {
        return db
            .sql("update org_invitation set accepted_at = :now, accepted_by = :account where id = :id "
                    + "and accepted_at is null and expires_at > :now")
            .bind("now", now)
            .bind("account", acceptedBy)
            .bind("id", invitationId)
            .fetch()
            .rowsUpdated()
            .map(updated -> updated > 0);
    }

    private static Seen seen(Readable row) {
        String role = row.get("role", String.class);
        return new Seen(new Org(row.get("id", UUID.class), row.get("name", String.class),
                row.get("max_concurrent_streams", Integer.class)), role == null ? null : role(role));
    }

    private static Role role(String claim) {
        return Role.fromClaim(claim)
            .orElseThrow(() -> new IllegalStateException("Unknown role in the database: " + claim));
    }

}
