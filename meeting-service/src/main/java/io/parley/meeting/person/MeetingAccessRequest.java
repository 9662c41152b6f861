package io.parley.meeting.person;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.access.AccessToken;

/**
 * Reads the access fields of a create request: only a signed-in host may restrict who
 * enters.
 */
public final class MeetingAccessRequest {

    static final int MAX_INVITED = 100;
    static final int MAX_ACCOUNT_ID = 64;

    private MeetingAccessRequest() {
    }

    /**
     * The access a create asks for; records bad fields on {@code inputs}, throws 401/403
     * for who may not ask.
     */
    public static MeetingAccess of(Inputs inputs, CreateMeetingRequest request, Optional<AccessToken> person) {
        String hostAccount = person.map(AccessToken::accountId).orElse(null);
        if (request.access() == null) {
            return refuseExtras(inputs, request, MeetingAccess.Mode.ANYONE, hostAccount);
        }
        Optional<MeetingAccess.Mode> mode = MeetingAccess.Mode.of(request.access());
        if (mode.isEmpty()) {
            inputs.fail("access", "access must be one of anyone, org, invited.");
            return MeetingAccess.ANYONE;
        }
        if (mode.get() == MeetingAccess.Mode.ANYONE) {
            return refuseExtras(inputs, request, MeetingAccess.Mode.ANYONE, hostAccount);
        }
        AccessToken host = person.orElseThrow(() -> ApiProblem
            .signInRequired("Sign in to create a meeting for an organization or for invited people."));
        if (mode.get() == MeetingAccess.Mode.ORG) {
            String orgId = inputs.requiredText("orgId", request.orgId(), MAX_ACCOUNT_ID);
            if (orgId != null && host.roleIn(orgId).isEmpty()) {
                throw ApiProblem.forbidden("not-member", "You can only create meetings for organizations you are in.");
            }
            if (request.invitedAccounts() != null) {
                inputs.fail("invitedAccounts", "invitedAccounts goes with access invited, not org.");
            }
            return new MeetingAccess(MeetingAccess.Mode.ORG, orgId, Set.of(), host.accountId());
        }
        if (request.orgId() != null) {
            inputs.fail("orgId", "orgId goes with access org, not invited.");
        }
        return new MeetingAccess(MeetingAccess.Mode.INVITED, null, invited(inputs, request.invitedAccounts()),
                host.accountId());
    }

    private static MeetingAccess refuseExtras(Inputs inputs, CreateMeetingRequest request, MeetingAccess.Mode mode,
            String hostAccount) {
        if (request.orgId() != null) {
            inputs.fail("orgId", "orgId goes with access org.");
        }
        if (request.invitedAccounts() != null) {
            inputs.fail("invitedAccounts", "invitedAccounts goes with access invited.");
        }
        return mode == MeetingAccess.Mode.ANYONE && hostAccount == null ? MeetingAccess.ANYONE
                : new MeetingAccess(mode, null, Set.of(), hostAccount);
    }

    private static Set<String> invited(Inputs inputs, List<String> accounts) {
        if (accounts == null) {
            return Set.of();
        }
        if (accounts.size() > MAX_INVITED) {
            inputs.fail("invitedAccounts", "invitedAccounts may list at most " + MAX_INVITED + " accounts.");
            return Set.of();
        }
        Set<String> invited = new LinkedHashSet<>();
        for (String account : accounts) {
            String id = inputs.requiredText("invitedAccounts", account, MAX_ACCOUNT_ID);
            if (id != null) {
                invited.add(id);
            }
        }
        return invited;
    }

}
