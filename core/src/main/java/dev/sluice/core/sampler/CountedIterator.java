package dev.sluice.core.sampler;

import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * The iterator every sampler here returns: it yields {@code indexAt(0)}, {@code indexAt(1)}, ... up to a
 * count fixed when it is made, and keeps the {@code hasNext}/{@code next} bookkeeping in one place.
 */
abstract class CountedIterator implements PrimitiveIterator.OfLong {
    private final long count;
    private long position;

    CountedIterator(long count) {
        this.count = count;
    }

    @Override
    public final boolean hasNext() {
        return position < count;
    }

    @Override
    public final long nextLong() {
        if (position >= count) {
            throw new NoSuchElementException("all " + count + " indices of this epoch have been read");
        }
        return indexAt(position++);
    }

    /** The index at {@code position}; called with 0, 1, 2, ... in order, each once. */
    abstract long indexAt(long position);
}
