package dev.sluice.core.sampler;

import static dev.sluice.core.sampler.Statistics.CHI_SQUARE_999_DF5;
import static dev.sluice.core.sampler.Statistics.CHI_SQUARE_999_DF9;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Sampler;
import dev.sluice.api.contract.SamplerContract;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RandomSamplerTest extends SamplerContract {

    @Override
    protected Sampler createSampler(long datasetSize) {
        return RandomSampler.of(datasetSize, 42);
    }

    @Nested
    class WithReplacement extends SamplerContract {
        @Override
        protected Sampler createSampler(long datasetSize) {
            return RandomSampler.withReplacement(datasetSize, 2 * datasetSize + 1, 42);
        }
    }

    @Nested
    class MoreSamplesThanIndices extends SamplerContract {
        @Override
        protected Sampler createSampler(long datasetSize) {
            return RandomSampler.withoutReplacement(datasetSize, 3 * datasetSize + 2, 42);
        }
    }

    @Test
    void everyEpochIsAPermutation() {
        RandomSampler sampler = RandomSampler.of(1000, 7);
        for (long epoch = 0; epoch < 5; epoch++) {
            assertIsPermutation(read(sampler, epoch), 1000);
        }
    }

    @Test
    void differentEpochsGiveDifferentOrders() {
        RandomSampler sampler = RandomSampler.of(100, 7);
        assertFalse(Arrays.equals(read(sampler, 0), read(sampler, 1)));
        assertFalse(Arrays.equals(read(sampler, 1), read(sampler, 2)));
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(read(RandomSampler.of(100, 7), 3), read(RandomSampler.of(100, 8), 3)));
    }

    @Test
    void twentyFiveOfTenVisitEveryIndexTwiceOrThreeTimes() {
        long[] indices = read(RandomSampler.withoutReplacement(10, 25, 3), 0);
        assertEquals(25, indices.length);
        int[] counts = new int[10];
        for (long index : indices) {
            counts[(int) index]++;
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(counts[i] == 2 || counts[i] == 3, "index " + i + " came " + counts[i] + " times");
        }
        assertIsPermutation(Arrays.copyOfRange(indices, 0, 10), 10);
        assertIsPermutation(Arrays.copyOfRange(indices, 10, 20), 10);
        assertEquals(5, Arrays.stream(indices, 20, 25).distinct().count(), "the head of the third pass repeats an index");
    }

    @Test
    void everyPassIsDrawnAfresh() {
        long[] indices = read(RandomSampler.withoutReplacement(50, 150, 3), 0);
        long[] first = Arrays.copyOfRange(indices, 0, 50);
        long[] second = Arrays.copyOfRange(indices, 50, 100);
        long[] third = Arrays.copyOfRange(indices, 100, 150);
        assertFalse(Arrays.equals(first, second));
        assertFalse(Arrays.equals(second, third));
        assertFalse(Arrays.equals(first, third));
    }

    @Test
    void allSixOrdersOfThreeAreEquallyLikely() {
        RandomSampler sampler = RandomSampler.of(3, 11);
        Map<String, Integer> slots = new HashMap<>();
        long[] counts = new long[6];
        int epochs = 12_000;
        for (long epoch = 0; epoch < epochs; epoch++) {
            String order = Arrays.toString(read(sampler, epoch));
            int slot = slots.computeIfAbsent(order, key -> slots.size());
            counts[slot]++;
        }
        assertEquals(6, slots.size(), "orders seen: " + slots.keySet());
        double[] expected = new double[6];
        Arrays.fill(expected, epochs / 6.0);
        double statistic = Statistics.chiSquare(counts, expected);
        assertTrue(statistic < CHI_SQUARE_999_DF5, "chi-square " + statistic + " for " + slots + " " + Arrays.toString(counts));
    }

    @Test
    void withReplacementDrawsEveryIndexUniformly() {
        long[] indices = read(RandomSampler.withReplacement(10, 100_000, 5), 0);
        long[] counts = new long[10];
        for (long index : indices) {
            counts[(int) index]++;
        }
        double[] expected = new double[10];
        Arrays.fill(expected, 10_000);
        double statistic = Statistics.chiSquare(counts, expected);
        assertTrue(statistic < CHI_SQUARE_999_DF9, "chi-square " + statistic + " for " + Arrays.toString(counts));
    }

    @Test
    void withReplacementRepeatsIndicesWithinAnEpoch() {
        long[] indices = read(RandomSampler.withReplacement(100, 100, 5), 0);
        assertTrue(Arrays.stream(indices).distinct().count() < 100, "100 draws of 100 indices had no repeat");
    }

    @Test
    void sizeIsNumSamplesAndDatasetSizeIsKept() {
        RandomSampler sampler = RandomSampler.withReplacement(10, 7, 1);
        assertEquals(7, sampler.size());
        assertEquals(10, sampler.datasetSize());
        assertTrue(sampler.replacement());
        assertEquals(1, sampler.seed());
    }

    @Test
    void zeroNumSamplesIsRefusedWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomSampler.withReplacement(10, 0, 1));
        assertEquals("num_samples should be a positive integer value, but got num_samples=0", e.getMessage());
    }

    @Test
    void anEmptyDatasetIsRefusedAsPyTorchDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RandomSampler.of(0, 1));
        assertEquals("num_samples should be a positive integer value, but got num_samples=0", e.getMessage());
    }

    @Test
    void samplesFromAnEmptyDatasetAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomSampler.withoutReplacement(0, 5, 1));
        assertEquals("size must be > 0 to draw num_samples=5 indices from it, was 0", e.getMessage());
    }

    @Test
    void negativeEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomSampler.of(3, 1).indices(-2));
        assertEquals("epoch must be >= 0, was -2", e.getMessage());
    }

    static void assertIsPermutation(long[] indices, int n) {
        long[] sorted = indices.clone();
        Arrays.sort(sorted);
        long[] identity = new long[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        assertArrayEquals(identity, sorted, "not a permutation of [0, " + n + ")");
    }
}
