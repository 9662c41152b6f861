package io.parley.people.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.PeopleProperties;
import io.parley.people.account.AccountStore;
import io.parley.people.event.Outbox;
import io.parley.people.org.OrgStore.Invitation;
import io.parley.people.org.OrgStore.Seen;
import io.parley.people.token.SecretTokens;
import io.parley.people.web.PeopleProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Organizations, their members and invitations (PEOPLE.md §3). Each change is one
 * transaction that locks the organization, reads the roles it decides on, applies
 * {@link OrgRules} and appends its events to the outbox, so two changes at once cannot
 * both pass a check that only one of them may pass (two owners stepping down together
 * leave one owner, not none).
 */
@Component
class Orgs {

    private final OrgStore store;

    private final AccountStore accounts;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final Duration invitationLifetime;

    private final Clock clock;

    Orgs(OrgStore store, AccountStore accounts, Outbox outbox, TransactionalOperator transaction,
            PeopleProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transaction = transaction;
        this.invitationLifetime = properties.orgs().invitationLifetime();
        this.clock = clock;
    }

    /**
     * An organization and the role someone has there: the answer to creating one or
     * joining one.
     */
    record Membership(UUID orgId, String name, String role) {
    }

    record OrgView(UUID orgId, String name, Integer maxConcurrentStreams, String role) {
    }

    record MemberList(List<OrgStore.Listed> members) {
    }

    /** The token is shown once, here; only its hash is kept. */
    record Invited(UUID invitationId, String token, Instant expiresAt) {
    }

    record MemberRole(UUID orgId, UUID accountId, String role) {
    }

    record Limits(UUID orgId, int maxConcurrentStreams) {
    }

    Mono<Membership> create(UUID caller, String name) {
        UUID orgId = UUID.randomUUID();
        Instant now = now();
        return store.insertOrg(orgId, name, now)
            .then(store.insertMember(orgId, caller, Role.OWNER, now))
            .then(memberEvent(EventType.ORG_MEMBER_ADDED, orgId, caller, Role.OWNER))
            .as(transaction::transactional)
            .thenReturn(new Membership(orgId, name, Role.OWNER.claim()));
    }

    Mono<OrgView> view(UUID orgId, UUID caller) {
        return asMember(store.seenBy(orgId, caller)).map(seen -> new OrgView(orgId, seen.org().name(),
                seen.org().maxConcurrentStreams(), seen.callerRole().claim()));
    }

    Mono<MemberList> members(UUID orgId, UUID caller) {
        return asMember(store.seenBy(orgId, caller)).thenMany(store.members(orgId)).collectList().map(MemberList::new);
    }

    /**
     * @param role admin or member (owners are made by promotion, never by a link)
     */
    Mono<Invited> invite(UUID orgId, UUID caller, String email, Role role) {
        Instant now = now();
        String token = SecretTokens.generate();
        Invitation invitation = new Invitation(UUID.randomUUID(), orgId, email, role, now.plus(invitationLifetime),
                null);
        return asMember(store.lockedFor(orgId, caller))
            .flatMap(seen -> allowed(OrgRules.mayInvite(seen.callerRole(), role)))
            .then(store.insertInvitation(invitation, SecretTokens.hash(token), caller, now))
            .as(transaction::transactional)
            .thenReturn(new Invited(invitation.id(), token, invitation.expiresAt()));
    }

