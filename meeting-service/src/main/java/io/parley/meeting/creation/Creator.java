package io.parley.meeting.creation;

import java.util.Locale;

/**
 * Whom a new meeting counts against: a guest's client address, a signed-in person's
 * account, or nobody for an integration's API key (it creates for many users from one
 * place, and its key is already a decision to trust it).
 */
record Creator(Scope scope, String id) {

    static final Creator INTEGRATION = new Creator(Scope.UNCAPPED, "");

    enum Scope {

        ADDRESS, ACCOUNT, UNCAPPED;

        /** As metrics, problems and Redis keys name it. */
        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    static Creator address(String address) {
        return new Creator(Scope.ADDRESS, address);
    }

    static Creator account(String accountId) {
        return new Creator(Scope.ACCOUNT, accountId);
    }
}
