package dev.sluice.core.sampler;

import java.util.SplittableRandom;

/**
 * A keyed pseudo-random permutation of {@code [0, n)} with random access and constant memory, for
 * index ranges too large for an array. A balanced Feistel network permutes the smallest even-bit
 * domain that holds {@code n}; values that land outside {@code [0, n)} are encrypted again ("cycle
 * walking", Black and Rogaway, CT-RSA 2002), which keeps it a bijection. Since the domain is less
 * than {@code 4n}, fewer than four rounds of walking are needed on average.
 *
 * <p>Unlike a Fisher–Yates shuffle it does not draw uniformly from all {@code n!} orders, only from
 * those its round keys reach; for ordering training data that is indistinguishable in practice.
 * Immutable and thread-safe.
 */
final class FeistelPermutation {
    private static final int ROUNDS = 6;

    private final long n;
    private final int halfBits;
    private final long halfMask;
    private final long[] roundKeys = new long[ROUNDS];

    FeistelPermutation(long n, SplittableRandom random) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        bits += bits & 1;
        halfBits = bits / 2;
        halfMask = (1L << halfBits) - 1;
        for (int round = 0; round < ROUNDS; round++) {
            roundKeys[round] = random.nextLong();
        }
        this.n = n;
    }

    /** The element at {@code position}, in {@code [0, n)}. */
    long at(long position) {
        if (position < 0 || position >= n) {
            throw new IndexOutOfBoundsException("position must be in [0, " + n + "), was " + position);
        }
        long value = position;
        do {
            value = encrypt(value);
        } while (Long.compareUnsigned(value, n) >= 0);
        return value;
    }

    private long encrypt(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (long key : roundKeys) {
            long mixed = left ^ (scramble(right ^ key) & halfMask);
            left = right;
            right = mixed;
        }
        return (left << halfBits) | right;
    }

    // MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
    private static long scramble(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