    Mono<Membership> accept(UUID caller, String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Mono.error(unknownInvitation());
        }
        Instant now = now();
        return store.invitation(SecretTokens.hash(token))
            .switchIfEmpty(Mono.error(Orgs::unknownInvitation))
            .filter(invitation -> invitation.usableAt(now))
            .switchIfEmpty(Mono.error(Orgs::spentInvitation))
            .flatMap(invitation -> accounts.byId(caller)
                .switchIfEmpty(Mono.error(() -> PeopleProblem.unauthorized("This account no longer exists.")))
                .flatMap(account -> allowed(OrgRules.mayAccept(invitation.email(), account.email())))
                .then(join(invitation, caller, now)));
    }

    /**
     * Uses the invitation up and adds the member in one transaction: if the account is a
     * member already, the invitation stays unused for whoever it was really meant for.
     */
    private Mono<Membership> join(Invitation invitation, UUID caller, Instant now) {
        UUID orgId = invitation.orgId();
        return store.consume(invitation.id(), caller, now)
            .flatMap(consumed -> consumed ? store.lockedFor(orgId, caller) : Mono.error(spentInvitation()))
            .flatMap(
                    seen -> store.insertMember(orgId, caller, invitation.role(), now)
                        .flatMap(inserted -> inserted
                                ? memberEvent(EventType.ORG_MEMBER_ADDED, orgId, caller, invitation.role())
                                : Mono.error(PeopleProblem.conflict("already-member",
                                        "You already are a member of this organization.")))
                        .then(seen.org().maxConcurrentStreams() == null ? Mono.empty()
                                : limitsChanged(orgId, caller, seen.org().maxConcurrentStreams()))
                        .thenReturn(new Membership(orgId, seen.org().name(), invitation.role().claim())))
            .as(transaction::transactional);
    }

    /**
     * A role change is announced as {@code org-member-added} with the new role: consumers
     * keep one role per (organization, account), and "added" tells them what it is now.
     */
    Mono<MemberRole> changeRole(UUID orgId, UUID caller, UUID accountId, Role role) {
        return change(orgId, caller, accountId)
            .flatMap(change -> allowed(OrgRules.mayChangeRole(change.actor(), change.target(), role, change.owners()))
                .then(change.target().role() == role ? Mono.empty()
                        : store.changeRole(orgId, accountId, role)
                            .then(memberEvent(EventType.ORG_MEMBER_ADDED, orgId, accountId, role))))
            .as(transaction::transactional)
            .thenReturn(new MemberRole(orgId, accountId, role.claim()));
    }

    Mono<Void> remove(UUID orgId, UUID caller, UUID accountId) {
        return change(orgId, caller, accountId)
            .flatMap(change -> allowed(OrgRules.mayRemove(change.actor(), change.target(), change.owners()))
                .then(store.removeMember(orgId, accountId))
                .then(memberEvent(EventType.ORG_MEMBER_REMOVED, orgId, accountId, change.target().role())))
            .as(transaction::transactional);
    }

    /**
     * One event per member, keyed by the member, so stream-limit-service applies it
     * person by person.
     */
    Mono<Limits> setLimits(UUID orgId, UUID caller, int maxConcurrentStreams) {
        return asMember(store.lockedFor(orgId, caller))
            .flatMap(seen -> allowed(OrgRules.mayChangeLimits(seen.callerRole())))
            .then(store.setStreamLimit(orgId, maxConcurrentStreams))
            .thenMany(store.memberIds(orgId))
            .concatMap(member -> limitsChanged(orgId, member, maxConcurrentStreams))
            .then()
            .as(transaction::transactional)
            .thenReturn(new Limits(orgId, maxConcurrentStreams));
    }

    /**
     * The organization's limit as it now applies to one member; a member who joins after
     * the limit was set gets it too, so stream-limit-service needs no other source than
     * these events.
     */
    private Mono<Void> limitsChanged(UUID orgId, UUID member, int maxConcurrentStreams) {
        return outbox.append(EventType.ORG_LIMITS_CHANGED, member.toString(), Map.of("orgId", orgId.toString(),
                "accountId", member.toString(), "maxConcurrentStreams", maxConcurrentStreams));
    }

    /**
     * Who acts on whom, and how many owners there are: read under the organization's
     * lock.
     */
    private record Change(Member actor, Member target, long owners) {
    }

    private Mono<Change> change(UUID orgId, UUID caller, UUID accountId) {
        return asMember(store.lockedFor(orgId, caller)).flatMap(seen -> store.roleOf(orgId, accountId)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such member of this organization.")))
            .flatMap(targetRole -> store.lockOwners(orgId)
                .map(owners -> new Change(new Member(caller, seen.callerRole()), new Member(accountId, targetRole),
                        owners))));
    }

    /**
     * Unknown organizations are 404; known ones show themselves only to their members.
     */
    private static Mono<Seen> asMember(Mono<Seen> seen) {
        return seen.switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such organization.")))
            .flatMap(found -> found.callerRole() != null ? Mono.just(found)
                    : Mono.error(PeopleProblem.forbidden("not-member", "You are not a member of this organization.")));
    }

    private static Mono<Void> allowed(Optional<OrgRules.Denied> denied) {
        return denied.map(refusal -> Mono.<Void>error(refusal.problem())).orElse(Mono.empty());
    }

    private Mono<Void> memberEvent(EventType type, UUID orgId, UUID accountId, Role role) {
        return outbox.append(type, accountId.toString(),
                Map.of("orgId", orgId.toString(), "accountId", accountId.toString(), "role", role.claim()));
    }

    private static PeopleProblem unknownInvitation() {
        return PeopleProblem.notFound("No such invitation.");
    }

    private static PeopleProblem spentInvitation() {
        return PeopleProblem.gone("This invitation was already used or has expired; ask for a new one.");
    }

    /** PostgreSQL keeps microseconds: the times answered are the times stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
