package io.parley.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for ids that must be unique but need not be secret: event ids,
 * stream ids, chat message ids. {@link UUID#randomUUID()} draws on {@code SecureRandom},
 * which reads {@code /dev/urandom} under a global lock — a file read on the event loop
 * for every event. Never use these for anything a caller could gain by guessing (tokens,
 * keys, user ids).
 */
public final class Ids {

    private static final long VERSION_MASK = 0xF000L;

    private static final long VERSION_4 = 0x4000L;

    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;

    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private Ids() {
    }

    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
        long low = (random.nextLong() & ~VARIANT_MASK) | VARIANT_IETF;
        return new UUID(high, low).toString();
    }

}
