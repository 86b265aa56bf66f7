package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {

    @Test
    void readingPositionsOutOfOrderGivesTheSamePermutationAsReadingThemInOrder() {
        Shuffle inOrder = new Shuffle(50);
        inOrder.restart(new SplittableRandom(4));
        long[] expected = new long[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = inOrder.at(i);
        }
        Shuffle jumping = new Shuffle(50);
        jumping.restart(new SplittableRandom(4));
        long[] actual = new long[50];
        for (int i = 49; i >= 0; i -= 3) {
            actual[i] = jumping.at(i);
        }
        for (int i = 0; i < 50; i++) {
            actual[i] = jumping.at(i);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void everyRestartIsAPermutation() {
        Shuffle shuffle = new Shuffle(300);
        SplittableRandom random = new SplittableRandom(9);
        for (int pass = 0; pass < 5; pass++) {
            shuffle.restart(random.split());
            long[] values = new long[300];
            for (int i = 0; i < 300; i++) {
                values[i] = shuffle.at(i);
            }
            RandomSamplerTest.assertIsPermutation(values, 300);
        }
    }

    @Test
    void beyondTheArrayLimitItShufflesWithoutAnArray() {
        Shuffle shuffle = new Shuffle(3_000_000_000L);
        shuffle.restart(new SplittableRandom(2));
        Set<Long> seen = new HashSet<>();
        for (long position = 0; position < 1000; position++) {
            long value = shuffle.at(position);
            assertTrue(value >= 0 && value < 3_000_000_000L, "position " + position + " gives " + value);
            assertTrue(seen.add(value), value + " comes twice");
        }
    }

    @Test
    void aPositionOutsideTheRangeIsRefused() {
        Shuffle shuffle = new Shuffle(4);
        shuffle.restart(new SplittableRandom(1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> shuffle.at(4));
        assertEquals("position must be in [0, 4), was 4", e.getMessage());
    }
}
