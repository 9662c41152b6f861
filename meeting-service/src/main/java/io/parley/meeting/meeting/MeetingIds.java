package io.parley.meeting.meeting;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meeting ids, participant ids and room names (slugs). A meeting id is the capability to
 * join, so it is random (12 letters, about 56 bits, shaped {@code abcd-efgh-ijkl} so
 * people can read it out). A slug is chosen by people and guessable by design. Slugs
 * never have the shape of an id, so {@code /m/{x}} and {@code GET /api/meetings/{x}} can
 * tell the two apart without a lookup.
 */
public final class MeetingIds {

    private static final Pattern MEETING_ID = Pattern.compile("[a-z]{4}-[a-z]{4}-[a-z]{4}");

    private static final Pattern PARTICIPANT_ID = Pattern.compile("p[0-9a-z]{16}");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static final String MIXED_CASE = ALPHANUMERIC + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final Pattern RECORDING_ID = Pattern.compile("[A-Za-z0-9]{20}");

    private final SecureRandom random = new SecureRandom();

    public String newMeetingId() {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                id.append('-');
            }
            id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return id.toString();
    }

    public String newParticipantId() {
        StringBuilder id = new StringBuilder("p");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /**
     * A recording id: 20 of {@code [A-Za-z0-9]} (about 119 bits), since it names the
     * recording's files and its download.
     */
    public String newRecordingId() {
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append(MIXED_CASE.charAt(random.nextInt(MIXED_CASE.length())));
        }
        return id.toString();
    }

    public static boolean isRecordingId(String candidate) {
        return candidate != null && RECORDING_ID.matcher(candidate).matches();
    }

    public static boolean isMeetingId(String candidate) {
        return candidate != null && MEETING_ID.matcher(candidate).matches();
    }

    public static boolean isParticipantId(String candidate) {
        return candidate != null && PARTICIPANT_ID.matcher(candidate).matches();
    }

    /**
     * A room name as stored: lower case, 3 to 64 letters, digits and inner hyphens, never
     * shaped like a meeting id. Empty when the text is not a valid room name.
     */
    public static Optional<String> slug(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String slug = candidate.toLowerCase(Locale.ROOT);
        return SLUG.matcher(slug).matches() && !isMeetingId(slug) ? Optional.of(slug) : Optional.empty();
    }

}
