package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.flatten;
import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import dev.sluice.core.dataset.SampleLoadException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Injected faults, each with its documented outcome, no hang (bounded here), no thread left behind,
 * and the loader usable afterwards.
 */
class DataLoaderFaultsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<Long> ALL_TWELVE = LongStream.range(0, 12).boxed().collect(Collectors.toList());

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    private static DataLoader<Long, List<Long>> loader(Dataset<Long> dataset, int workers) {
        return DataLoader.builder(dataset).batchSize(3).numWorkers(workers).collate(TestDatasets.<Long>toList()).build();
    }

    /** Sample 4 fails the first time it is read and works afterwards, as a flaky network file would. */
    private static Dataset<Long> failingOnce() {
        Set<Long> failed = ConcurrentHashMap.newKeySet();
        Dataset<Long> base = range(12);
        return new Dataset<>() {
            @Override
            public Long get(long index) {
                if (index == 4 && failed.add(index)) {
                    throw new IllegalStateException("connection reset while reading sample 4");
                }
                return base.get(index);
            }

            @Override
            public long size() {
                return 12;
            }
        };
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void aSampleThatFailsOnceFailsItsBatchThenLoadsInTheNextEpoch(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = loader(failingOnce(), workers)) {
                BatchIterator<List<Long>> epoch0 = loader.iterator();
                assertEquals(List.of(0L, 1L, 2L), epoch0.next());
                SampleLoadException e = assertThrows(SampleLoadException.class, epoch0::next);
                assertEquals(4, e.index());
                assertEquals(List.of(6L, 7L, 8L), epoch0.next());
                assertEquals(List.of(9L, 10L, 11L), epoch0.next());
                assertEquals(ALL_TWELVE, flatten(loader), "the next epoch reads it");
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {1, 3})
    void aSlowSampleTimesOutAndTheCallerMayWaitOnForIt(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(
                    TestDatasets.sleeping(12, index -> index == 4, 600)).batchSize(3).numWorkers(workers).timeout(0.1)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L, 2L), batches.next());
                assertThrows(LoaderTimeoutException.class, batches::next);
                List<Long> late = null;
                while (late == null) {
                    try {
                        late = batches.next();
                    } catch (LoaderTimeoutException stillWaiting) {
                        // The documented choice: call next() again to go on waiting.
                    }
                }
                assertEquals(List.of(3L, 4L, 5L), late, "the late batch arrives in its place");
                assertEquals(List.of(6L, 7L, 8L), batches.next());
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void anErrorInADecoderFailsItsBatchAndTheLoaderRecovers(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            AtomicBoolean exhausted = new AtomicBoolean(true);
            Dataset<Long> base = range(12);
            Dataset<Long> decoding = new Dataset<>() {
                @Override
                public Long get(long index) {
                    if (index == 7 && exhausted.getAndSet(false)) {
                        throw new OutOfMemoryError("Direct buffer memory (simulated in a decoder)");
                    }
                    return base.get(index);
                }

                @Override
                public long size() {
                    return 12;
                }
            };
            try (DataLoader<Long, List<Long>> loader = loader(decoding, workers)) {
                BatchIterator<List<Long>> batches = loader.iterator();
                batches.next();
                batches.next();
                SampleLoadException e = assertThrows(SampleLoadException.class, batches::next);
                assertTrue(e.getCause() instanceof OutOfMemoryError);
                assertEquals(List.of(9L, 10L, 11L), batches.next());
                assertEquals(ALL_TWELVE, flatten(loader));
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {1, 2})
    void closingTheLoaderFromAnotherThreadWakesTheWaitingCaller(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            CountDownLatch waiting = new CountDownLatch(1);
            DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.sleeping(12, index -> index >= 3, 20_000))
                    .batchSize(3).numWorkers(workers).collate(TestDatasets.<Long>toList()).build();
            BatchIterator<List<Long>> batches = loader.iterator();
            batches.next();
            Thread closer = new Thread(() -> {
                try {
                    waiting.await(10, TimeUnit.SECONDS);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                loader.close();
            }, "test-closer");
            closer.start();
            waiting.countDown();
            IllegalStateException e = assertThrows(IllegalStateException.class, batches::next);
            assertTrue(e.getMessage().contains("closing the DataLoader"), e.getMessage());
            closer.join();
            assertThrows(IllegalStateException.class, loader::iterator, "a closed loader says so");
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {1, 2})
    void aFailingWorkerInitFnFailsTheEpochAndANewEpochRetries(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            AtomicBoolean firstEpoch = new AtomicBoolean(true);
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(12)).batchSize(3).numWorkers(workers)
                    .workerInitFn(id -> {
                        if (firstEpoch.get()) {
                            throw new IllegalStateException("GPU " + id + " busy");
                        }
                    }).collate(TestDatasets.<Long>toList()).build()) {
                LoaderException e = assertThrows(LoaderException.class, () -> loader.iterator().next());
                assertTrue(e.getMessage().startsWith("worker_init_fn failed in worker "), e.getMessage());
                firstEpoch.set(false);
                assertEquals(ALL_TWELVE, flatten(loader), "new workers, initialised again");
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void aFailingCollateFailsItsBatchOnly(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(12)).batchSize(3).numWorkers(workers)
                    .collate((samples, allocator) -> {
                        if (samples.contains(5L)) {
                            throw new IllegalArgumentException("labels of unequal length");
                        }
                        return List.<Long>copyOf(samples);
                    }).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L, 2L), batches.next());
                LoaderException e = assertThrows(LoaderException.class, batches::next);
                assertEquals("collate failed for batch 1 of epoch 0: labels of unequal length", e.getMessage());
                assertEquals(List.of(6L, 7L, 8L), batches.next());
            }
        });
    }
}
