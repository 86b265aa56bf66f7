package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Sampler;
import dev.sluice.api.contract.SamplerContract;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

class DistributedSamplerTest extends SamplerContract {

    @Override
    protected Sampler createSampler(long datasetSize) {
        return new DistributedSampler(datasetSize, 3, 1, true, 42, false);
    }

    @Override
    protected long[] datasetSizes() {
        return new long[] {0, 1, 2, 3, 10, 97};
    }

    @Nested
    class InOrderWithDropLast extends SamplerContract {
        @Override
        protected Sampler createSampler(long datasetSize) {
            return new DistributedSampler(datasetSize, 4, 3, false, 42, true);
        }
    }

    @Test
    void tenIndicesOverThreeReplicasMatchPyTorch() {
        assertArrayEquals(new long[][] {{0, 3, 6, 9}, {1, 4, 7, 0}, {2, 5, 8, 1}}, allRanks(10, 3, false, false, 0));
    }

    @Test
    void tenIndicesOverThreeReplicasWithDropLastMatchPyTorch() {
        assertArrayEquals(new long[][] {{0, 3, 6}, {1, 4, 7}, {2, 5, 8}}, allRanks(10, 3, false, true, 0));
    }

    @Test
    void elevenIndicesOverFourReplicasMatchPyTorch() {
        assertArrayEquals(new long[][] {{0, 4, 8}, {1, 5, 9}, {2, 6, 10}, {3, 7, 0}}, allRanks(11, 4, false, false, 0));
    }

    @Test
    void elevenIndicesOverFourReplicasWithDropLastMatchPyTorch() {
        assertEquals(2, new DistributedSampler(11, 4, 0, false, 0, true).size());
        assertArrayEquals(new long[][] {{0, 4}, {1, 5}, {2, 6}, {3, 7}}, allRanks(11, 4, false, true, 0));
    }

    @Test
    void twoIndicesOverFiveReplicasRepeatTheWholeListAsPadding() {
        assertArrayEquals(new long[][] {{0}, {1}, {0}, {1}, {0}}, allRanks(2, 5, false, false, 0));
    }

    @Test
    void fewerIndicesThanReplicasWithDropLastGiveNothing() {
        assertArrayEquals(new long[][] {{}, {}, {}, {}, {}}, allRanks(2, 5, false, true, 0));
    }

