package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saving a loader's place and continuing from it in a new loader, without repeating or losing a sample. */
class DataLoaderResumeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    /** Sample i is (i, a draw from its random source): what it is and how it was augmented. */
    private static final class Recording implements Dataset<long[]> {
        final Set<Long> loaded = ConcurrentHashMap.newKeySet();

        @Override
        public long[] get(long index) {
            throw new AssertionError("the loader calls get(index, random)");
        }

        @Override
        public long[] get(long index, java.util.random.RandomGenerator random) {
            loaded.add(index);
            return new long[] {index, random.nextLong()};
        }

        @Override
        public long size() {
            return 53;
        }
    }

    private static DataLoader<long[], List<long[]>> loader(Dataset<long[]> dataset, int workers, boolean inOrder) {
        return DataLoader.builder(dataset).batchSize(5).shuffle(true).seed(9).numWorkers(workers)
                .inOrder(workers == 0 || inOrder).collate(TestDatasets.<long[]>toList()).build();
    }

    private static List<String> describe(List<List<long[]>> batches) {
        List<String> text = new ArrayList<>();
        for (List<long[]> batch : batches) {
            StringBuilder line = new StringBuilder();
            for (long[] sample : batch) {
                line.append(sample[0]).append(':').append(sample[1]).append(' ');
            }
            text.add(line.toString());
        }
        return text;
    }

    @ParameterizedTest(name = "num_workers={0} in_order={1}, stop after {2} batches of epoch 1")
    @CsvSource({"0, true, 4", "2, true, 7", "3, false, 5", "2, true, 0"})
    void aNewLoaderContinuesExactlyWhereTheFirstStopped(int workers, boolean inOrder, int stopAfter) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<List<long[]>> expected = new ArrayList<>();
            try (DataLoader<long[], List<long[]>> reference = loader(new Recording(), 0, true)) {
                reference.iterator().forEachRemaining(batch -> { });
                reference.iterator().forEachRemaining(expected::add);
            }
            List<List<long[]>> delivered = new ArrayList<>();
            String saved;
            try (DataLoader<long[], List<long[]>> first = loader(new Recording(), workers, inOrder)) {
                first.iterator().forEachRemaining(batch -> { });
                BatchIterator<List<long[]>> epoch1 = first.iterator();
                for (int i = 0; i < stopAfter; i++) {
                    delivered.add(epoch1.next());
                }
                saved = first.state().encode();
            }
            Recording second = new Recording();
            try (DataLoader<long[], List<long[]>> resumed = loader(second, workers, inOrder)) {
                resumed.restore(LoaderState.decode(saved));
                assertEquals(1, resumed.epoch());
                resumed.iterator().forEachRemaining(delivered::add);
                assertEquals(2, resumed.epoch());
            }
            Set<Long> deliveredFirst = new HashSet<>();
            for (int i = 0; i < stopAfter; i++) {
                for (long[] sample : delivered.get(i)) {
                    deliveredFirst.add(sample[0]);
                }
            }
            for (long index : deliveredFirst) {
                assertTrue(!second.loaded.contains(index), "sample " + index + " was delivered before and loaded again");
            }
            if (inOrder) {
                assertEquals(describe(expected), describe(delivered));
            } else {
                List<String> sortedExpected = new ArrayList<>(describe(expected));
                List<String> sortedDelivered = new ArrayList<>(describe(delivered));
                sortedExpected.sort(null);
                sortedDelivered.sort(null);
                assertEquals(sortedExpected, sortedDelivered, "every batch once, with the same augmentation");
            }
        });
    }

    @Test
    void theStateOfAFinishedEpochPointsAtTheNext() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).batchSize(4)
                .collate(TestDatasets.<Long>toList()).build()) {
            LoaderState.Plan plan = loader.state().plan();
            assertEquals(new LoaderState.Plan(0, false, "SequentialSampler", false, 10, "", 10, 4, 0), plan);
            assertEquals(new LoaderState(0, 0, new long[0], 0, plan), loader.state());
            BatchIterator<List<Long>> batches = loader.iterator();
            batches.next();
            batches.hasNext();
            assertEquals(new LoaderState(0, 4, new long[0], 1, plan), loader.state(),
                    "a batch looked at is not delivered");
            batches.forEachRemaining(batch -> { });
            assertEquals(new LoaderState(1, 0, new long[0], 0, plan), loader.state());
        }
    }

    @Test
    void aStateFromAnotherSeedOrDatasetIsRefused() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).seed(3)
                .collate(TestDatasets.<Long>toList()).build()) {
            LoaderState.Plan otherSeed = new LoaderState.Plan(4, false, "SequentialSampler", false, 10, "", 10, 1, 0);
            IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                    () -> loader.restore(new LoaderState(0, 1, new long[0], 1, otherSeed)));
            assertTrue(seed.getMessage().startsWith("cannot continue from the state: it was saved with seed=4, this "
                    + "loader has seed=3;"), seed.getMessage());
            LoaderState.Plan otherSize = new LoaderState.Plan(3, false, "SequentialSampler", false, 12, "", 12, 1, 0);
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> loader.restore(new LoaderState(0, 1, new long[0], 1, otherSize)));
            assertTrue(size.getMessage().startsWith("cannot continue from the state: it was saved with "
                    + "dataset_size=12, this loader has dataset_size=10;"), size.getMessage());
        }
    }

    @Test
    void theStateIsYamlThatReadsBack() {
        LoaderState.Plan plan = new LoaderState.Plan(-7, true, "RandomSampler", false, 1000, "00ff", 1000, 10, 2);
        LoaderState state = new LoaderState(3, 170, new long[] {190, 200, 230, 240}, 19, plan);
        String text = state.encode();
        assertTrue(text.startsWith("format: sluice-loader-state\nversion: 3\nepoch: 3\nsamples_delivered: 170\n"
                + "also_delivered:\n- [190, 200]\n- [230, 240]\nbatches_delivered: 19\n"), text);
        assertEquals(state, LoaderState.decode(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoaderState.decode(text.replace("epoch: 3", "epoch: x")));
        assertEquals("loader state: epoch: must be a whole number, was 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoaderState.decode("{\"epoch\": 3}"));
    }
}
