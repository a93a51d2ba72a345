package org.reglament.decision;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decision ids: a part drawn at random once per running instance, and a counter. Unique across instances and
 * restarts (64 random bits), and given in ascending order within an instance, so that the decision log's index on
 * them grows at one end: random ids cost the embedded log about half of its write time (docs/benchmarks.md).
 * No clock is read (a UUIDv7 would carry the wall-clock time into every answer); they are UUIDs of version 8.
 */
public final class DecisionIds {
    private static final long INSTANCE = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;
    private static final AtomicLong COUNTER = new AtomicLong();

    private DecisionIds() {
    }

    public static String next() {
        long counter = COUNTER.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(INSTANCE, counter | 0x8000_0000_0000_0000L).toString();
    }
}
