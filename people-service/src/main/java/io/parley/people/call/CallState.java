package io.parley.people.call;

import java.util.Arrays;
import java.util.Locale;

/**
 * A call's states (PEOPLE.md §5): {@code ringing → answered → ended}, or from ringing to
 * one of the other ends.
 */
enum CallState {

    RINGING, ANSWERED, ENDED, DECLINED, CANCELLED, MISSED, BUSY;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallState of(String value) {
        return Arrays.stream(values())
            .filter(state -> state.value().equals(value))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Unknown call state in the database: " + value));
    }

    boolean isOver() {
        return this != RINGING && this != ANSWERED;
    }

}
