package io.parley.meeting.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.parley.meeting.person.MeetingAccess.Decision;
import io.parley.meeting.person.MeetingAccess.Mode;
import io.parley.tokens.access.AccessToken;
import org.junit.jupiter.api.Test;

class MeetingAccessTests {

    private static AccessToken person(String accountId, String... orgs) {
        return new AccessToken(accountId, "Someone",
                List.of(orgs).stream().map(org -> new AccessToken.Membership(org, "member")).toList(), "session", "jti",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(900));
    }

    @Test
    void anyoneAdmitsGuestsAndPeople() {
        assertThat(MeetingAccess.ANYONE.admits(Optional.empty())).isEqualTo(Decision.ADMIT);
        assertThat(MeetingAccess.ANYONE.admits(Optional.of(person("a")))).isEqualTo(Decision.ADMIT);
    }

    @Test
    void anOrgMeetingAsksGuestsToSignInAndAdmitsOnlyMembers() {
        MeetingAccess access = new MeetingAccess(Mode.ORG, "org-1", Set.of(), "host");

        assertThat(access.admits(Optional.empty())).isEqualTo(Decision.SIGN_IN_REQUIRED);
        assertThat(access.admits(Optional.of(person("a", "org-1")))).isEqualTo(Decision.ADMIT);
        assertThat(access.admits(Optional.of(person("b", "org-2")))).isEqualTo(Decision.NOT_INVITED);
    }

    @Test
    void anInvitedMeetingAdmitsTheInvitedAndTheHostOnly() {
        MeetingAccess access = new MeetingAccess(Mode.INVITED, null, Set.of("a"), "host");

        assertThat(access.admits(Optional.of(person("a")))).isEqualTo(Decision.ADMIT);
        assertThat(access.admits(Optional.of(person("host")))).isEqualTo(Decision.ADMIT);
        assertThat(access.admits(Optional.of(person("c")))).isEqualTo(Decision.NOT_INVITED);
        assertThat(access.admits(Optional.empty())).isEqualTo(Decision.SIGN_IN_REQUIRED);
    }

    @Test
    void modesReadOnlyTheirOwnNames() {
        assertThat(Mode.of("org")).contains(Mode.ORG);
        assertThat(Mode.of("ORG")).isEmpty();
        assertThat(Mode.of("everyone")).isEmpty();
    }

}
