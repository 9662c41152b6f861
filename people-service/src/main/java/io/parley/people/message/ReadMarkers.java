package io.parley.people.message;

import java.util.OptionalLong;

/**
 * Unread counts from read markers (PEOPLE.md §4). Each person's marker is the sequence
 * number they have read up to, and their own sends move it, so unread = the
 * conversation's last sequence − the marker counts exactly the other person's messages
 * since. The server keeps both numbers, so every device shows the same count.
 */
final class ReadMarkers {

    private ReadMarkers() {
    }

    static long unread(long lastSeq, long marker) {
        return Math.max(0, lastSeq - marker);
    }

    /**
     * A read up to {@code upTo} moves the marker only forward; empty when it would not
     * move.
     */
    static OptionalLong afterRead(long marker, long upTo) {
        return upTo > marker ? OptionalLong.of(upTo) : OptionalLong.empty();
    }

    /**
     * Where the recipient's marker goes when an entry lands at {@code seq}. An entry they
     * already know of (a call they declined or talked in) is not news: it counts as read,
     * but only when nothing before it was unread, since moving the marker over it would
     * mark those earlier messages read too.
     */
    static long recipientAfter(long marker, long seq, boolean knownToRecipient) {
        return knownToRecipient && marker == seq - 1 ? seq : marker;
    }

}
