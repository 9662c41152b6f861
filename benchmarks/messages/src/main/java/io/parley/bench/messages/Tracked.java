package io.parley.bench.messages;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One message the load sent, by its {@code clientMessageId}: when it was sent, when the 201 came and with which
 * {@code messageId}, and the copies of it each side's device received (more than one is a duplicate).
 */
final class Tracked {

    final long sentNanos;
    volatile int status;
    volatile long answeredNanos;
    volatile String messageId;
    volatile long receivedNanos;
    volatile long echoedNanos;
    final AtomicInteger recipientCopies = new AtomicInteger();
    final AtomicInteger senderCopies = new AtomicInteger();
    /** A copy whose messageId was not the one the send was answered with (a second stored message). */
    final AtomicInteger otherIds = new AtomicInteger();
    volatile String firstReceivedId;

    Tracked(long sentNanos) {
        this.sentNanos = sentNanos;
    }

    boolean acknowledged() {
        return status == 201;
    }

    void received(boolean recipient, long nanos, String id) {
        if (recipient) {
            if (recipientCopies.incrementAndGet() == 1) {
                receivedNanos = nanos;
                firstReceivedId = id;
            }
            else if (!id.equals(firstReceivedId)) {
                otherIds.incrementAndGet();
            }
        }
        else if (senderCopies.incrementAndGet() == 1) {
            echoedNanos = nanos;
        }
    }
}
