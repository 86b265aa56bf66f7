package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.Sampler;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

/**
 * The properties every {@link Sampler} must have, as an abstract JUnit 5 test. A sampler's test
 * class extends it and implements {@link #createSampler(long)}; the tests below then run against it,
 * next to the class's own tests.
 *
 * <pre>{@code
 * class EveryOtherSamplerTest extends SamplerContract {
 *     protected Sampler createSampler(long datasetSize) {
 *         return new EveryOtherSampler(datasetSize, 42);
 *     }
 * }
 * }</pre>
 *
 * <p>Checked for each size of {@link #datasetSizes()} and each epoch of {@link #epochs()}:
 * {@code size()} equals the number of indices yielded; every index is in {@code [0, datasetSize)};
 * the same epoch gives the same indices on every call and from every sampler built alike; iterators
 * are independent of each other; several threads reading one sampler at once see what one thread
 * sees; and the iterator keeps the {@code hasNext}/{@code next} contract, throwing
 * {@link NoSuchElementException} past its end. Whether different epochs differ is up to the
 * sampler, so it is not checked here.
 *
 * <p>The test-jar that ships this class does not bring JUnit: a plugin adds
 * {@code org.junit.jupiter:junit-jupiter} at test scope.
 */
public abstract class SamplerContract extends SamplingContract {
    /**
     * Builds the sampler under test for a dataset of {@code datasetSize} indices. Called many times;
     * calls with the same size must build samplers that behave alike (for a random sampler: the same
     * seed), since the contract checks that its output is a pure function of the epoch.
     *
     * @param datasetSize one of {@link #datasetSizes()}
     * @return a sampler whose indices are all in {@code [0, datasetSize)}
     */
    protected abstract Sampler createSampler(long datasetSize);

