package io.parley.streamlimit.lease;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the flat replies of the lease scripts (their headers document the layout). Redis
 * turns Lua numbers into integers and scores into strings, so every element is read
 * through its text.
 */
final class ScriptReplies {

    private final List<?> reply;

    private int position;

    private ScriptReplies(List<?> reply) {
        this.reply = reply;
    }

    static Acquisition acquisition(List<?> reply) {
        ScriptReplies in = new ScriptReplies(reply);
        Acquisition.Outcome outcome = switch (in.text()) {
            case "admitted" -> Acquisition.Outcome.ADMITTED;
            case "renewed" -> Acquisition.Outcome.RENEWED;
            case "rejected" -> Acquisition.Outcome.REJECTED;
            default -> throw new IllegalStateException("acquire-v2.lua answered " + reply);
        };
        int count = (int) in.number();
        Instant expiry = Instant.ofEpochMilli(in.number());
        int limit = (int) in.number();
        List<ExpiredLease> expired = in.leases();
        List<ExpiredLease> evicted = in.leases();
        return new Acquisition(outcome, count, limit, expiry, expired, evicted);
    }

    /** For renew-v1.lua ({@code renewed}) and end-v1.lua ({@code ended}). */
    static LeaseChange change(List<?> reply, String changedOutcome) {
        ScriptReplies in = new ScriptReplies(reply);
        boolean changed = changedOutcome.equals(in.text());
        int count = (int) in.number();
        Instant expiry = Instant.ofEpochMilli(in.number());
        return new LeaseChange(changed, count, expiry, in.leases());
    }

    static OldestEnd oldestEnd(List<?> reply) {
        ScriptReplies in = new ScriptReplies(reply);
        OldestEnd.Status status = switch (in.text()) {
            case "ended" -> OldestEnd.Status.ENDED;
            case "none" -> OldestEnd.Status.NONE;
            case "unknown" -> OldestEnd.Status.UNKNOWN;
            default -> throw new IllegalStateException("end-oldest-v1.lua answered " + reply);
        };
        int count = (int) in.number();
        String ended = in.text();
        return new OldestEnd(status, ended.isEmpty() ? null : ended, count, in.leases());
    }

    static Sweep sweep(List<?> reply) {
        ScriptReplies in = new ScriptReplies(reply);
        String earliest = in.text();
        OptionalLong remaining = earliest.isEmpty() ? OptionalLong.empty() : OptionalLong.of(toMillis(earliest));
        return new Sweep(in.leases(), remaining);
    }

    static List<DueUser> dueUsers(List<?> reply) {
        ScriptReplies in = new ScriptReplies(reply);
        List<DueUser> users = new ArrayList<>();
        while (in.position < reply.size()) {
            users.add(new DueUser(in.text(), in.text()));
        }
        return users;
    }

    /** A count followed by that many (stream id, score) pairs. */
    private List<ExpiredLease> leases() {
        int count = (int) number();
        List<ExpiredLease> leases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String streamId = text();
            leases.add(new ExpiredLease(streamId, Instant.ofEpochMilli(toMillis(text()))));
        }
        return leases;
    }

    private String text() {
        if (position >= reply.size()) {
            throw new IllegalStateException("Script reply ended early: " + reply);
        }
        return String.valueOf(reply.get(position++));
    }

    private long number() {
        return toMillis(text());
    }

    /**
     * Scores may come back as "1700000000000" or "1.7e+12", depending on the Redis
     * version.
     */
    static long toMillis(String value) {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException notAnInteger) {
            return (long) Double.parseDouble(value);
        }
    }

}
