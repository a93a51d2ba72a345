package org.reglament.log;

import java.util.function.Function;

/**
 * A direct-mapped cache by identity of the bytes written for a value: the JSON bytes of a recurring answer part
 * ({@link RecurringValues}, {@link RecurringStrings}) or the UTF-8 bytes of a registry answer's cell that the
 * answers' digest reads ({@code org.reglament.registry.RegistryBatch}). Slot {@code identityHashCode & (SLOTS - 1)}
 * holds the last value looked for there and its bytes, if they were kept. Looking a value up costs one identity
 * hash and one comparison, not a hash over its fields or characters. An entry's fields are final, so a thread that
 * sees an entry sees it whole; a slot overwritten by another thread at the same time only costs the caller its
 * slower way.
 *
 * @param <B> what is kept for a value
 */
public final class IdentitySlots<B> {
    /** Slots (a power of two). */
    static final int SLOTS = 4096;

    private final Seen<?>[] seen = new Seen<?>[SLOTS];

    /** A value seen in a slot, and its bytes (null until kept). */
    public record Seen<B>(Object value, B bytes) {
    }

    /** What the slot of {@code value} holds for that very object, or null. */
    @SuppressWarnings("unchecked")
    public Seen<B> find(Object value) {
        Seen<?> last = seen[slot(value)];
        return last != null && last.value() == value ? (Seen<B>) last : null;
    }

    /** Holds {@code value} in its slot, with its bytes or null. */
    public void hold(Object value, B bytes) {
        seen[slot(value)] = new Seen<>(value, bytes);
    }

    /**
     * The bytes of {@code value}: made by {@code make} every time, and kept from the second time the very same object
     * is asked for, so a value seen once (a row's own text) costs a slot but is not kept.
     */
    public <V> B kept(V value, Function<? super V, B> make) {
        B bytes = keptFromSecond(value, make);
        return bytes != null ? bytes : make.apply(value);
    }

    /**
     * The bytes of {@code value} if the very same object was asked for before (made by {@code make} the second time,
     * then kept); null the first time, when the caller writes it its own way.
     */
    public <V> B keptFromSecond(V value, Function<? super V, B> make) {
        Seen<B> last = find(value);
        if (last == null) {
            hold(value, null);
            return null;
        }
        B bytes = last.bytes();
        if (bytes == null) {
            bytes = make.apply(value);
            hold(value, bytes);
        }
        return bytes;
    }

    private static int slot(Object value) {
        return System.identityHashCode(value) & (SLOTS - 1);
    }
}
