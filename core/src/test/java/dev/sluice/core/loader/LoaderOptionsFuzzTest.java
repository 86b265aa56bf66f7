package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.junit.jupiter.api.Test;

/**
 * The loader's counts at their extremes (issue 15, items 6 and 14): {@code prefetch_factor *
 * num_workers} overflowed and an epoch delivered 7 of 10 samples; {@code num_workers: 100000}
 * started 32,394 threads. Every count is bounded up front, with the limit in the message, and
 * whatever is accepted delivers every sample exactly once.
 */
class LoaderOptionsFuzzTest {
    /** Names the option and gives the limit or the rule. */
    private static final Pattern EXPLAINED = Pattern.compile("^(num_workers|prefetch_factor|batch_size|timeout) "
            + "option|^batch_size should|^prefetch_factor option could only|^persistent_workers|^timeout option needs");

    @AfterProperty
    void noWorkerOutlivesAnExample() {
        Threads.assertNoWorkersWithin(5_000);
    }

    @Test
    void aPrefetchFactorThatWouldOverflowTheWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataLoader
                .builder(TestDatasets.range(10)).numWorkers(2).prefetchFactor(1_073_741_824).build());
        assertEquals("prefetch_factor option should be in [1, 1024], was 1073741824", e.getMessage());
    }

    @Test
    void tooManyWorkersAreRefusedBeforeAnyThreadStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataLoader
                .builder(TestDatasets.range(10)).numWorkers(100_000).build());
        assertEquals("num_workers option should be at most 1024 (the most worker threads a loader starts), was 100000",
                e.getMessage());
        assertEquals(List.of(), Threads.liveWorkers());
    }

    @Test
    void theLargestWindowStillDeliversEverySampleOnce() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.range(10)).numWorkers(2)
                .prefetchFactor(1024).batchSize(3).collate(TestDatasets.<Long>toList()).build()) {
            List<Long> samples = new ArrayList<>();
            loader.iterator().forEachRemaining(samples::addAll);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), samples);
        }
    }

    @Property(tries = 300)
    void anyCountsGiveEverySampleOnceOrAMessageNamingTheOption(@ForAll("counts") int batchSize,
            @ForAll("workers") int workers, @ForAll("prefetch") Integer prefetch, @ForAll("timeouts") double timeout) {
        DataLoaderBuilder<Long, List<Long>> builder = DataLoader.builder(TestDatasets.range(23)).batchSize(batchSize)
                .numWorkers(workers).timeout(timeout).collate(TestDatasets.<Long>toList());
        if (prefetch != null) {
            builder.prefetchFactor(prefetch);
        }
        DataLoader<Long, List<Long>> loader;
        try {
            loader = builder.build();
        } catch (IllegalArgumentException e) {
            assertTrue(EXPLAINED.matcher(e.getMessage()).find(), e.getMessage());
            return;
        }
        try (loader) {
            List<Long> samples = new ArrayList<>();
            loader.iterator().forEachRemaining(samples::addAll);
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < 23; i++) {
                expected.add(i);
            }
            assertEquals(expected, samples);
            assertEquals((23 + batchSize - 1) / batchSize, loader.size());
        }
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 30),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 20, (1 << 20) + 1, 1 << 30));
    }

    @Provide
    Arbitrary<Integer> workers() {
        // Up to 4 threads are started; larger counts must be refused before any is.
        return Arbitraries.oneOf(Arbitraries.integers().between(-1, 4),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 1025, 100_000, 32_768));
    }

    @Provide
    Arbitrary<Integer> prefetch() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.integers().between(-1, 4),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 1024, 1025, 1 << 30, 1_073_741_824));
    }

    @Provide
    Arbitrary<Double> timeouts() {
        return Arbitraries.of(0.0, 0.0, 0.0, 60.0, -1.0, -0.0, Double.NaN, Double.MAX_VALUE, Double.POSITIVE_INFINITY);
    }
}
