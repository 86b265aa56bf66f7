package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeistelPermutationTest {

    @Test
    void isAPermutationForEverySizeUpToAThousand() {
        for (int n = 1; n <= 1000; n++) {
            FeistelPermutation permutation = new FeistelPermutation(n, new SplittableRandom(n));
            BitSet seen = new BitSet(n);
            for (int position = 0; position < n; position++) {
                long value = permutation.at(position);
                assertTrue(value >= 0 && value < n, "n=" + n + ": position " + position + " gives " + value);
                assertFalse(seen.get((int) value), "n=" + n + ": " + value + " comes twice");
                seen.set((int) value);
            }
        }
    }

    @Test
    void isAPermutationAtPowersOfTwoAndTheirNeighbours() {
        for (int n : new int[] {4095, 4096, 4097, 65_536, 65_537}) {
            FeistelPermutation permutation = new FeistelPermutation(n, new SplittableRandom(3));
            BitSet seen = new BitSet(n);
            for (int position = 0; position < n; position++) {
                seen.set((int) permutation.at(position));
            }
            assertEquals(n, seen.cardinality(), "n=" + n);
        }
    }

    @Test
    void differentKeysGiveDifferentOrders() {
        long[] first = new long[100];
        long[] second = new long[100];
        FeistelPermutation a = new FeistelPermutation(100, new SplittableRandom(1));
        FeistelPermutation b = new FeistelPermutation(100, new SplittableRandom(2));
        for (int i = 0; i < 100; i++) {
            first[i] = a.at(i);
            second[i] = b.at(i);
        }
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void worksBeyondTheRangeOfAnArray() {
        long n = 5_000_000_000L;
        FeistelPermutation permutation = new FeistelPermutation(n, new SplittableRandom(8));
        Set<Long> seen = new HashSet<>();
        long above = 0;
        for (long position = 0; position < 10_000; position++) {
            long value = permutation.at(position);
            assertTrue(value >= 0 && value < n, "position " + position + " gives " + value);
            assertTrue(seen.add(value), value + " comes twice");
            above += value > Integer.MAX_VALUE ? 1 : 0;
        }
        assertTrue(above > 5000, "only " + above + " of 10000 values are above Integer.MAX_VALUE: not spread over the range");
    }

    @Test
    void worksAtTheLargestLongRange() {
        FeistelPermutation permutation = new FeistelPermutation(Long.MAX_VALUE, new SplittableRandom(8));
        long value = permutation.at(Long.MAX_VALUE - 1);
        assertTrue(value >= 0, "gave " + value);
    }

    @Test
    void aPositionOutsideTheRangeIsRefused() {
        FeistelPermutation permutation = new FeistelPermutation(10, new SplittableRandom(1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> permutation.at(10));
        assertEquals("position must be in [0, 10), was 10", e.getMessage());
    }
}
