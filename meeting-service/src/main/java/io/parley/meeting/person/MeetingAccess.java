package io.parley.meeting.person;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.parley.tokens.access.AccessToken;

/**
 * Who may enter a meeting (PEOPLE.md §3): {@code anyone} holding the link (guests
 * included, as before accounts), members of one organization, or the accounts the host
 * invited. The host's own account is always let in. Membership is read from the access
 * token, the only word on it meeting-service has; a token lives 15 minutes, so a member
 * removed from the organization loses entry within that.
 */
public record MeetingAccess(Mode mode, String orgId, Set<String> invited, String hostAccount) {

    public static final MeetingAccess ANYONE = new MeetingAccess(Mode.ANYONE, null, Set.of(), null);

    public MeetingAccess {
        invited = Set.copyOf(invited);
    }

    public enum Mode {

        ANYONE, ORG, INVITED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> of(String value) {
            return Arrays.stream(values()).filter(mode -> mode.value().equals(value)).findFirst();
        }

    }

    /** What a join attempt gets. */
    public enum Decision {

        ADMIT, SIGN_IN_REQUIRED, NOT_INVITED

    }

    public Decision admits(Optional<AccessToken> person) {
        if (mode == Mode.ANYONE) {
            return Decision.ADMIT;
        }
        if (person.isEmpty()) {
            return Decision.SIGN_IN_REQUIRED;
        }
        AccessToken token = person.get();
        if (token.accountId().equals(hostAccount)) {
            return Decision.ADMIT;
        }
        boolean admitted = mode == Mode.ORG ? token.roleIn(orgId).isPresent() : invited.contains(token.accountId());
        return admitted ? Decision.ADMIT : Decision.NOT_INVITED;
    }

    /** The invited accounts in a stable order, for storage and the API. */
    public List<String> invitedList() {
        return invited.stream().sorted().toList();
    }
}
