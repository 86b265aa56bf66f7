package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.failingAt;
import static dev.sluice.core.loader.TestDatasets.flatten;
import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SampleLoadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures, each with its documented outcome, no hang (bounded here), no thread left behind, and
 * the loader usable afterwards: a sample fails (once, always, with an Error, under skip), the
 * collate function or a worker's init fails, a batch takes too long, the loader is closed while the
 * caller waits, an iterable dataset's stream breaks.
 */
class DataLoaderFailureTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<Long> ALL_TWELVE = LongStream.range(0, 12).boxed().collect(Collectors.toList());

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void aFailingSampleIsReportedWithItsIndexPathAndCauseAndTheEpochGoesOn(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            IllegalStateException cause = new IllegalStateException("corrupt JPEG data");
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(failingAt(10, 4, cause)).batchSize(3)
                    .numWorkers(workers).collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L, 2L), batches.next());
                SampleLoadException e = assertThrows(SampleLoadException.class, batches::next);
                assertEquals("sample 4 (item-4.jpg) of epoch 0, batch 1: corrupt JPEG data", e.getMessage());
                assertEquals(4, e.index());
                assertEquals("item-4.jpg", e.source().orElseThrow());
                assertSame(cause, e.getCause());
                assertEquals(List.of(6L, 7L, 8L), batches.next(), "the epoch goes on after a failed batch");
                assertEquals(List.of(9L), batches.next());
                assertFalse(batches.hasNext());
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void skipPolicyDropsCountsAndReportsFailedSamples(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(failingAt(10, 4,
                    new IllegalStateException("truncated"))).batchSize(3).numWorkers(workers).onError(ErrorPolicy.SKIP)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                List<List<Long>> delivered = new ArrayList<>();
                List<Long> indices = new ArrayList<>();
                while (batches.hasNext()) {
                    delivered.add(batches.next());
                    for (long index : batches.indices()) {
                        indices.add(index);
                    }
                }
                assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 5L), List.of(6L, 7L, 8L), List.of(9L)), delivered);
                assertEquals(List.of(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L), indices, "indices leave the skipped sample out");
                EpochReport report = batches.report();
                assertEquals(4, report.batches());
                assertEquals(9, report.samples());
                assertEquals(1, report.skipped());
                assertEquals(List.of(new SkippedSample(4, "item-4.jpg", "truncated")), report.firstSkipped());
            }
        });
    }

    @Test
    void aBatchWhoseSamplesAllFailIsLeftOutUnderSkip() {
        Dataset<Long> base = range(6);
        Dataset<Long> firstBatchFails = new Dataset<>() {
            @Override
            public Long get(long index) {
                if (index < 3) {
                    throw new IllegalStateException("bad " + index);
                }
                return base.get(index);
            }

            @Override
            public long size() {
                return 6;
            }
        };
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(firstBatchFails).batchSize(3)
                .onError(ErrorPolicy.SKIP).collate(TestDatasets.<Long>toList()).build()) {
            BatchIterator<List<Long>> batches = loader.iterator();
            assertEquals(List.of(3L, 4L, 5L), batches.next());
            assertFalse(batches.hasNext());
            assertEquals(3, batches.report().skipped());
            assertEquals("", batches.report().firstSkipped().get(0).source());
        }
    }

    @Test
    void errorsAreRaisedEvenUnderSkip() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Dataset<Long> base = range(4);
            Dataset<Long> exhausting = new Dataset<>() {
                @Override
                public Long get(long index) {
                    if (index == 2) {
                        throw new OutOfMemoryError("Java heap space (simulated)");
                    }
                    return base.get(index);
                }

                @Override
                public long size() {
                    return 4;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(exhausting).batchSize(2).numWorkers(2)
                    .onError(ErrorPolicy.SKIP).collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L), batches.next());
                SampleLoadException e = assertThrows(SampleLoadException.class, batches::next);
                assertTrue(e.getCause() instanceof OutOfMemoryError);
                assertEquals(2, e.index());
            }
        });
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
                LoaderTimeoutException timedOut = assertThrows(LoaderTimeoutException.class, batches::next);
                assertEquals("DataLoader timed out after 0.1 seconds waiting for batch 1 of epoch 0",
                        timedOut.getMessage());
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
                assertTrue(e.getMessage().matches("worker_init_fn failed in worker \\d: GPU \\d busy"), e.getMessage());
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


    @Test
    void anIterableDatasetWhoseIteratorFailsEndsThatStreamWithAnError() {
        assertTimeoutPreemptively(LIMIT, () -> {
            dev.sluice.api.IterableDataset<Long> broken = epoch -> new java.util.Iterator<>() {
                private long next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Long next() {
                    if (next == 3) {
                        throw new IllegalStateException("connection reset");
                    }
                    return next++;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(broken).batchSize(2).numWorkers(1)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L), batches.next());
                LoaderException e = assertThrows(LoaderException.class, batches::next);
                assertEquals("the dataset's iterator failed in epoch 0, worker 0: connection reset; that stream ends here "
                        + "and the 1 sample read for its next batch is lost",
                        e.getMessage());
                assertFalse(batches.hasNext());
            }
        });
    }
}
