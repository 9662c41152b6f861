package io.parley.meeting.creation;

import java.time.Duration;
import java.util.Map;

import io.parley.meeting.web.ApiProblem;

/**
 * The answer to a creator whose cap is reached: 429 saying which cap, how large, and when
 * to try again.
 */
final class CapReached {

    static final String REASON = "creation-limit";

    private CapReached() {
    }

    /**
     * @param retryAfter until the window closes; {@code Retry-After} rounds it up to
     * whole seconds
     */
    static ApiProblem problem(Creator.Scope scope, int limit, Duration window, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        String who = scope == Creator.Scope.ACCOUNT ? "Your account" : "This address";
        String detail = who + " may create at most " + limit + " meetings " + per(window) + "; try again in "
                + inWords(Duration.ofSeconds(seconds)) + ".";
        return ApiProblem.tooManyRequests(REASON, detail, seconds,
                Map.of("scope", scope.value(), "limit", limit, "windowSeconds", window.toSeconds()));
    }

    static String per(Duration window) {
        if (window.equals(Duration.ofHours(1))) {
            return "an hour";
        }
        if (window.equals(Duration.ofDays(1))) {
            return "a day";
        }
        return "per " + inWords(window);
    }

    /** Whole minutes from two minutes on (rounded up), seconds below. */
    static String inWords(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds >= 120) {
            return plural((seconds + 59) / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

}
