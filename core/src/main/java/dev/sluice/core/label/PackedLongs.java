package dev.sluice.core.label;

import java.util.Arrays;

/**
 * An append-only list of longs kept in an {@code int[]} while every value fits in an int (the usual
 * case for labels and for offsets below 2 GiB), widened once to a {@code long[]} when one does not.
 */
final class PackedLongs {
    /** The most elements a Java array can hold on common VMs. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;
    private static final int FIRST_CAPACITY = 16;

    private int[] ints = new int[FIRST_CAPACITY];
    private long[] longs;
    private int size;

    int size() {
        return size;
    }

    /** Whether values are held as longs. */
    boolean isWide() {
        return longs != null;
    }

    /** @throws IllegalStateException if the list already holds {@link #MAX_SIZE} values */
    void add(long value) {
        if (size == MAX_SIZE) {
            throw new IllegalStateException("cannot hold more than " + MAX_SIZE + " values");
        }
        if (longs == null && (int) value != value) {
            longs = new long[Math.max(FIRST_CAPACITY, ints.length)];
            for (int i = 0; i < size; i++) {
                longs[i] = ints[i];
            }
            ints = null;
        }
        if (longs == null) {
            if (size == ints.length) {
                ints = Arrays.copyOf(ints, grown(ints.length));
            }
            ints[size++] = (int) value;
        } else {
            if (size == longs.length) {
                longs = Arrays.copyOf(longs, grown(longs.length));
            }
            longs[size++] = value;
        }
    }

    long get(int index) {
        return longs == null ? ints[index] : longs[index];
    }

    /** Copies {@code count} values from {@code from} into {@code target} at {@code offset}. */
    void copyTo(int from, long[] target, int offset, int count) {
        if (longs != null) {
            System.arraycopy(longs, from, target, offset, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            target[offset + i] = ints[from + i];
        }
    }

    /** Releases unused capacity. */
    void trim() {
        if (longs != null && longs.length > size) {
            longs = Arrays.copyOf(longs, size);
        } else if (ints != null && ints.length > size) {
            ints = Arrays.copyOf(ints, size);
        }
    }

    private static int grown(int capacity) {
        return (int) Math.min(MAX_SIZE, Math.max(FIRST_CAPACITY, capacity + (long) (capacity >> 1)));
    }
}
