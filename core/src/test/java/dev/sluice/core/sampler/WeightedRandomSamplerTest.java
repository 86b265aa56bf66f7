package dev.sluice.core.sampler;

import static dev.sluice.core.sampler.Statistics.CHI_SQUARE_999_DF2;
import static dev.sluice.core.sampler.Statistics.CHI_SQUARE_999_DF4;
import static dev.sluice.core.sampler.Statistics.CHI_SQUARE_999_DF5;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Sampler;
import dev.sluice.api.contract.SamplerContract;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeightedRandomSamplerTest extends SamplerContract {

    @Override
    protected Sampler createSampler(long datasetSize) {
        return new WeightedRandomSampler(weights(datasetSize), 2 * datasetSize + 1, true, 42);
    }

    @Nested
    class WithoutReplacement extends SamplerContract {
        @Override
        protected Sampler createSampler(long datasetSize) {
            return new WeightedRandomSampler(weights(datasetSize), datasetSize, false, 42);
        }
    }

    private static double[] weights(long datasetSize) {
        double[] weights = new double[(int) datasetSize];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (i % 4) + 0.25;
        }
        return weights;
    }

    @Test
    void frequenciesFollowTheWeights() {
        double[] weights = {1, 2, 3, 4, 0, 10};
        int draws = 200_000;
        long[] counts = counts(read(new WeightedRandomSampler(weights, draws, true, 2024), 0), weights.length);
        assertEquals(0, counts[4], "index 4 has weight 0 but was drawn");
        long[] positive = {counts[0], counts[1], counts[2], counts[3], counts[5]};
        double[] expected = {draws / 20.0, 2 * draws / 20.0, 3 * draws / 20.0, 4 * draws / 20.0, 10 * draws / 20.0};
        double statistic = Statistics.chiSquare(positive, expected);
        assertTrue(statistic < CHI_SQUARE_999_DF4, "chi-square " + statistic + " for " + Arrays.toString(counts));
    }

    @Test
    void weightsNeedNotSumToOneAndMayBeHuge() {
        double[] weights = {1e308, 1e308, 0, 5e307};
        int draws = 50_000;
        long[] counts = counts(read(new WeightedRandomSampler(weights, draws, true, 9), 0), weights.length);
        assertEquals(0, counts[2], "index 2 has weight 0 but was drawn");
        long[] positive = {counts[0], counts[1], counts[3]};
        double[] expected = {draws * 0.4, draws * 0.4, draws * 0.2};
        double statistic = Statistics.chiSquare(positive, expected);
        assertTrue(statistic < CHI_SQUARE_999_DF2, "chi-square " + statistic + " for " + Arrays.toString(counts));
    }

    @Test
    void zeroWeightIndicesAreNeverDrawnWithoutReplacement() {
        double[] weights = {0, 1, 0, 0.001, 1000, 0};
        WeightedRandomSampler sampler = new WeightedRandomSampler(weights, 3, false, 5);
        for (long epoch = 0; epoch < 200; epoch++) {
            long[] indices = read(sampler, epoch);
            Arrays.sort(indices);
            assertArrayEquals(new long[] {1, 3, 4}, indices, "epoch " + epoch);
        }
    }

    @Test
    void withoutReplacementGivesDistinctIndices() {
        double[] weights = new double[100];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + i * i;
        }
        WeightedRandomSampler sampler = new WeightedRandomSampler(weights, 60, false, 5);
        for (long epoch = 0; epoch < 50; epoch++) {
            assertEquals(60, Arrays.stream(read(sampler, epoch)).distinct().count(), "epoch " + epoch);
        }
    }

    @Test
    void withoutReplacementEachDrawIsProportionalToTheRemainingWeights() {
        // torch.multinomial without replacement: P(i then j) = w_i / S * w_j / (S - w_i).
        double[] weights = {1, 2, 3};
        WeightedRandomSampler sampler = new WeightedRandomSampler(weights, 2, false, 77);
        int epochs = 30_000;
        long[] counts = new long[6];
        double[] expected = new double[6];
        int[][] pairs = {{0, 1}, {0, 2}, {1, 0}, {1, 2}, {2, 0}, {2, 1}};
        for (int p = 0; p < pairs.length; p++) {
            double first = weights[pairs[p][0]];
            expected[p] = epochs * first / 6 * weights[pairs[p][1]] / (6 - first);
        }
        for (long epoch = 0; epoch < epochs; epoch++) {
            long[] drawn = read(sampler, epoch);
            for (int p = 0; p < pairs.length; p++) {
                if (drawn[0] == pairs[p][0] && drawn[1] == pairs[p][1]) {
                    counts[p]++;
                }
            }
        }
        assertEquals(epochs, Arrays.stream(counts).sum(), "some epoch drew a pair outside " + Arrays.deepToString(pairs));
        double statistic = Statistics.chiSquare(counts, expected);
        assertTrue(statistic < CHI_SQUARE_999_DF5, "chi-square " + statistic + " for " + Arrays.toString(counts));
    }

    @Test
    void theSamplerKeepsItsOwnCopyOfTheWeights() {
        double[] weights = {1, 1, 1, 1};
        WeightedRandomSampler sampler = new WeightedRandomSampler(weights, 3, false, 1);
        long[] before = read(sampler, 0);
        Arrays.fill(weights, 0);
        assertArrayEquals(before, read(sampler, 0));
    }

    @Test
    void zeroNumSamplesIsRefusedWithPyTorchsMessage() {
        assertRefused("num_samples should be a positive integer value, but got num_samples=0",
                new double[] {1}, 0, true);
    }

    @Test
    void aNaNWeightIsRefusedNamingItsIndex() {
        assertRefused("weights[2] must be finite and >= 0, was NaN", new double[] {1, 2, Double.NaN}, 3, true);
    }

    @Test
    void aNegativeWeightIsRefusedNamingItsIndex() {
        assertRefused("weights[0] must be finite and >= 0, was -0.5", new double[] {-0.5, 2}, 3, true);
    }

    @Test
    void anInfiniteWeightIsRefusedNamingItsIndex() {
        assertRefused("weights[1] must be finite and >= 0, was Infinity",
                new double[] {1, Double.POSITIVE_INFINITY}, 3, true);
    }

    @Test
    void allZeroWeightsAreRefused() {
        assertRefused("weights must have at least one positive entry, but all 3 are 0", new double[] {0, 0, 0}, 2, true);
    }

    @Test
    void emptyWeightsAreRefused() {
        assertRefused("weights must not be empty", new double[0], 2, true);
    }

    @Test
    void moreSamplesThanWeightsWithoutReplacementAreRefusedAtConstruction() {
        assertRefused("num_samples=5 is more than the 4 weights: cannot sample n_sample > prob_dist.size(-1)"
                + " samples without replacement", new double[] {1, 1, 1, 1}, 5, false);
    }

    @Test
    void moreSamplesThanPositiveWeightsWithoutReplacementAreRefusedAtConstruction() {
        assertRefused("num_samples=3 is more than the 2 positive weights (of 4): without replacement, an index of"
                + " weight 0 is never drawn", new double[] {1, 0, 1, 0}, 3, false);
    }

    @Test
    void nullWeightsAreRefused() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new WeightedRandomSampler(null, 3, true, 1));
        assertEquals("weights", e.getMessage());
    }

    @Test
    void negativeEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightedRandomSampler(new double[] {1}, 1, true, 1).indices(-1));
        assertEquals("epoch must be >= 0, was -1", e.getMessage());
    }

    private static void assertRefused(String message, double[] weights, long numSamples, boolean replacement) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightedRandomSampler(weights, numSamples, replacement, 1));
        assertEquals(message, e.getMessage());
    }

    private static long[] counts(long[] indices, int n) {
        long[] counts = new long[n];
        for (long index : indices) {
            counts[(int) index]++;
        }
        return counts;
    }
}
