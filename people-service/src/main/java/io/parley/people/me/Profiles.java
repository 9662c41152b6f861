package io.parley.people.me;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.account.Account;
import io.parley.people.account.AccountStore;
import io.parley.people.account.PasswordHashing;
import io.parley.people.contact.Contacts;
import io.parley.people.event.Outbox;
import io.parley.people.session.Caller;
import io.parley.people.session.Session;
import io.parley.people.session.Sessions;
import io.parley.people.web.PeopleProblem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a person does to their own account: profile, password, sign out everywhere,
 * export, delete.
 */
@Component
class Profiles {

    private final AccountStore accounts;

    private final PasswordHashing passwords;

    private final Sessions sessions;

    private final Contacts contacts;

    private final Outbox outbox;

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    private final AccountRecordings recordings;

    Profiles(AccountStore accounts, PasswordHashing passwords, Sessions sessions, Contacts contacts, Outbox outbox,
            DatabaseClient db, TransactionalOperator transaction, AccountRecordings recordings) {
        this.accounts = accounts;
        this.recordings = recordings;
        this.contacts = contacts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.outbox = outbox;
        this.db = db;
        this.transaction = transaction;
    }

    /** One organization as its member sees it in the profile. */
    record OrgMembership(String orgId, String name, String role) {
    }

    record Profile(String accountId, String email, String displayName, Instant createdAt, boolean hasPassword,
            List<OrgMembership> orgs) {
    }

    record Export(Profile account, List<Session.View> sessions, List<AccountRecordings.Recording> recordings,
            Instant exportedAt) {
    }

    Mono<Profile> profile(UUID accountId) {
        return account(accountId).zipWith(memberships(accountId).collectList(),
                (account, orgs) -> new Profile(account.id().toString(), account.email(), account.displayName(),
                        account.createdAt(), account.passwordHash() != null, orgs));
    }

    Mono<Void> rename(UUID accountId, String displayName) {
        return accounts.rename(accountId, displayName);
    }

    /**
     * Changes the password and ends every other session: whoever else knew the old one is
     * signed out.
     */
    Mono<Void> changePassword(Caller caller, String current, String next) {
        return account(caller.accountId()).flatMap(account -> passwords.matches(current, account.passwordHash()))
            .flatMap(matches -> matches ? passwords.hash(next)
                    : Mono.error(PeopleProblem.unauthorized("The current password is not right.")))
            .flatMap(hash -> accounts.changePassword(caller.accountId(), hash, Instant.now())
                .then(sessions.revokeAll(caller.accountId(), caller.sessionId(), "password-changed"))
                .as(transaction::transactional));
    }

    Mono<Void> signOutEverywhere(UUID accountId) {
        return sessions.revokeAll(accountId, null, "signed-out-everywhere").as(transaction::transactional);
    }

    /**
     * The account, its live sessions and its recordings (from recording-service, with the
     * person's own access token); all of it or a problem, never an export that silently
     * lacks a part.
     */
    Mono<Export> export(Caller caller, String accessToken) {
        return Mono
            .zip(profile(caller.accountId()),
                    sessions.liveOf(caller.accountId()).map(s -> s.view(caller.sessionId().toString())).collectList(),
                    recordings.of(accessToken))
            .map(parts -> new Export(parts.getT1(), parts.getT2(), parts.getT3(), Instant.now()));
    }

    /**
     * Deletes the account with its sessions, memberships and contacts (their other people
     * are told; the conversations go with the contacts). An organization it alone owns
     * goes with it when nobody else is in it; one with other members must get another
     * owner first (409), or it would be left without anyone who can manage it.
     */
    Mono<Void> delete(Caller caller, String password) {
        UUID accountId = caller.accountId();
        return account(accountId)
            .flatMap(account -> account.passwordHash() == null ? Mono.just(true)
                    : password == null || password.isEmpty()
                            ? Mono
                                .error(PeopleProblem.invalid("password", "password is required to delete the account."))
                            : passwords.matches(password, account.passwordHash()))
            .flatMap(matches -> matches ? Mono.empty()
                    : Mono.error(PeopleProblem.unauthorized("The password is not right.")))
            .then(lockOrgsOf(accountId).then(soleOwnerOfOthers(accountId).hasElements())
                .flatMap(blocked -> blocked ? Mono.error(PeopleProblem.conflict("last-owner",
                        "You are the only owner of an organization with other members: make someone else an owner "
                                + "first, or remove them."))
                        : Mono.empty())
                .thenMany(memberships(accountId))
                .concatMap(membership -> outbox.append(EventType.ORG_MEMBER_REMOVED, accountId.toString(),
                        Map.of("orgId", membership.orgId(), "accountId", accountId.toString(), "role",
                                membership.role())))
                .then(sessions.revokeAll(accountId, null, "account-deleted"))
                .then(contacts.endAllOf(accountId))
                .then(deleteOrgsOwnedAlone(accountId))
                .then(accounts.delete(accountId))
                .flatMap(deleted -> deleted
                        ? outbox.append(EventType.ACCOUNT_DELETED, accountId.toString(),
                                Map.of("accountId", accountId.toString()))
                        : Mono.error(PeopleProblem.unauthorized("This account no longer exists.")))
                .as(transaction::transactional));
    }

    /**
     * Takes the same row locks as organization changes do, so that a demotion racing with
     * this deletion cannot leave an organization without an owner.
     */
    private Mono<Void> lockOrgsOf(UUID accountId) {
        return db
            .sql("select id from org where id in (select org_id from org_member where account_id = :account) "
                    + "order by id for no key update")
            .bind("account", accountId)
            .fetch()
            .all()
            .then();
    }

    private Flux<UUID> soleOwnerOfOthers(UUID accountId) {
        return db
            .sql("select m.org_id from org_member m where m.account_id = :account and m.role = 'owner' "
                    + "and not exists (select 1 from org_member o where o.org_id = m.org_id and o.role = 'owner' "
                    + "and o.account_id <> :account) "
                    + "and exists (select 1 from org_member o where o.org_id = m.org_id and o.account_id <> :account)")
            .bind("account", accountId)
            .map(row -> row.get("org_id", UUID.class))
            .all();
    }

    private Mono<Void> deleteOrgsOwnedAlone(UUID accountId) {
        return db.sql("delete from org where id in (select m.org_id from org_member m where m.account_id = :account "
                + "and not exists (select 1 from org_member o where o.org_id = m.org_id and o.account_id <> :account))")
            .bind("account", accountId)
            .then();
    }

    private Flux<OrgMembership> memberships(UUID accountId) {
        return db
            .sql("select o.id, o.name, m.role from org_member m join org o on o.id = m.org_id "
                    + "where m.account_id = :account order by m.joined_at")
            .bind("account", accountId)
            .map(row -> new OrgMembership(row.get("id", UUID.class).toString(), row.get("name", String.class),
                    row.get("role", String.class)))
            .all();
    }

    private Mono<Account> account(UUID accountId) {
        return accounts.byId(accountId)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.unauthorized("This account no longer exists.")));
    }

}
