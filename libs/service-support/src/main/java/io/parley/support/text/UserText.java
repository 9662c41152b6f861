package io.parley.support.text;

/**
 * Rules for text that one person types and other people read: direct messages and chat
 * (several lines), display names and titles (one line). Plain static checks, so that each
 * service answers a failure in its own words.
 * <ul>
 * <li>Text is stripped of surrounding white space first ({@link #strip}); what is left is
 * what gets stored.</li>
 * <li>Lengths count code points, as people count characters: an emoji is one, not two
 * UTF-16 units.</li>
 * <li>Control characters are refused: they garble or hide text on the reader's screen,
 * and PostgreSQL refuses NUL outright. A message keeps its line feeds and tabs; a line
 * has none.</li>
 * <li>Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused:
 * they reorder what follows them, so one text can pose as another
 * ({@code "evil\u202Egnp.exe"} reads as "evilexe.png"). A line also refuses the direction
 * marks (U+200E, U+200F, U+061C), which a name never needs; a message keeps them, because
 * people who write Arabic or Hebrew among Latin text use them.</li>
 * <li>An unpaired surrogate is no character at all and cannot be stored as UTF-8.</li>
 * </ul>
 */
public final class UserText {

    private UserText() {
    }

    /** What is wrong with a text, if anything. */
    public enum Verdict {

        OK, EMPTY, TOO_LONG, FORBIDDEN_CHARACTER

    }

    /** The text without surrounding white space; null is the empty text. */
    public static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** Characters as people count them: code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * A message or chat line of at most {@code maxLength} characters: call it on
     * {@link #strip stripped} text.
     */
    public static Verdict message(String stripped, int maxLength) {
        return verdict(stripped, maxLength, true);
    }

    /**
     * A name or a title of at most {@code maxLength} characters: call it on {@link #strip
     * stripped} text.
     */
    public static Verdict line(String stripped, int maxLength) {
        return verdict(stripped, maxLength, false);
    }

    private static Verdict verdict(String stripped, int maxLength, boolean multiline) {
        if (stripped.isEmpty()) {
            return Verdict.EMPTY;
        }
        if (length(stripped) > maxLength) {
            return Verdict.TOO_LONG;
        }
        boolean forbidden = stripped.codePoints()
            .anyMatch(codePoint -> multiline ? forbiddenInMessage(codePoint) : forbiddenInLine(codePoint));
        return forbidden ? Verdict.FORBIDDEN_CHARACTER : Verdict.OK;
    }

    /**
     * Refused in a message: control characters other than line feed and tab, overrides,
     * isolates, lone surrogates.
     */
    public static boolean forbiddenInMessage(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return false;
        }
        return isControlOrLoneSurrogate(codePoint) || isOverrideOrIsolate(codePoint);
    }

    /**
     * Refused in a line: every control character, overrides, isolates, direction marks,
     * lone surrogates.
     */
    public static boolean forbiddenInLine(int codePoint) {
        return isControlOrLoneSurrogate(codePoint) || isOverrideOrIsolate(codePoint) || isDirectionMark(codePoint);
    }

    /** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
    public static boolean isOverrideOrIsolate(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isDirectionMark(int codePoint) {
        return codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    /**
     * A code point from {@link String#codePoints()} is a surrogate only when it was left
     * unpaired.
     */
    private static boolean isControlOrLoneSurrogate(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }

}
