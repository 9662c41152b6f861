package io.parley.recording.web;

import java.util.List;

import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;

/**
 * What a read of an object answers for the request's {@code Range} header, decided before
 * any byte is read: the whole object (200) without a range, the bytes asked for (206) for
 * one satisfiable range, 416 for a malformed or unsatisfiable one. A request for several
 * ranges gets the whole object, as HTTP allows (browsers and video players ask for one).
 *
 * @param status 200, 206 or 416
 * @param first the first byte to send
 * @param last the last byte to send (less than {@code first} when there is none)
 * @param length the object's length
 */
record ByteRange(HttpStatus status, long first, long last, long length) {

    static ByteRange of(String rangeHeader, long length) {
        List<HttpRange> ranges;
        try {
            ranges = (rangeHeader == null) ? List.of() : HttpRange.parseRanges(rangeHeader);
        }
        catch (IllegalArgumentException ex) {
            return unsatisfiable(length);
        }
        if (ranges.size() != 1) {
            return new ByteRange(HttpStatus.OK, 0, length - 1, length);
        }
        HttpRange range = ranges.get(0);
        long first = range.getRangeStart(length);
        long last = range.getRangeEnd(length);
        if (first >= length || first > last) {
            return unsatisfiable(length);
        }
        return new ByteRange(HttpStatus.PARTIAL_CONTENT, first, last, length);
    }

    private static ByteRange unsatisfiable(long length) {
        return new ByteRange(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, 0, -1, length);
    }

    /** The bytes of the answer's body. */
    long size() {
        return Math.max(0, last - first + 1);
    }

    /** The answer's {@code Content-Range}, null for a whole object. */
    String contentRange() {
        return switch (status) {
            case PARTIAL_CONTENT -> "bytes " + first + "-" + last + "/" + length;
            case REQUESTED_RANGE_NOT_SATISFIABLE -> "bytes */" + length;
            default -> null;
        };
    }

}
