package io.parley.people.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.parley.people.session.Caller;
import io.parley.people.web.PeopleProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/me/meetings}: the meetings I hosted or joined, newest first, a cursor
 * page at a time.
 */
@RestController
class MyMeetingsController {

    static final int MAX_LIMIT = 100;

    private final MeetingHistory history;

    MyMeetingsController(MeetingHistory history) {
        this.history = history;
    }

    record Page(List<MeetingHistory.Entry> meetings, String next) {
    }

    @GetMapping("/api/me/meetings")
    Mono<Page> meetings(Caller caller, @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "20") String limit) {
        int size = limit(limit);
        Cursor cursor = before == null ? null : Cursor.decode(before);
        return history
            .of(caller.accountId(), cursor == null ? null : cursor.joinedAt(),
                    cursor == null ? null : cursor.meetingId(), size)
            .collectList()
            .map(entries -> new Page(entries,
                    entries.size() < size ? null : new Cursor(entries.get(entries.size() - 1).joinedAt(),
                            entries.get(entries.size() - 1).meetingId())
                        .encode()));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw PeopleProblem.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /** Where a page ended: opaque to clients (base64url of "time|meeting"). */
    record Cursor(Instant joinedAt, String meetingId) {

        private static final Pattern MEETING_ID = Pattern.compile("[a-z0-9-]{1,64}");

        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((joinedAt + "|" + meetingId).getBytes());
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text)).split("\\|", 2);
                if (parts.length == 2 && MEETING_ID.matcher(parts[1]).matches()) {
                    Instant joinedAt = Instant.parse(parts[0]);
                    // PostgreSQL's timestamps end in the year 294276; a cursor we handed
                    // out is never past now
                    if (!joinedAt.isBefore(Instant.EPOCH) && joinedAt.isBefore(LATEST)) {
                        return new Cursor(joinedAt, parts[1]);
                    }
                }
            }
            catch (IllegalArgumentException | DateTimeParseException ignored) {
                // answered below: any cursor this service did not hand out is a client
                // error
            }
            throw PeopleProblem.invalid("before", "before must be a cursor from an earlier page's next.");
        }
    }

}
