package io.parley.meeting.web;

import java.util.ArrayList;
import java.util.List;

import io.parley.meeting.token.TokenIssuer;

/**
 * Checks on people-typed text: display names, titles, user ids. Text is trimmed; length
 * counts characters as people see them (code points, so an emoji is one); control
 * characters (tabs, newlines, escapes) are refused because names end up in other people's
 * screens and logs.
 */
public final class Inputs {

    public static final int MAX_NAME = 64;

    public static final int MAX_TITLE = 200;

    public static final int MAX_USER_ID = 128;

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    /** A required display name, trimmed, 1 to 64 characters. */
    public String name(String field, String value) {
        return text(field, value, MAX_NAME, true);
    }

    /** Optional text: absent or blank gives null. */
    public String optionalText(String field, String value, int max) {
        return text(field, value, max, false);
    }

    public String requiredText(String field, String value, int max) {
        return text(field, value, max, true);
    }

    /**
     * An integration's user id (the token's {@code sub}, which stream limits count): 1 to
     * 128 characters, no control characters, not in the {@code guest:} namespace of
     * generated guest ids.
     */
    public String userId(String field, String value, boolean required) {
        String userId = text(field, value, MAX_USER_ID, required);
        if (userId != null && userId.startsWith(TokenIssuer.GUEST_PREFIX)) {
            fail(field, field + " must not start with \"" + TokenIssuer.GUEST_PREFIX + "\" (reserved for guests).");
            return null;
        }
        return userId;
    }

    private String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? "" : trim(value);
        if (trimmed.isEmpty()) {
            if (required) {
                fail(field, field + " is required (1 to " + max + " characters).");
            }
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            fail(field, field + " must be at most " + max + " characters.");
            return null;
        }
        if (trimmed.codePoints().anyMatch(Inputs::forbidden)) {
            fail(field, field + " must not contain control characters.");
            return null;
        }
        return trimmed;
    }

    /**
     * Strips white space including the Unicode spaces {@link String#strip()} keeps, such
     * as no-break space.
     */
    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && blank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean forbidden(int codePoint) {
        // an unpaired surrogate is not a character at all and cannot be encoded into a
        // token's UTF-8
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }

    public void fail(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    /** Throws a 400 problem listing every failed field, if any failed. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

}
