package dev.sluice.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import dev.sluice.api.contract.BatchSamplerContract;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChunkedBatchSamplerTest extends BatchSamplerContract {

    @Override
    protected BatchSampler createBatchSampler(long datasetSize) {
        return new ChunkedBatchSampler(RandomSampler.of(datasetSize, 42), 4, false);
    }

    @Nested
    class DropLast extends BatchSamplerContract {
        @Override
        protected BatchSampler createBatchSampler(long datasetSize) {
            return new ChunkedBatchSampler(new SequentialSampler(datasetSize), 3, true);
        }

        @Override
        protected long[] datasetSizes() {
            return new long[] {0, 1, 2, 3, 10, 97};
        }
    }

    @Test
    void tenSamplesAtSevenGiveBatchesOfSevenAndThree() {
        List<long[]> batches = read(new ChunkedBatchSampler(new SequentialSampler(10), 7, false), 0);
        assertSameBatches(List.of(new long[] {0, 1, 2, 3, 4, 5, 6}, new long[] {7, 8, 9}), batches, "10 at 7");
    }

    @Test
    void dropLastDropsTheShortFinalBatch() {
        List<long[]> batches = read(new ChunkedBatchSampler(new SequentialSampler(10), 7, true), 0);
        assertSameBatches(List.of(new long[] {0, 1, 2, 3, 4, 5, 6}), batches, "10 at 7, dropLast");
    }

    @Test
    void batchesAreConsecutiveRunsOfTheSamplersIndices() {
        List<long[]> batches = read(new ChunkedBatchSampler(new SequentialSampler(10), 3, false), 0);
        assertSameBatches(List.of(new long[] {0, 1, 2}, new long[] {3, 4, 5}, new long[] {6, 7, 8}, new long[] {9}),
                batches, "10 at 3");
    }

    @Test
    void batchCountsMatchPyTorch() {
        assertBatchCount(4, new SequentialSampler(10), 3, false);
        assertBatchCount(3, new SequentialSampler(10), 3, true);
        assertBatchCount(3, new SequentialSampler(9), 3, true);
        assertBatchCount(3, RandomSampler.withReplacement(10, 7, 1), 3, false);
        double[] weights = {0.1, 0.9, 0.4, 0.7, 3.0, 0.6};
        assertBatchCount(7, new WeightedRandomSampler(weights, 25, true, 1), 4, false);
    }

    @Test
    void aBatchSizeLargerThanTheEpochGivesOneShortBatchWithoutAllocatingTheBatchSize() {
        List<long[]> batches = read(new ChunkedBatchSampler(new SequentialSampler(3), Integer.MAX_VALUE, false), 0);
        assertSameBatches(List.of(new long[] {0, 1, 2}), batches, "3 at Integer.MAX_VALUE");
    }

    @Test
    void theEpochReachesTheSampler() {
        RandomSampler sampler = RandomSampler.of(20, 5);
        ChunkedBatchSampler batches = new ChunkedBatchSampler(sampler, 20, false);
        assertArrayEquals(readAll(sampler, 3), batches.batches(3).next());
        assertArrayEquals(readAll(sampler, 4), batches.batches(4).next());
    }

    @Test
    void aZeroBatchSizeIsRefusedWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChunkedBatchSampler(new SequentialSampler(10), 0, false));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0", e.getMessage());
    }

    @Test
    void aNegativeBatchSizeIsRefusedWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChunkedBatchSampler(new SequentialSampler(10), -2, false));
        assertEquals("batch_size should be a positive integer value, but got batch_size=-2", e.getMessage());
    }

    @Test
    void aNullSamplerIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new ChunkedBatchSampler(null, 2, false));
        assertEquals("sampler", e.getMessage());
    }

    @Test
    void aSamplerThatYieldsLessThanItsSizeIsReported() {
        Sampler shortOne = new Sampler() {
            @Override
            public PrimitiveIterator.OfLong indices(long epoch) {
                return LongStream.range(0, 5).iterator();
            }

            @Override
            public long size() {
                return 8;
            }

            @Override
            public String toString() {
                return "ShortSampler";
            }
        };
        Iterator<long[]> batches = new ChunkedBatchSampler(shortOne, 3, false).batches(0);
        batches.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, batches::next);
        assertEquals("ShortSampler yielded 5 indices, but its size() is 8", e.getMessage());
    }

    @Test
    void negativeEpochIsRefusedByTheSampler() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChunkedBatchSampler(new SequentialSampler(10), 2, false).batches(-1));
        assertEquals("epoch must be >= 0, was -1", e.getMessage());
    }

    @Property(tries = 300)
    void batchesConcatenateToTheSamplersIndices(
            @ForAll @IntRange(min = 1, max = 300) int datasetSize,
            @ForAll @IntRange(min = 1, max = 40) int batchSize,
            @ForAll boolean dropLast,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1000) int epoch) {
        RandomSampler sampler = RandomSampler.of(datasetSize, seed);
        ChunkedBatchSampler batchSampler = new ChunkedBatchSampler(sampler, batchSize, dropLast);
        List<long[]> batches = read(batchSampler, epoch);
        long[] indices = readAll(sampler, epoch);

        long expectedCount = dropLast ? datasetSize / batchSize : (datasetSize + batchSize - 1) / batchSize;
        assertEquals(expectedCount, batchSampler.size());
        assertEquals(expectedCount, batches.size());
        int position = 0;
        for (int b = 0; b < batches.size(); b++) {
            long[] batch = batches.get(b);
            int expectedLength = b < batches.size() - 1 || datasetSize % batchSize == 0 || dropLast
                    ? batchSize : datasetSize % batchSize;
            assertEquals(expectedLength, batch.length, "length of batch " + b);
            for (long index : batch) {
                assertEquals(indices[position], index, "position " + position);
                position++;
            }
        }
        assertEquals(dropLast ? datasetSize - datasetSize % batchSize : datasetSize, position);
    }

    private static void assertBatchCount(long expected, Sampler sampler, int batchSize, boolean dropLast) {
        ChunkedBatchSampler batches = new ChunkedBatchSampler(sampler, batchSize, dropLast);
        assertEquals(expected, batches.size(), batches + ": size()");
        assertEquals(expected, read(batches, 0).size(), batches + ": batches read");
    }

    private static long[] readAll(Sampler sampler, long epoch) {
        long[] indices = new long[(int) sampler.size()];
        PrimitiveIterator.OfLong iterator = sampler.indices(epoch);
        for (int i = 0; i < indices.length; i++) {
            indices[i] = iterator.nextLong();
        }
        return indices;
    }
}
