package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.BatchSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The properties every {@link BatchSampler} must have, as an abstract JUnit 5 test. A batch
 * sampler's test class extends it and implements {@link #createBatchSampler(long)}; the tests below
 * then run against it, next to the class's own tests.
 *
 * <pre>{@code
 * class BucketBatchSamplerTest extends BatchSamplerContract {
 *     protected BatchSampler createBatchSampler(long datasetSize) {
 *         return new BucketBatchSampler(lengthsOf(datasetSize), 8, 42);
 *     }
 * }
 * }</pre>
 *
 * <p>Checked for each size of {@link #datasetSizes()} and each epoch of {@link #epochs()}:
 * {@code size()} equals the number of batches yielded; no batch is null or empty; every index is in
 * {@code [0, datasetSize)}; the same epoch gives the same batches on every call and from every batch
 * sampler built alike; every array is fresh (changing one changes nothing else); iterators are
 * independent of each other; several threads reading at once see what one thread sees; and the
 * iterator keeps the {@code hasNext}/{@code next} contract, throwing {@link NoSuchElementException}
 * past its end.
 *
 * <p>The test-jar that ships this class does not bring JUnit: a plugin adds
 * {@code org.junit.jupiter:junit-jupiter} at test scope.
 */
public abstract class BatchSamplerContract extends SamplingContract {
    /**
     * Builds the batch sampler under test for a dataset of {@code datasetSize} indices. Called many
     * times; calls with the same size must build batch samplers that behave alike (for a random one:
     * the same seed), since the contract checks that its output is a pure function of the epoch.
     *
     * @param datasetSize one of {@link #datasetSizes()}
     * @return a batch sampler whose indices are all in {@code [0, datasetSize)}
     */
    protected abstract BatchSampler createBatchSampler(long datasetSize);

    /** {@code size()} is exactly the number of batches an epoch yields. */
    @Test
    public void sizeEqualsTheNumberOfBatchesYielded() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                assertEquals(sampler.size(), read(sampler, epoch).size(),
                        () -> sampler + ": batches(" + epoch + ") yields a different number of batches than size()");
            }
        }
    }

    /** No batch is null or empty, and every index is in {@code [0, datasetSize)}. */
    @Test
    public void everyBatchHoldsIndicesInsideTheDataset() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                List<long[]> batches = read(sampler, epoch);
                for (int b = 0; b < batches.size(); b++) {
                    long[] batch = batches.get(b);
                    int number = b;
                    assertNotNull(batch, () -> sampler + ": batch " + number + " of epoch " + epoch + " is null");
                    assertTrue(batch.length > 0, () -> sampler + ": batch " + number + " of epoch " + epoch + " is empty");
                    for (long index : batch) {
                        if (index < 0 || index >= datasetSize) {
                            fail(sampler + ": batch " + b + " of epoch " + epoch + " holds " + index
                                    + ", outside [0, " + datasetSize + ")");
                        }
                    }
                }
            }
        }
    }

    /** Reading one epoch twice gives the same batches in the same order. */
    @Test
    public void theSameEpochGivesTheSameBatchesTwice() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                assertSameBatches(read(sampler, epoch), read(sampler, epoch), sampler + ": two readings of epoch " + epoch);
            }
        }
    }

    /** Two batch samplers built alike give the same batches for the same epoch. */
    @Test
    public void batchSamplersBuiltAlikeGiveTheSameBatches() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler first = createBatchSampler(datasetSize);
            BatchSampler second = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                assertSameBatches(read(first, epoch), read(second, epoch), first + " and " + second + " in epoch " + epoch);
            }
        }
    }

    /** Each array is the caller's: writing into the batches of one reading changes no other reading or batch. */
    @Test
    public void everyBatchIsAFreshArray() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                List<long[]> expected = read(sampler, epoch);
                List<long[]> scribbled = read(sampler, epoch);
                for (int b = 0; b < scribbled.size(); b++) {
                    assertNotSame(expected.get(b), scribbled.get(b), sampler + ": two readings share batch " + b);
                    Arrays.fill(scribbled.get(b), -1);
                }
                assertSameBatches(expected, read(sampler, epoch), sampler + ": after writing into batches of epoch " + epoch);
            }
        }
    }

    /** Two iterators of one epoch, advanced in turn, each yield the whole epoch: they share no state. */
    @Test
    public void iteratorsOfOneEpochAreIndependent() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                List<long[]> expected = read(sampler, epoch);
                Iterator<long[]> first = sampler.batches(epoch);
                Iterator<long[]> second = sampler.batches(epoch);
                List<long[]> fromFirst = new ArrayList<>();
                List<long[]> fromSecond = new ArrayList<>();
                for (int b = 0; b < expected.size(); b++) {
                    fromFirst.add(first.next());
                    fromSecond.add(second.next());
                }
                assertFalse(first.hasNext() || second.hasNext(), () -> sampler + ": interleaved iterators run long");
                assertSameBatches(expected, fromFirst, sampler + ": the first of two interleaved iterators");
                assertSameBatches(expected, fromSecond, sampler + ": the second of two interleaved iterators");
            }
        }
    }

    /**
     * Several threads reading one batch sampler at the same time, over and over, each get what a
     * single thread gets.
     */
    @Test
    public void severalThreadsReadingAtOnceSeeWhatOneThreadSees() {
        long[] sizes = datasetSizes();
        BatchSampler sampler = createBatchSampler(sizes[sizes.length - 1]);
        long[] epochs = epochs();
        List<List<long[]>> expected = new ArrayList<>();
        for (long epoch : epochs) {
            expected.add(read(sampler, epoch));
        }
        readAtOnce(sampler, epochs.length, "sluice-batch-sampler-contract-reader-",
                (reader, e) -> assertSameBatches(expected.get(e), read(sampler, epochs[e]),
                        sampler + ": reader thread " + reader + ", epoch " + epochs[e]));
    }

    /** {@code hasNext()} does not advance, and {@code next()} past the end throws {@link NoSuchElementException}. */
    @Test
    public void iteratorKeepsTheHasNextNextContract() {
        for (long datasetSize : datasetSizes()) {
            BatchSampler sampler = createBatchSampler(datasetSize);
            for (long epoch : epochs()) {
                List<long[]> expected = read(sampler, epoch);
                Iterator<long[]> iterator = sampler.batches(epoch);
                List<long[]> actual = new ArrayList<>();
                for (int b = 0; b < expected.size(); b++) {
                    assertTrue(iterator.hasNext(), sampler + ": hasNext() is false before batch " + b);
                    assertTrue(iterator.hasNext(), sampler + ": a second hasNext() is false before batch " + b);
                    actual.add(iterator.next());
                }
                assertSameBatches(expected, actual, sampler + ": batches read with hasNext() before each");
                assertFalse(iterator.hasNext(), sampler + ": hasNext() is true after the last batch");
                assertThrows(NoSuchElementException.class, iterator::next,
                        sampler + ": next() past the end must throw NoSuchElementException");
            }
        }
    }

    /**
     * Every batch of {@code epoch}, read with {@code hasNext()}/{@code next()}. Fails rather than
     * looping for ever if the batch sampler yields more than its {@code size()}.
     */
    protected static List<long[]> read(BatchSampler sampler, long epoch) {
        long size = sampler.size();
        List<long[]> batches = new ArrayList<>();
        Iterator<long[]> iterator = sampler.batches(epoch);
        while (iterator.hasNext()) {
            if (batches.size() > size) {
                fail(sampler + ": batches(" + epoch + ") yields more than size() = " + size);
            }
            batches.add(iterator.next());
        }
        return batches;
    }

    /** Fails, naming {@code what}, unless both lists hold equal arrays in the same order. */
    protected static void assertSameBatches(List<long[]> expected, List<long[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), () -> what + ": number of batches");
        for (int b = 0; b < expected.size(); b++) {
            int number = b;
            assertArrayEquals(expected.get(b), actual.get(b), () -> what + ": batch " + number);
        }
    }
}
