package io.parley.people.org;

import java.util.Optional;

import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;

/**
 * Who may do what to whom in an organization (PEOPLE.md §3). Every decision is made on
 * roles read from the database inside the transaction that acts on it, never on the
 * {@code orgs} claim of an access token, which is as old as the token.
 */
final class OrgRules {

    private OrgRules() {
    }

    /** Why an action is refused; each maps to one problem a client can act on. */
    enum Refusal {

        NOT_ALLOWED, LAST_OWNER, NOT_INVITEE;

        PeopleProblem problem(String detail) {
            return switch (this) {
                case NOT_ALLOWED -> PeopleProblem.forbidden("not-allowed", detail);
                case LAST_OWNER -> PeopleProblem.conflict("last-owner", detail);
                case NOT_INVITEE -> PeopleProblem.forbidden("not-invitee", detail);
            };
        }

    }

    /** A refusal with the sentence the problem shows. */
    record Denied(Refusal refusal, String detail) {

        PeopleProblem problem() {
            return refusal.problem(detail);
        }
    }

    /**
     * Owners invite admins and members; admins invite members only. An invitation is a
     * link that travels by mail and chat, and signing up does not prove an address, so a
     * link that makes its holder an admin is minted only by an owner; an admin who wants
     * a fellow admin promotes a member by name instead, where the account is known.
     * Nobody is invited as an owner (refused as input): owners are made by promotion.
     */
    static Optional<Denied> mayInvite(Role inviter, Role invited) {
        if (!inviter.manages()) {
            return denied(Refusal.NOT_ALLOWED, "Only owners and admins invite people.");
        }
        if (invited == Role.ADMIN && inviter != Role.OWNER) {
            return denied(Refusal.NOT_ALLOWED, "Only owners invite admins; admins invite members.");
        }
        return Optional.empty();
    }

    /**
     * An invitation is accepted only by the account with the address it was sent to,
     * compared as sign-in compares addresses. The token alone would find the invitation,
     * but links leak (forwarded mail, chat, screenshots, proxy logs): bound to the
     * address, a leaked or misdelivered link lets no account with another address in.
     * Sign-up does not verify addresses yet, so until the invitee has an account someone
     * could still claim the address first; the binding narrows that to one address
     * instead of everyone who sees the link.
     */
    static Optional<Denied> mayAccept(String invitedEmail, String accountEmail) {
        if (!Inputs.emailKey(invitedEmail).equals(Inputs.emailKey(accountEmail))) {
            return denied(Refusal.NOT_INVITEE,
                    "This invitation was sent to another email address; ask for one to the address you sign in with.");
        }
        return Optional.empty();
    }

    /**
     * Owners change anyone's role; admins change admins' and members' but never touch an
     * owner nor make one. An organization always keeps an owner, so the last one cannot
     * step down.
     * @param owners how many owners the organization has, counted in the same transaction
     */
    static Optional<Denied> mayChangeRole(Member actor, Member target, Role role, long owners) {
        if (!actor.role().manages()) {
            return denied(Refusal.NOT_ALLOWED, "Only owners and admins change roles.");
        }
        if (actor.role() != Role.OWNER && (target.role() == Role.OWNER || role == Role.OWNER)) {
            return denied(Refusal.NOT_ALLOWED, "Only owners change an owner's role or make someone an owner.");
        }
        if (target.role() == Role.OWNER && role != Role.OWNER && owners <= 1) {
            return denied(Refusal.LAST_OWNER,
                    "The organization's last owner cannot step down; make someone else an owner first.");
        }
        return Optional.empty();
    }

    /**
     * Anyone may leave; owners remove anyone, admins remove admins and members; the last
     * owner stays.
     */
    static Optional<Denied> mayRemove(Member actor, Member target, long owners) {
        if (!actor.is(target)) {
            if (!actor.role().manages()) {
                return denied(Refusal.NOT_ALLOWED, "Only owners and admins remove members; you may leave.");
            }
            if (actor.role() != Role.OWNER && target.role() == Role.OWNER) {
                return denied(Refusal.NOT_ALLOWED, "Only owners remove an owner.");
            }
        }
        if (target.role() == Role.OWNER && owners <= 1) {
            return denied(Refusal.LAST_OWNER,
                    "The organization's last owner cannot leave; make someone else an owner first.");
        }
        return Optional.empty();
    }

    static Optional<Denied> mayChangeLimits(Role actor) {
        return actor.manages() ? Optional.empty()
                : denied(Refusal.NOT_ALLOWED, "Only owners and admins change the organization's limits.");
    }

    private static Optional<Denied> denied(Refusal refusal, String detail) {
        return Optional.of(new Denied(refusal, detail));
    }

}