    /** {@code size()} is exactly the number of indices an epoch yields. */
    @Test
    public void sizeEqualsTheNumberOfIndicesYielded() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            for (long epoch : epochs()) {
                assertEquals(sampler.size(), read(sampler, epoch).length,
                        () -> sampler + ": indices(" + epoch + ") yields a different number of indices than size()");
            }
        }
    }

    /** Every index is in {@code [0, datasetSize)}. */
    @Test
    public void everyIndexIsInsideTheDataset() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            for (long epoch : epochs()) {
                long[] indices = read(sampler, epoch);
                for (int i = 0; i < indices.length; i++) {
                    if (indices[i] < 0 || indices[i] >= datasetSize) {
                        fail(sampler + ": index " + i + " of epoch " + epoch + " is " + indices[i]
                                + ", outside [0, " + datasetSize + ")");
                    }
                }
            }
        }
    }

    /** Reading one epoch twice gives the same indices in the same order. */
    @Test
    public void theSameEpochGivesTheSameIndicesTwice() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            for (long epoch : epochs()) {
                assertArrayEquals(read(sampler, epoch), read(sampler, epoch),
                        () -> sampler + ": two readings of epoch " + epoch + " differ");
            }
        }
    }

    /** Two samplers built alike give the same indices for the same epoch: nothing comes from a global source. */
    @Test
    public void samplersBuiltAlikeGiveTheSameIndices() {
        for (long datasetSize : datasetSizes()) {
            Sampler first = createSampler(datasetSize);
            Sampler second = createSampler(datasetSize);
            for (long epoch : epochs()) {
                assertArrayEquals(read(first, epoch), read(second, epoch),
                        () -> first + " and " + second + " differ in epoch " + epoch);
            }
        }
    }

    /** Two iterators of one epoch, advanced in turn, each yield the whole epoch: they share no state. */
    @Test
    public void iteratorsOfOneEpochAreIndependent() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            for (long epoch : epochs()) {
                long[] expected = read(sampler, epoch);
                PrimitiveIterator.OfLong first = sampler.indices(epoch);
                PrimitiveIterator.OfLong second = sampler.indices(epoch);
                long[] fromFirst = new long[expected.length];
                long[] fromSecond = new long[expected.length];
                for (int i = 0; i < expected.length; i++) {
                    fromFirst[i] = first.nextLong();
                    fromSecond[i] = second.nextLong();
                }
                assertFalse(first.hasNext() || second.hasNext(), () -> sampler + ": interleaved iterators run long");
                assertArrayEquals(expected, fromFirst, () -> sampler + ": the first of two interleaved iterators differs");
                assertArrayEquals(expected, fromSecond, () -> sampler + ": the second of two interleaved iterators differs");
            }
        }
    }

    /**
     * Several threads reading one sampler at the same time, over and over, each get what a single
     * thread gets.
     */
    @Test
    public void severalThreadsReadingAtOnceSeeWhatOneThreadSees() {
        long[] sizes = datasetSizes();
        Sampler sampler = createSampler(sizes[sizes.length - 1]);
        long[] epochs = epochs();
        long[][] expected = new long[epochs.length][];
        for (int e = 0; e < epochs.length; e++) {
            expected[e] = read(sampler, epochs[e]);
        }
        readAtOnce(sampler, epochs.length, "sluice-sampler-contract-reader-",
                (reader, e) -> assertArrayEquals(expected[e], read(sampler, epochs[e]),
                        sampler + ": reader thread " + reader + " saw another epoch " + epochs[e]));
    }

    /** {@code hasNext()} does not advance, and {@code nextLong()} past the end throws {@link NoSuchElementException}. */
    @Test
    public void iteratorKeepsTheHasNextNextContract() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            for (long epoch : epochs()) {
                long[] expected = read(sampler, epoch);
                PrimitiveIterator.OfLong iterator = sampler.indices(epoch);
                for (int i = 0; i < expected.length; i++) {
                    assertTrue(iterator.hasNext(), sampler + ": hasNext() is false before index " + i);
                    assertTrue(iterator.hasNext(), sampler + ": a second hasNext() is false before index " + i);
                    assertEquals(expected[i], iterator.nextLong(), sampler + ": index " + i + " differs");
                }
                assertFalse(iterator.hasNext(), sampler + ": hasNext() is true after the last index");
                assertThrows(NoSuchElementException.class, iterator::nextLong,
                        sampler + ": nextLong() past the end must throw NoSuchElementException");
                assertFalse(iterator.hasNext(), sampler + ": hasNext() is true after a failed nextLong()");
            }
        }
    }

    /** {@code nextLong()} works without {@code hasNext()} in between. */
    @Test
    public void nextWorksWithoutHasNext() {
        for (long datasetSize : datasetSizes()) {
            Sampler sampler = createSampler(datasetSize);
            long[] expected = read(sampler, 0);
            PrimitiveIterator.OfLong iterator = sampler.indices(0);
            long[] actual = new long[expected.length];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = iterator.nextLong();
            }
            assertArrayEquals(expected, actual, () -> sampler + ": nextLong() alone yields other indices");
            assertThrows(NoSuchElementException.class, iterator::nextLong,
                    sampler + ": nextLong() past the end must throw NoSuchElementException");
        }
    }

    /**
     * Every index of {@code epoch}, read with {@code hasNext()}/{@code nextLong()}. Fails rather than
     * running out of memory if the sampler yields far more than its {@code size()}.
     */
    protected static long[] read(Sampler sampler, long epoch) {
        long size = sampler.size();
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            fail(sampler + ": size() is " + size + ", which cannot be read into an array");
        }
        long[] indices = new long[(int) Math.min(size + 1, 16)];
        int count = 0;
        PrimitiveIterator.OfLong iterator = sampler.indices(epoch);
        while (iterator.hasNext()) {
            if (count > size) {
                fail(sampler + ": indices(" + epoch + ") yields more than size() = " + size);
            }
            if (count == indices.length) {
                indices = Arrays.copyOf(indices, (int) Math.min(size + 1, 2L * indices.length));
            }
            indices[count++] = iterator.nextLong();
        }
        return Arrays.copyOf(indices, count);
    }
}
