package dev.sluice.core.loader;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe set that compares its elements by identity and holds them weakly. Byte buffers
 * need both: their {@code equals} compares contents, and a buffer the caller never gives back must
 * still be collectable.
 */
final class IdentityWeakSet<T> {
    private final Set<Key<T>> keys = ConcurrentHashMap.newKeySet();
    private final ReferenceQueue<T> collected = new ReferenceQueue<>();

    void add(T element) {
        expunge();
        keys.add(new Key<>(element, collected));
    }

    /** Removes {@code element}; true if it was there. */
    boolean remove(T element) {
        expunge();
        return keys.remove(new Key<>(element, null));
    }

    private void expunge() {
        for (Object stale = collected.poll(); stale != null; stale = collected.poll()) {
            keys.remove(stale);
        }
    }

    private static final class Key<T> extends WeakReference<T> {
        private final int hash;

        Key(T referent, ReferenceQueue<T> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key<?> that) || hash != that.hash) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == that.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
