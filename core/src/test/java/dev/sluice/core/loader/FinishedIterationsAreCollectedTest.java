package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.Dataset;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.dataset.ResumableDataset;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A loader run for many epochs keeps nothing of the finished ones: each epoch's iterator can be
 * collected once the caller lets go of it (issue 15, item 15: shard datasets kept one iterator per
 * epoch, about 87 KB each, through the close action the Cleaner held for it).
 */
class FinishedIterationsAreCollectedTest {
    private static final int EPOCHS = 40;

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    /** Worker w of n yields the i in [0, 50) with i mod n = w; its position is the next i. */
    private static final class Stream implements ResumableDataset<Long> {
        @Override
        public PositionedIterator<Long> iterator(long epoch, String position) {
            WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
            int start = position == null ? worker.id() : Integer.parseInt(position);
            return new PositionedIterator<>() {
                int next = start;

                @Override
                public boolean hasNext() {
                    return next < 50;
                }

                @Override
                public Long next() {
                    if (next >= 50) {
                        throw new NoSuchElementException();
                    }
                    long value = next;
                    next += worker.numWorkers();
                    return value;
                }

                @Override
                public String position() {
                    return Integer.toString(next);
                }
            };
        }
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void aResumableStreamsIteratorsAreCollected(int workers) {
        DataLoaderBuilder<Long, List<Long>> builder = DataLoader.builder(new Stream()).batchSize(4)
                .numWorkers(workers).collate(TestDatasets.<Long>toList());
        assertEveryEpochCollected(builder);
    }

    @ParameterizedTest(name = "num_workers={0}")
    @ValueSource(ints = {0, 2})
    void anEndlessDatasetsIteratorsAreCollected(int workers) {
        Dataset<Long> endless = new Dataset<>() {
            @Override
            public Long get(long index) {
                return index;
            }

            @Override
            public long size() {
                return 10;
            }

            @Override
            public boolean isEndless() {
                return true;
            }
        };
        DataLoaderBuilder<Long, List<Long>> builder = DataLoader.builder(endless).batchSize(4).numWorkers(workers)
                .collate(TestDatasets.<Long>toList());
        assertEveryEpochCollected(builder);
    }

    private static void assertEveryEpochCollected(DataLoaderBuilder<Long, List<Long>> builder) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<WeakReference<BatchIterator<List<Long>>>> epochs = new ArrayList<>();
            try (DataLoader<Long, List<Long>> loader = builder.build()) {
                for (int epoch = 0; epoch < EPOCHS; epoch++) {
                    epochs.add(new WeakReference<>(runEpoch(loader)));
                }
                long deadline = System.currentTimeMillis() + 20_000;
                while (kept(epochs) > 1 && System.currentTimeMillis() < deadline) {
                    System.gc();
                    Thread.sleep(20);
                }
                // The loader may keep the last epoch's iterator, for its state; none before it.
                assertEquals(0, kept(epochs.subList(0, EPOCHS - 1)), "iterators of finished epochs still reachable");
            }
        });
    }

    private static BatchIterator<List<Long>> runEpoch(DataLoader<Long, List<Long>> loader) {
        BatchIterator<List<Long>> batches = loader.iterator();
        // An endless epoch is cut after a few batches, as a step limit would.
        for (int i = 0; i < 5 && batches.hasNext(); i++) {
            batches.next();
        }
        batches.close();
        return batches;
    }

    private static long kept(List<WeakReference<BatchIterator<List<Long>>>> epochs) {
        return epochs.stream().filter(reference -> reference.get() != null).count();
    }
}
