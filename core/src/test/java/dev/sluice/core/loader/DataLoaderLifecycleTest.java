package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.IterableDataset;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leaving early, closing, and starting again leave no worker thread behind. */
class DataLoaderLifecycleTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final IterableDataset<Long> ENDLESS_STREAM = epoch -> LongStream.iterate(0, i -> i + 1).iterator();

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    @Test
    void workersStopWhenAnEpochEnds() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(20)).batchSize(4).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                TestDatasets.flatten(loader);
                Threads.assertNoWorkersWithin(5_000);
            }
        });
    }

    @Test
    void closingAnIteratorLeftEarlyStopsItsWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(1_000)).batchSize(4).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                try (BatchIterator<List<Long>> batches = loader.iterator()) {
                    batches.next();
                    assertEquals(2, Threads.liveWorkers().size());
                }
                Threads.assertNoWorkersWithin(5_000);
                assertFalse(loader.iterator().next().isEmpty(), "the loader is usable after an iteration is closed");
            }
        });
    }

    @Test
    void breakingOutOfALoopAndStartingTheNextEpochStopsTheOldWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(ENDLESS_STREAM).batchSize(4).numWorkers(3)
                    .collate(TestDatasets.<Long>toList()).build()) {
                for (int epoch = 0; epoch < 3; epoch++) {
                    for (List<Long> batch : loader) {
                        assertEquals(4, batch.size());
                        break;
                    }
                    assertTrue(Threads.liveWorkers().size() <= 3, "one epoch's workers at a time");
                }
            }
        });
    }

    @Test
    void closingTheLoaderStopsItsWorkersAndRefusesNewEpochs() {
        assertTimeoutPreemptively(LIMIT, () -> {
            DataLoader<Long, List<Long>> loader = DataLoader.builder(ENDLESS_STREAM).batchSize(4).numWorkers(2)
                    .persistentWorkers(true).collate(TestDatasets.<Long>toList()).build();
            loader.iterator().next();
            loader.close();
            Threads.assertNoWorkersWithin(5_000);
            IllegalStateException e = assertThrows(IllegalStateException.class, loader::iterator);
            assertEquals("this DataLoader is closed", e.getMessage());
            loader.close();
        });
    }

    @Test
    void closingTheStreamStopsItsWorkers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(1_000)).batchSize(10).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                List<Long> firstThree;
                try (var stream = loader.stream()) {
                    firstThree = stream.limit(3).map(batch -> batch.get(0)).collect(Collectors.toList());
                }
                assertEquals(List.of(0L, 10L, 20L), firstThree);
                Threads.assertNoWorkersWithin(5_000);
            }
        });
    }

    @Test
    void anAbandonedIteratorStopsItsWorkersWhenCollected() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(1_000)).batchSize(4).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                startAndAbandon(loader);
                long deadline = System.currentTimeMillis() + 20_000;
                while (!Threads.liveWorkers().isEmpty() && System.currentTimeMillis() < deadline) {
                    System.gc();
                    Thread.sleep(50);
                }
                assertEquals(List.of(), Threads.liveWorkers());
            }
        });
    }

    private static void startAndAbandon(DataLoader<Long, List<Long>> loader) {
        loader.iterator().next();
    }

    @Test
    void interruptingTheConsumerClosesTheIteration() {
        assertTimeoutPreemptively(LIMIT, () -> {
            dev.sluice.api.Dataset<Long> slow = TestDatasets.sleeping(4, index -> index != 0, 10_000);
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(slow).batchSize(1).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                BatchIterator<List<Long>> batches = loader.iterator();
                batches.next();
                Thread.currentThread().interrupt();
                LoaderException e = assertThrows(LoaderException.class, batches::next);
                assertTrue(Thread.interrupted(), "the interrupt flag is kept");
                assertEquals("interrupted while waiting for a batch of epoch 0; the iteration is closed", e.getMessage());
                assertFalse(batches.hasNext());
            }
        });
    }
}
