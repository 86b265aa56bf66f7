package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.flatten;
import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.WorkerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Worker threads: the same batches whatever their number, each index once, worker info and init. */
class DataLoaderWorkersTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    private static List<List<Long>> epochs(int workers, boolean inOrder, int epochCount) {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(103)).batchSize(7).shuffle(true).seed(11)
                .numWorkers(workers).inOrder(workers == 0 || inOrder).collate(TestDatasets.<Long>toList()).build()) {
            List<List<Long>> all = new ArrayList<>();
            for (int epoch = 0; epoch < epochCount; epoch++) {
                List<List<Long>> batches = new ArrayList<>();
                loader.forEach(batches::add);
                all.add(batches.stream().map(b -> b.get(0)).collect(Collectors.toList()));
                all.add(batches.stream().flatMap(List::stream).collect(Collectors.toList()));
            }
            return all;
        }
    }

    @Test
    void batchesAreIdenticalAndInOrderWhateverTheNumberOfWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<List<Long>> reference = epochs(0, true, 2);
            for (int workers : new int[] {1, 2, 8}) {
                assertEquals(reference, epochs(workers, true, 2), "num_workers=" + workers);
            }
        });
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 1, 2, 8})
    void everyIndexIsLoadedExactlyOncePerEpoch(int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Map<Long, Integer> loads = new ConcurrentHashMap<>();
            Dataset<Long> counting = new Dataset<>() {
                @Override
                public Long get(long index) {
                    loads.merge(index, 1, Integer::sum);
                    return index;
                }

                @Override
                public long size() {
                    return 250;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(counting).batchSize(16).shuffle(true)
                    .numWorkers(workers).collate(TestDatasets.<Long>toList()).build()) {
                List<Long> delivered = flatten(loader);
                assertEquals(LongStream.range(0, 250).boxed().collect(Collectors.toSet()), Set.copyOf(delivered));
                assertEquals(250, delivered.size());
                assertTrue(loads.values().stream().allMatch(count -> count == 1), "loaded more than once: " + loads);
            }
        });
    }

    @Test
    void eachBatchReportsTheDatasetIndicesOfItsSamples() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(50)).batchSize(8).shuffle(true)
                    .numWorkers(3).inOrder(false).collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                assertArrayEquals(new long[0], batches.indices(), "no batch yet");
                while (batches.hasNext()) {
                    List<Long> batch = batches.next();
                    assertArrayEquals(batch.stream().mapToLong(Long::longValue).toArray(), batches.indices());
                }
            }
        });
    }

    @Test
    void outOfOrderDeliveryStillDeliversEveryIndexOnce() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<List<Long>> reference = epochs(0, true, 1);
            List<List<Long>> unordered = epochs(4, false, 1);
            List<Long> expected = new ArrayList<>(reference.get(1));
            List<Long> actual = new ArrayList<>(unordered.get(1));
            expected.sort(null);
            actual.sort(null);
            assertEquals(expected, actual);
        });
    }

    @Test
    void augmentationDependsOnSeedEpochAndPositionNotOnWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Map<Integer, List<long[]>> byWorkers = new TreeMap<>();
            for (int workers : new int[] {0, 1, 3}) {
                try (DataLoader<long[], List<long[]>> loader = DataLoader.builder(TestDatasets.augmented(40))
                        .batchSize(6).shuffle(true).seed(5).numWorkers(workers).collate(TestDatasets.<long[]>toList())
                        .build()) {
                    byWorkers.put(workers, flatten(loader));
                }
            }
            List<long[]> reference = byWorkers.get(0);
            for (List<long[]> samples : byWorkers.values()) {
                assertEquals(reference.size(), samples.size());
                for (int i = 0; i < reference.size(); i++) {
                    assertArrayEquals(reference.get(i), samples.get(i));
                }
            }
            long distinctDraws = reference.stream().mapToLong(sample -> sample[1]).distinct().count();
            assertEquals(40, distinctDraws, "every sample gets its own random stream");
        });
    }

    @Test
    void augmentationChangesWithTheEpochAndTheSeed() {
        List<Long> draws0;
        List<Long> draws1;
        List<Long> otherSeed;
        try (DataLoader<long[], List<long[]>> loader = DataLoader.builder(TestDatasets.augmented(10)).batchSize(10)
                .seed(5).collate(TestDatasets.<long[]>toList()).build()) {
            draws0 = flatten(loader).stream().map(s -> s[1]).collect(Collectors.toList());
            draws1 = flatten(loader).stream().map(s -> s[1]).collect(Collectors.toList());
        }
        try (DataLoader<long[], List<long[]>> loader = DataLoader.builder(TestDatasets.augmented(10)).batchSize(10)
                .seed(6).collate(TestDatasets.<long[]>toList()).build()) {
            otherSeed = flatten(loader).stream().map(s -> s[1]).collect(Collectors.toList());
        }
        assertNotEquals(draws0, draws1);
        assertNotEquals(draws0, otherSeed);
    }

    @Test
    void workerInitFnRunsOnceInEachWorkerBeforeLoadingWithItsId() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
            Dataset<Long> recording = new Dataset<>() {
                @Override
                public Long get(long index) {
                    events.add("load:" + Thread.currentThread().getName());
                    return index;
                }

                @Override
                public long size() {
                    return 40;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(recording).batchSize(2).numWorkers(3)
                    .workerInitFn(id -> events.add("init:" + id + ":" + Thread.currentThread().getName()))
                    .collate(TestDatasets.<Long>toList()).build()) {
                flatten(loader);
            }
            List<String> inits = events.stream().filter(e -> e.startsWith("init:")).sorted().collect(Collectors.toList());
            assertEquals(List.of("init:0:sluice-worker-0", "init:1:sluice-worker-1", "init:2:sluice-worker-2"), inits);
            for (int worker = 0; worker < 3; worker++) {
                List<String> own = new ArrayList<>();
                for (String event : events) {
                    if (event.endsWith("sluice-worker-" + worker)) {
                        own.add(event);
                    }
                }
                assertTrue(own.get(0).startsWith("init:"), "worker " + worker + " loaded before its init: " + own);
            }
        });
    }

    @Test
    void persistentWorkersRunInitOnceAcrossEpochs() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ConcurrentLinkedQueue<Integer> inits = new ConcurrentLinkedQueue<>();
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(20)).batchSize(3).numWorkers(2)
                    .persistentWorkers(true).workerInitFn(inits::add).collate(TestDatasets.<Long>toList()).build()) {
                List<Long> first = flatten(loader);
                List<Long> second = flatten(loader);
                assertEquals(first, second);
                assertEquals(2, Threads.liveWorkers().size(), "persistent workers stay between epochs");
            }
            assertEquals(List.of(0, 1), inits.stream().sorted().collect(Collectors.toList()));
        });
    }

    @Test
    void workerInfoIsVisibleInsideWorkersAndEmptyOutside() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Map<Long, Optional<WorkerInfo>> seen = new ConcurrentHashMap<>();
            Dataset<Long> probing = new Dataset<>() {
                @Override
                public Long get(long index) {
                    seen.put(index, WorkerInfo.current());
                    return index;
                }

                @Override
                public long size() {
                    return 12;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(probing).batchSize(3).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                flatten(loader);
            }
            assertEquals(12, seen.size());
            for (Optional<WorkerInfo> info : seen.values()) {
                assertTrue(info.isPresent());
                assertEquals(2, info.get().numWorkers());
                assertTrue(info.get().id() == 0 || info.get().id() == 1);
                assertEquals(probing, info.get().dataset());
            }
            seen.clear();
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(probing).batchSize(3)
                    .collate(TestDatasets.<Long>toList()).build()) {
                flatten(loader);
            }
            assertEquals(12, seen.size());
            assertTrue(seen.values().stream().allMatch(Optional::isEmpty), "no worker info on the caller's thread");
        });
    }

    /** Ten items; each worker keeps those whose index modulo the worker count is its id. */
    private static final IterableDataset<Long> SHARDED = epoch -> {
        WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
        return LongStream.range(0, 10).filter(i -> i % worker.numWorkers() == worker.id()).boxed().iterator();
    };

    private static List<List<Long>> batchesOf(IterableDataset<Long> dataset, int workers, int batchSize,
            boolean dropLast) {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(batchSize).dropLast(dropLast)
                .numWorkers(workers).collate(TestDatasets.<Long>toList()).build()) {
            List<List<Long>> batches = new ArrayList<>();
            loader.forEach(batches::add);
            return batches;
        }
    }

    @Test
    void iterableDatasetShardedByWorkerInfoMatchesPyTorch() {
        assertTimeoutPreemptively(LIMIT, () -> {
            assertEquals(List.of(List.of(0L, 2L, 4L), List.of(1L, 3L, 5L), List.of(6L, 8L), List.of(7L, 9L)),
                    batchesOf(SHARDED, 2, 3, false));
            assertEquals(List.of(List.of(0L, 2L, 4L), List.of(1L, 3L, 5L)), batchesOf(SHARDED, 2, 3, true));
            assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L, 7L, 8L), List.of(9L)),
                    batchesOf(SHARDED, 0, 3, false));
        });
    }

    @Test
    void unshardedIterableDatasetIsReadByEveryWorker() {
        assertTimeoutPreemptively(LIMIT, () -> {
            IterableDataset<Long> unsharded = epoch -> LongStream.range(0, 5).boxed().iterator();
            assertEquals(List.of(List.of(0L, 1L), List.of(0L, 1L), List.of(2L, 3L), List.of(2L, 3L), List.of(4L),
                    List.of(4L)), batchesOf(unsharded, 2, 2, false));
        });
    }

    @Test
    void iterableDatasetGetsTheEpochNumber() {
        assertTimeoutPreemptively(LIMIT, () -> {
            IterableDataset<Long> epochs = epoch -> List.of(epoch).iterator();
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(epochs).collate(TestDatasets.<Long>toList())
                    .numWorkers(1).build()) {
                assertEquals(List.of(0L), flatten(loader));
                assertEquals(List.of(1L), flatten(loader));
            }
        });
    }

    @Test
    void workerThreadsAreNamed() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Set<String> names = ConcurrentHashMap.newKeySet();
            Dataset<Long> naming = new Dataset<>() {
                @Override
                public Long get(long index) {
                    names.add(Thread.currentThread().getName());
                    return index;
                }

                @Override
                public long size() {
                    return 64;
                }
            };
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(naming).batchSize(1).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                Iterator<List<Long>> batches = loader.iterator();
                while (batches.hasNext()) {
                    batches.next();
                }
            }
            assertEquals(Set.of("sluice-worker-0", "sluice-worker-1"), names, "both workers load, and nothing else");
        });
    }
}
