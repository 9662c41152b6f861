package io.parley.people.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import io.parley.people.org.OrgRules.Denied;
import io.parley.people.org.OrgRules.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OrgRulesTests {

    private static final Member OWNER = other(Role.OWNER);

    private static final Member ADMIN = other(Role.ADMIN);

    private static final Member MEMBER = other(Role.MEMBER);

    /**
     * Someone with this role; acting on one's own {@link Member} is acting on oneself.
     */
    private static Member other(Role role) {
        return new Member(UUID.randomUUID(), role);
    }

    @Test
    void ownersInviteAdminsAndMembers() {
        assertThat(OrgRules.mayInvite(Role.OWNER, Role.ADMIN)).isEmpty();
        assertThat(OrgRules.mayInvite(Role.OWNER, Role.MEMBER)).isEmpty();
    }

    @Test
    void adminsInviteMembersButNotAdmins() {
        assertThat(OrgRules.mayInvite(Role.ADMIN, Role.MEMBER)).isEmpty();
        assertRefused(OrgRules.mayInvite(Role.ADMIN, Role.ADMIN), Refusal.NOT_ALLOWED);
    }

    @Test
    void membersDoNotInvite() {
        assertRefused(OrgRules.mayInvite(Role.MEMBER, Role.MEMBER), Refusal.NOT_ALLOWED);
    }

    @Test
    void anInvitationIsAcceptedOnlyByTheAddressItWasSentToWhateverItsCase() {
        assertThat(OrgRules.mayAccept("Ada@Example.org", " ada@example.ORG ")).isEmpty();
        assertRefused(OrgRules.mayAccept("ada@example.org", "eve@example.org"), Refusal.NOT_INVITEE);
    }

    @Test
    void ownerPromotesAMemberToOwner() {
        assertThat(OrgRules.mayChangeRole(OWNER, other(Role.MEMBER), Role.OWNER, 1)).isEmpty();
    }

    @Test
    void ownerDemotesAnotherOwner() {
        assertThat(OrgRules.mayChangeRole(OWNER, other(Role.OWNER), Role.MEMBER, 2)).isEmpty();
    }

    @Test
    void adminPromotesAMemberToAdminAndDemotesAnotherAdmin() {
        assertThat(OrgRules.mayChangeRole(ADMIN, other(Role.MEMBER), Role.ADMIN, 1)).isEmpty();
        assertThat(OrgRules.mayChangeRole(ADMIN, other(Role.ADMIN), Role.MEMBER, 1)).isEmpty();
    }

    @Test
    void adminCannotDemoteAnOwner() {
        assertRefused(OrgRules.mayChangeRole(ADMIN, other(Role.OWNER), Role.MEMBER, 2), Refusal.NOT_ALLOWED);
    }

    @Test
    void adminCannotMakeAnyoneOwnerNotEvenThemself() {
        assertRefused(OrgRules.mayChangeRole(ADMIN, other(Role.MEMBER), Role.OWNER, 1), Refusal.NOT_ALLOWED);
        assertRefused(OrgRules.mayChangeRole(ADMIN, ADMIN, Role.OWNER, 1), Refusal.NOT_ALLOWED);
    }

    @Test
    void memberCannotChangeRolesNotEvenTheirOwn() {
        assertRefused(OrgRules.mayChangeRole(MEMBER, other(Role.MEMBER), Role.ADMIN, 1), Refusal.NOT_ALLOWED);
        assertRefused(OrgRules.mayChangeRole(MEMBER, MEMBER, Role.ADMIN, 1), Refusal.NOT_ALLOWED);
    }

    @Test
    void theLastOwnerCannotStepDown() {
        assertRefused(OrgRules.mayChangeRole(OWNER, OWNER, Role.ADMIN, 1), Refusal.LAST_OWNER);
    }

    @Test
    void anOwnerStepsDownWhenAnotherOwnerRemains() {
        assertThat(OrgRules.mayChangeRole(OWNER, OWNER, Role.MEMBER, 2)).isEmpty();
    }

    @Test
    void keepingTheLastOwnerAnOwnerIsNoStepDown() {
        assertThat(OrgRules.mayChangeRole(OWNER, OWNER, Role.OWNER, 1)).isEmpty();
    }

    @Test
    void anyoneMayLeave() {
        assertThat(OrgRules.mayRemove(MEMBER, MEMBER, 1)).isEmpty();
        assertThat(OrgRules.mayRemove(ADMIN, ADMIN, 1)).isEmpty();
        assertThat(OrgRules.mayRemove(OWNER, OWNER, 2)).isEmpty();
    }

    @Test
    void theLastOwnerCannotLeave() {
        assertRefused(OrgRules.mayRemove(OWNER, OWNER, 1), Refusal.LAST_OWNER);
    }

    @Test
    void memberCannotRemoveSomeoneElse() {
        assertRefused(OrgRules.mayRemove(MEMBER, other(Role.MEMBER), 1), Refusal.NOT_ALLOWED);
    }

    @Test
    void adminRemovesMembersAndAdminsButNotAnOwner() {
        assertThat(OrgRules.mayRemove(ADMIN, other(Role.MEMBER), 1)).isEmpty();
        assertThat(OrgRules.mayRemove(ADMIN, other(Role.ADMIN), 1)).isEmpty();
        assertRefused(OrgRules.mayRemove(ADMIN, other(Role.OWNER), 2), Refusal.NOT_ALLOWED);
    }

    @Test
    void ownerRemovesAnotherOwner() {
        assertThat(OrgRules.mayRemove(OWNER, other(Role.OWNER), 2)).isEmpty();
    }

    @Test
    void ownersAndAdminsChangeLimitsMembersDoNot() {
        assertThat(OrgRules.mayChangeLimits(Role.OWNER)).isEmpty();
        assertThat(OrgRules.mayChangeLimits(Role.ADMIN)).isEmpty();
        assertRefused(OrgRules.mayChangeLimits(Role.MEMBER), Refusal.NOT_ALLOWED);
    }

    @Test
    void refusalsBecomeTheProblemsTheApiPromises() {
        assertThat(Refusal.NOT_ALLOWED.problem("no").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Refusal.NOT_ALLOWED.problem("no").getBody().getProperties()).containsEntry("reason", "not-allowed");
        assertThat(Refusal.LAST_OWNER.problem("no").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(Refusal.LAST_OWNER.problem("no").getBody().getProperties()).containsEntry("reason", "last-owner");
        assertThat(Refusal.NOT_INVITEE.problem("no").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static void assertRefused(Optional<Denied> denied, Refusal refusal) {
        assertThat(denied).map(Denied::refusal).contains(refusal);
        assertThat(denied.get().detail()).isNotBlank();
    }

}