    @Test
    void shuffledRanksTogetherCoverEveryIndexWithEqualCounts() {
        long[][] ranks = allRanks(103, 4, true, false, 42);
        int[] seen = new int[103];
        for (long[] rank : ranks) {
            assertEquals(26, rank.length);
            for (long index : rank) {
                seen[(int) index]++;
            }
        }
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i] >= 1, "index " + i + " is read by no rank");
        }
        assertEquals(104, Arrays.stream(seen).sum());
    }

    @Test
    void shuffledRanksShareOnePermutationWhenTheDatasetDividesEvenly() {
        long[][] ranks = allRanks(120, 4, true, false, 42);
        long[] all = Arrays.stream(ranks).flatMapToLong(Arrays::stream).sorted().toArray();
        RandomSamplerTest.assertIsPermutation(all, 120);
    }

    @Test
    void theShuffledOrderChangesWithTheEpoch() {
        DistributedSampler sampler = new DistributedSampler(100, 2, 0, true, 42, false);
        assertFalse(Arrays.equals(read(sampler, 0), read(sampler, 1)));
    }

    @Test
    void theShuffledOrderIsTheSameForTheSameSeedAndEpoch() {
        long[][] first = allRanks(57, 3, true, false, 9, 4);
        long[][] second = allRanks(57, 3, true, false, 9, 4);
        assertArrayEquals(first, second);
        assertFalse(Arrays.deepEquals(first, allRanks(57, 3, true, false, 10, 4)), "another seed gives the same order");
    }

    @Test
    void withoutShuffleEveryEpochIsTheSame() {
        DistributedSampler sampler = new DistributedSampler(10, 3, 2, false, 42, false);
        assertArrayEquals(read(sampler, 0), read(sampler, 5));
    }

    @Test
    void aRankOutsideTheReplicasIsRefusedWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DistributedSampler(10, 3, 3, true, 0, false));
        assertEquals("Invalid rank 3, rank should be in the interval [0, 2]", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new DistributedSampler(10, 3, -1, true, 0, false));
        assertEquals("Invalid rank -1, rank should be in the interval [0, 2]", negative.getMessage());
    }

    @Test
    void zeroReplicasAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DistributedSampler(10, 0, 0, true, 0, false));
        assertEquals("numReplicas must be >= 1, was 0", e.getMessage());
    }

    @Test
    void aNegativeDatasetSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DistributedSampler(-5, 2, 0, true, 0, false));
        assertEquals("datasetSize must be >= 0, was -5", e.getMessage());
    }

    @Test
    void negativeEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DistributedSampler(10, 2, 0, true, 0, false).indices(-1));
        assertEquals("epoch must be >= 0, was -1", e.getMessage());
    }

    @Test
    void fromEnvironmentReadsRankAndWorldSize() {
        DistributedSampler sampler = DistributedSampler.fromEnvironment(
                Map.of("RANK", "1", "WORLD_SIZE", "4", "LOCAL_RANK", "1"), 10, false, 7, true);
        assertEquals(1, sampler.rank());
        assertEquals(4, sampler.numReplicas());
        assertEquals(7, sampler.seed());
        assertTrue(sampler.dropLast());
        assertFalse(sampler.shuffle());
        assertArrayEquals(new long[] {1, 5}, read(sampler, 0));
    }

    @Test
    void fromEnvironmentNamesAMissingVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(Map.of("WORLD_SIZE", "4"), 10, true, 0, false));
        assertEquals("RANK is not set; DistributedSampler.fromEnvironment reads RANK and WORLD_SIZE, which torchrun"
                + " sets for each process it starts", e.getMessage());
    }

    @Test
    void fromEnvironmentNamesBothVariablesWhenNeitherIsSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(Map.of(), 10, true, 0, false));
        assertEquals("RANK and WORLD_SIZE are not set; DistributedSampler.fromEnvironment reads RANK and WORLD_SIZE,"
                + " which torchrun sets for each process it starts", e.getMessage());
    }

    @Test
    void fromEnvironmentNamesAVariableThatIsNotAnInteger() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(Map.of("RANK", "0", "WORLD_SIZE", "four"), 10, true, 0, false));
        assertEquals("WORLD_SIZE must be an integer, was 'four'", e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }

    @Test
    void fromEnvironmentRefusesAZeroWorldSize() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(Map.of("RANK", "0", "WORLD_SIZE", "0"), 10, true, 0, false));
        assertEquals("WORLD_SIZE must be >= 1, was '0'", e.getMessage());
    }

    @Test
    void fromEnvironmentRefusesARankOutsideTheWorld() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(Map.of("RANK", "4", "WORLD_SIZE", "4"), 10, true, 0, false));
        assertEquals("Invalid rank 4, rank should be in the interval [0, 3] (RANK=4, WORLD_SIZE=4 in the environment)",
                e.getMessage());
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "RANK", matches = ".*")
    void fromTheProcessEnvironmentWithoutTorchrunItSaysWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DistributedSampler.fromEnvironment(10, true, 0, false));
        assertTrue(e.getMessage().contains("RANK") && e.getMessage().contains("not set"), e.getMessage());
    }

    @Property(tries = 300)
    void ranksHaveEqualCountsAndTogetherCoverTheDataset(
            @ForAll @IntRange(min = 0, max = 400) int datasetSize,
            @ForAll @IntRange(min = 1, max = 24) int numReplicas,
            @ForAll boolean shuffle,
            @ForAll boolean dropLast,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1000) int epoch) {
        long[][] ranks = allRanks(datasetSize, numReplicas, shuffle, dropLast, seed, epoch);
        long perRank = dropLast ? datasetSize / numReplicas : (datasetSize + numReplicas - 1) / numReplicas;
        int[] seen = new int[datasetSize];
        for (long[] rank : ranks) {
            assertEquals(perRank, rank.length);
            for (long index : rank) {
                seen[(int) index]++;
            }
        }
        long maxRepeats = datasetSize == 0 ? 0 : (perRank * numReplicas + datasetSize - 1) / datasetSize;
        int distinct = 0;
        for (int i = 0; i < datasetSize; i++) {
            if (!dropLast) {
                assertTrue(seen[i] >= 1, "index " + i + " is read by no rank");
            }
            assertTrue(seen[i] <= Math.max(1, maxRepeats), "index " + i + " is read " + seen[i] + " times");
            distinct += seen[i] > 0 ? 1 : 0;
        }
        assertEquals(Math.min(datasetSize, perRank * numReplicas), distinct);
    }

    private static long[][] allRanks(long datasetSize, int numReplicas, boolean shuffle, boolean dropLast, long seed) {
        return allRanks(datasetSize, numReplicas, shuffle, dropLast, seed, 0);
    }

    private static long[][] allRanks(long datasetSize, int numReplicas, boolean shuffle, boolean dropLast, long seed,
            long epoch) {
        long[][] ranks = new long[numReplicas][];
        for (int rank = 0; rank < numReplicas; rank++) {
            ranks[rank] = read(new DistributedSampler(datasetSize, numReplicas, rank, shuffle, seed, dropLast), epoch);
        }
        return ranks;
    }
}
