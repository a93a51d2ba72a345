package org.reglament.log;

/**
 * A direct-mapped cache by identity of the JSON bytes written for a value ({@link RecurringValues},
 * {@link RecurringStrings}): slot {@code identityHashCode & (SLOTS - 1)} holds the last value looked for there and its
 * bytes, if they were kept. Looking a value up costs one identity hash and one comparison, not a hash over its
 * fields. An entry's fields are final, so a thread that sees an entry sees it whole; a slot overwritten by another
 * thread at the same time only costs the caller its slower way.
 */
final class IdentitySlots {
    /** Slots (a power of two). */
    static final int SLOTS = 4096;

    private final Seen[] seen = new Seen[SLOTS];

    /** A value seen in a slot, and its bytes (null until kept). */
    record Seen(Object value, RawJson json) {
    }

    /** What the slot of {@code value} holds for that very object, or null. */
    Seen find(Object value) {
        Seen last = seen[slot(value)];
        return last != null && last.value() == value ? last : null;
    }

    /** Holds {@code value} in its slot, with its bytes or null. */
    void hold(Object value, RawJson json) {
        seen[slot(value)] = new Seen(value, json);
    }

    private static int slot(Object value) {
        return System.identityHashCode(value) & (SLOTS - 1);
    }
}
