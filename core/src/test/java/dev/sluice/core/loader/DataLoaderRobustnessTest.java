package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.flatten;
import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.Sampler;
import dev.sluice.api.Tensor;
import dev.sluice.core.dataset.Datasets;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SampleLoadException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases a review found: lost epochs, hangs, leaks, shared random streams, double release. */
class DataLoaderRobustnessTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void aLoaderNobodyHoldsStillFinishesItsEpoch(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            long count = 0;
            for (List<Long> batch : DataLoader.builder(range(200)).batchSize(2).numWorkers(workers)
                    .collate(TestDatasets.<Long>toList()).build()) {
                count += batch.size();
                if (count % 20 == 0) {
                    System.gc();
                }
            }
            assertEquals(200, count, "the iterator keeps its loader alive");
        });
    }

    @Test
    void outOfOrderDeliveryHandsOutWhatIsReadyFirst() {
        assertTimeoutPreemptively(LIMIT, () -> {
            CountDownLatch firstDelivered = new CountDownLatch(1);
            Dataset<Long> base = range(2);
            Dataset<Long> slowFirst = new Dataset<>() {
                @Override
                public Long get(long index) {
                    if (index == 0) {
                        try {
                            assertTrue(firstDelivered.await(20, TimeUnit.SECONDS), "batch 1 was never delivered first");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }
                    return base.get(index);
                }

                @Override
                public long size() {
                    return 2;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(slowFirst).numWorkers(2).inOrder(false)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertEquals(List.of(1L), batches.next());
                firstDelivered.countDown();
                assertEquals(List.of(0L), batches.next());
            }
        });
    }

    private static List<Object> twoEndlessRuns(int workers) {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.endless(10)).batchSize(5).shuffle(true).seed(4)
                .numWorkers(workers).collate(TestDatasets.<Long>toList()).build()) {
            List<Object> seen = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                try (var stream = loader.stream()) {
                    seen.add(stream.limit(3).collect(Collectors.toList()));
                }
                seen.add(loader.epoch());
            }
            return seen;
        }
    }

    @Test
    void endlessIterationsAreTheSameWhateverTheNumberOfWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Object> reference = twoEndlessRuns(0);
            assertEquals(List.of(2L, 4L), List.of(reference.get(1), reference.get(3)),
                    "three batches of 5 over 10 samples reach pass 1, so the next run starts two epochs on");
            assertEquals(reference, twoEndlessRuns(2));
            assertEquals(reference, twoEndlessRuns(5));
        });
    }

    @Test
    void aSamplerThatFailsToStartLeavesNoWorkers() {
        Sampler broken = new Sampler() {
            @Override
            public PrimitiveIterator.OfLong indices(long epoch) {
                throw new IllegalStateException("index file unreadable");
            }

            @Override
            public long size() {
                return 4;
            }
        };
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(4)).sampler(broken).numWorkers(2)
                .collate(TestDatasets.<Long>toList()).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, loader::iterator);
            assertEquals("index file unreadable", e.getMessage());
            Threads.assertNoWorkersWithin(5_000);
        }
    }

    @Test
    void setEpochWinsOverAnIterationLeftUnfinished() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).batchSize(2).shuffle(true)
                .collate(TestDatasets.<Long>toList()).build()) {
            List<Long> epoch0 = flatten(loader);
            loader.iterator().next();
            loader.setEpoch(0);
            assertEquals(epoch0, flatten(loader));
            assertEquals(1, loader.epoch());
        }
    }

    @Test
    void anIterationStoppedByTheNextOneSaysSoInsteadOfEndingQuietly() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).batchSize(2)
                .collate(TestDatasets.<Long>toList()).build()) {
            BatchIterator<List<Long>> first = loader.iterator();
            first.next();
            loader.iterator();
            IllegalStateException e = assertThrows(IllegalStateException.class, first::hasNext);
            assertTrue(e.getMessage().startsWith("the iteration of epoch 0 was stopped before its end"), e.getMessage());
        }
    }

    @Test
    void aFailureWhoseMessageThrowsStillReachesTheCaller() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RuntimeException unspeakable = new RuntimeException() {
                @Override
                public String getMessage() {
                    throw new IllegalStateException("no message for you");
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.failingAt(4, 1, unspeakable))
                    .batchSize(2).numWorkers(1).collate(TestDatasets.<Long>toList()).build()) {
                SampleLoadException e = assertThrows(SampleLoadException.class, () -> loader.iterator().next());
                assertEquals(1, e.index());
            }
        });
    }

    @Test
    void aSampleFromADatasetBeneathIsNamedOnce() {
        Dataset<Long> inner = TestDatasets.failingAt(10, 7, new SampleLoadException(7, "img/7.jpg", "corrupt JPEG", null));
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(Datasets.subset(inner, 7, 1))
                .collate(TestDatasets.<Long>toList()).build()) {
            SampleLoadException e = assertThrows(SampleLoadException.class, () -> loader.iterator().next());
            assertEquals("sample 0 (img/7.jpg) of epoch 0, batch 0: corrupt JPEG (sample 7 of the dataset beneath)",
                    e.getMessage());
        }
    }

    @Test
    void samplerBugsAreRaisedEvenUnderSkip() {
        Sampler beyond = new Sampler() {
            @Override
            public PrimitiveIterator.OfLong indices(long epoch) {
                return java.util.stream.LongStream.of(0, 5).iterator();
            }

            @Override
            public long size() {
                return 2;
            }
        };
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(3)).sampler(beyond).batchSize(2)
                .onError(ErrorPolicy.SKIP).collate(TestDatasets.<Long>toList()).build()) {
            SampleLoadException e = assertThrows(SampleLoadException.class, () -> loader.iterator().next());
            assertTrue(e.getCause() instanceof IndexOutOfBoundsException, String.valueOf(e.getCause()));
        }
    }

    @Test
    void anIterableDatasetThatCannotOpenItsStreamIsReportedAsSuch() {
        IterableDataset<Long> unopenable = epoch -> {
            throw new IllegalStateException("cannot open shard");
        };
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(unopenable).collate(TestDatasets.<Long>toList())
                .build()) {
            LoaderException e = assertThrows(LoaderException.class, () -> loader.iterator().next());
            assertEquals("the dataset's iterator failed in epoch 0: cannot open shard; that stream ends here",
                    e.getMessage());
        }
    }

    @Test
    void skippingIsRefusedForIterableDatasetsThatDoNotSkipThemselves() {
        IterableDataset<Long> stream = epoch -> List.of(1L).iterator();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(stream).onError(ErrorPolicy.SKIP).build());
        assertEquals("on_error=skip needs a map-style dataset, or an iterable one whose streams skip failures "
                + "themselves (a SkippingStream.Source, such as a ShardDataset built with onError(SKIP)): the loader "
                + "cannot step over a sample of a stream that failed", e.getMessage());
    }

    @Test
    void aTinyTimeoutIsStillATimeout() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Dataset<Long> sleeping = TestDatasets.sleeping(2, index -> true, 5_000);
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(sleeping).numWorkers(1).timeout(1e-12)
                    .collate(TestDatasets.<Long>toList()).build()) {
                assertThrows(LoaderTimeoutException.class, () -> loader.iterator().next());
            }
        });
    }

    /** A batch record the test declares without public access. */
    private record Pair(Tensor values, String name) {
    }

    @Test
    void releasingABatchTwiceCannotCorruptALaterOne() {
        try (DataLoader<Long, Pair> loader = DataLoader.builder(range(6)).pinMemory(true)
                .collate((samples, allocator) -> {
                    ByteBuffer out = allocator.allocate(samples.size() * Long.BYTES);
                    samples.forEach(out::putLong);
                    return new Pair(Tensor.wrap(DType.INT64, new int[] {samples.size()}, out.flip()), "pair");
                }).build()) {
            BatchIterator<Pair> batches = loader.iterator();
            Pair a = batches.next();
            loader.release(a);
            Pair b = batches.next();
            loader.release(a);
            Pair c = batches.next();
            assertEquals(1, b.values().getLong(0), "b keeps its contents");
            assertEquals(2, c.values().getLong(0));
        }
    }

    @Test
    void releaseDoesNothingWithoutPinnedMemory() {
        try (DataLoader<Long, Pair> loader = DataLoader.builder(range(2))
                .collate((samples, allocator) -> new Pair(Tensor.ofLongs(new int[] {1}, samples.get(0)), "p")).build()) {
            Pair batch = loader.iterator().next();
            loader.release(batch);
            assertEquals(0, batch.values().getLong(0));
        }
    }
}
