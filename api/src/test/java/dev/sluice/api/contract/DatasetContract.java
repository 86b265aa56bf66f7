package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every map-style {@link Dataset} must have for a loader to read it from many threads.
 *
 * <p>A dataset's test extends this class and builds a small dataset (a few to a few hundred
 * samples) in {@link #createDataset()}. Samples are compared with {@code equals} (arrays deeply), so
 * a sample type without value equality overrides {@link #sameSample(Object, Object)}.
 *
 * <pre>{@code
 * class SubsetTest extends DatasetContract {
 *     protected Dataset<?> createDataset() { return new Subset<>(numbers(10), new long[] {3, 1, 4}); }
 * }
 * }</pre>
 */
public abstract class DatasetContract {
    /** The most samples a contract test reads, so that large datasets stay quick to check. */
    private static final int MAX_READ = 200;

    /** A new dataset to check; called once per test. */
    protected abstract Dataset<?> createDataset();

    /** Whether two reads of one sample are the same sample; {@code deepEquals} by default. */
    protected boolean sameSample(Object first, Object second) {
        return java.util.Objects.deepEquals(first, second);
    }

    private static long readable(Dataset<?> dataset) {
        return Math.min(dataset.size(), MAX_READ);
    }

    @Test
    public final void sizeIsNonNegativeAndStable() {
        Dataset<?> dataset = createDataset();
        long size = dataset.size();
        assertTrue(size >= 0, "size() must be >= 0, was " + size);
        assertEquals(size, dataset.size(), "size() changed between two calls");
    }

    @Test
    public final void everyIndexInRangeGivesASample() {
        Dataset<?> dataset = createDataset();
        for (long i = 0; i < readable(dataset); i++) {
            assertNotNull(dataset.get(i), "get(" + i + ") returned null");
            assertNotNull(dataset.describe(i), "describe(" + i + ") returned null");
        }
    }

    @Test
    public final void indicesOutOfRangeAreRefused() {
        Dataset<?> dataset = createDataset();
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(-1), "get(-1)");
        if (!dataset.isEndless()) {
            assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(dataset.size()), "get(size())");
        }
    }

    @Test
    public final void theSameRandomSourceGivesTheSameSample() {
        Dataset<?> dataset = createDataset();
        for (long i = 0; i < readable(dataset); i++) {
            Object first = dataset.get(i, new SplittableRandom(i));
            Object second = dataset.get(i, new SplittableRandom(i));
            assertTrue(sameSample(first, second), "get(" + i + ", random) differs for equal random sources");
        }
    }

    @Test
    public final void concurrentReadsGiveTheSameSamplesAsOneThread() throws Exception {
        Dataset<?> dataset = createDataset();
        List<ConcurrentRuns.Task<Object>> reads = new ArrayList<>();
        for (long i = 0; i < readable(dataset); i++) {
            long index = i;
            reads.add(new ConcurrentRuns.Task<>("get(" + index + ")", () -> dataset.get(index, new SplittableRandom(index))));
        }
        ConcurrentRuns.assertSameResultsOnThreads(reads, this::sameSample);
    }
}
