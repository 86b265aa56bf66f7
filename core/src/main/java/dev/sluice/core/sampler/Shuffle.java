package dev.sluice.core.sampler;

import java.util.SplittableRandom;

/**
 * A random permutation of {@code [0, n)}, drawn lazily position by position, so that an iterator
 * pays for a swap per index it yields rather than for the whole shuffle up front.
 *
 * <p>Up to {@link #MAX_ARRAY_LENGTH} elements it is the forward Fisher–Yates shuffle (Durstenfeld's
 * form) over an {@code int[]}: position {@code i} swaps with a uniform position in {@code [i, n)},
 * which gives every one of the {@code n!} orders with equal probability. Above that, no array can
 * hold the order and a {@link FeistelPermutation} is used. Not thread-safe: one per iterator.
 */
final class Shuffle {
    /** The largest array the JVM reliably allocates. */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final long n;
    private final int[] order;
    private FeistelPermutation feistel;
    private SplittableRandom random;
    private int drawn;

    /** A shuffle of {@code [0, n)}; call {@link #restart} before reading it. */
    Shuffle(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        this.n = n;
        if (n <= MAX_ARRAY_LENGTH) {
            order = new int[(int) n];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        } else {
            order = null;
        }
    }

    /**
     * Starts a new permutation drawn from {@code random}. The array is not reset to the identity:
     * Fisher–Yates gives a uniform order from any starting arrangement, and the result is still a
     * pure function of the sequence of generators passed here.
     */
    void restart(SplittableRandom random) {
        this.random = random;
        drawn = 0;
        if (order == null) {
            feistel = new FeistelPermutation(n, random);
        }
    }

    /** The element at {@code position} of the current permutation, drawing the ones before it if needed. */
    long at(long position) {
        if (position < 0 || position >= n) {
            throw new IndexOutOfBoundsException("position must be in [0, " + n + "), was " + position);
        }
        if (order == null) {
            return feistel.at(position);
        }
        int[] values = order;
        while (drawn <= position) {
            int j = drawn + random.nextInt(values.length - drawn);
            int picked = values[j];
            values[j] = values[drawn];
            values[drawn] = picked;
            drawn++;
        }
        return values[(int) position];
    }
}
