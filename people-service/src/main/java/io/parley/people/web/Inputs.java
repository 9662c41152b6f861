package io.parley.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on what people type: names, emails, passwords. Collects every failed field, then
 * {@link #validate()} answers them all in one 400. Text is trimmed; lengths count code
 * points (an emoji is one); control characters and bidirectional overrides are refused
 * because names end up on other people's screens, where an override can make one name
 * look like another.
 */
public final class Inputs {

    public static final int MAX_NAME = 64;

    public static final int MAX_EMAIL = 254;

    public static final int MAX_PASSWORD = 256;

    /**
     * Deliberately loose: one @, something on each side, a dot in the domain; the mailbox
     * proves the rest.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<PeopleProblem.FieldError> errors = new ArrayList<>();

    public String name(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return fail(field, field + " is required (1 to " + MAX_NAME + " characters).");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            return fail(field, field + " must be at most " + MAX_NAME + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Inputs::forbidden)) {
            return fail(field, field + " must not contain control or text-direction characters.");
        }
        return trimmed;
    }

    /** A trimmed email address; compare accounts by {@link #emailKey(String)}. */
    public String email(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return fail(field, field + " is required.");
        }
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()
                || trimmed.codePoints().anyMatch(Inputs::forbidden)) {
            return fail(field, field + " must be an email address.");
        }
        return trimmed;
    }

    /**
     * A password as typed (never trimmed: spaces are characters too), present and at most
     * 256 characters.
     */
    public String password(String field, String value) {
        if (value == null || value.isEmpty()) {
            return fail(field, field + " is required.");
        }
        if (value.codePointCount(0, value.length()) > MAX_PASSWORD) {
            return fail(field, field + " must be at most " + MAX_PASSWORD + " characters.");
        }
        return value;
    }

    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.SURROGATE) {
            return true;
        }
        // LRE..RLO, LRI..PDI and the marks: the characters that reorder what follows them
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    public <T> T fail(String field, String message) {
        errors.add(new PeopleProblem.FieldError(field, message));
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 400 problem listing every failed field, if any failed. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw PeopleProblem.invalid(errors);
        }
    }

}
