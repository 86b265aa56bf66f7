package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.failingAt;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A sample, the collate function or a worker's init fails; a batch takes too long. */
class DataLoaderFailureTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

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

    @Test
    void aFailingCollateIsReportedWithTheBatch() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, Object> loader = DataLoader.builder(range(4)).batchSize(2).numWorkers(1)
                    .collate((samples, allocator) -> {
                        throw new IllegalArgumentException("labels of unequal length");
                    }).build()) {
                LoaderException e = assertThrows(LoaderException.class, () -> loader.iterator().next());
                assertEquals("collate failed for batch 0 of epoch 0: labels of unequal length", e.getMessage());
            }
        });
    }

    @Test
    void aFailingWorkerInitFnIsReported() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(4)).batchSize(2).numWorkers(1)
                    .workerInitFn(id -> {
                        throw new IllegalStateException("no GPU for worker " + id);
                    }).collate(TestDatasets.<Long>toList()).build()) {
                LoaderException e = assertThrows(LoaderException.class, () -> loader.iterator().next());
                assertEquals("worker_init_fn failed in worker 0: no GPU for worker 0", e.getMessage());
            }
        });
    }

    @Test
    void waitingPastTheTimeoutRaisesNamingTheBatchAndTheSeconds() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Dataset<Long> slow = TestDatasets.sleeping(4, index -> index == 2, 20_000);
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(slow).batchSize(2).numWorkers(1).timeout(0.2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(0L, 1L), batches.next());
                LoaderTimeoutException e = assertThrows(LoaderTimeoutException.class, batches::next);
                assertEquals("DataLoader timed out after 0.2 seconds waiting for batch 1 of epoch 0", e.getMessage());
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
