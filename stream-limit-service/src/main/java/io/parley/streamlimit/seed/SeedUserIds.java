package io.parley.streamlimit.seed;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User ids of the seed-compatible API are whole, non-negative numbers of at most 18
 * digits (so every one fits a signed 64-bit integer). Leading zeros are dropped
 * ({@code 007} is user {@code 7}). Anything else — letters, {@code 1.5}, {@code -1},
 * {@code 1e3}, 19 or more digits — is invalid.
 */
final class SeedUserIds {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private SeedUserIds() {
    }

    static Optional<String> parse(String raw) {
        if (raw == null || !DIGITS.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.toString(Long.parseLong(raw)));
    }

}
