package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SampleLoadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With workers, an epoch's first batch is loaded by all of them together; a later batch by its
 * worker, joined by any worker that has nothing of its own left to load.
 */
class SharedFirstBatchTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerThreadOutlivesItsLoader() {
        Threads.assertNoWorkersWithin(5_000);
    }

    /**
     * Sample 0 waits until another thread has read a later sample of the same batch: only a batch
     * shared between workers can finish.
     */
    @Test
    void theFirstBatchIsReadByTwoWorkersAtOnce() {
        assertTimeoutPreemptively(LIMIT, () -> {
            MeetingDataset dataset = new MeetingDataset(24, 0, 8, Set.of());
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(8).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                List<List<Long>> batches = new ArrayList<>();
                loader.forEach(batches::add);
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), batches.get(0), "in sample order");
                assertEquals(3, batches.size());
            }
            assertEquals(Set.of("sluice-worker-0", "sluice-worker-1"), dataset.readersOf(0, 8));
        });
    }

    /**
     * The epoch's last batch is one worker's, and the other has nothing left to do: sample 8, the
     * batch's first, waits until another thread has read a later sample of the same batch, which
     * only the idle worker joining it can do. The batches stay those of one thread.
     */
    @Test
    void anIdleWorkerJoinsTheBatchAnotherWorkerHasStarted() {
        assertTimeoutPreemptively(LIMIT, () -> {
            MeetingDataset dataset = new MeetingDataset(16, 8, 16, Set.of());
            try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(8).numWorkers(2)
                    .collate(TestDatasets.<Long>toList()).build()) {
                List<List<Long>> batches = new ArrayList<>();
                loader.forEach(batches::add);
                assertEquals(List.of(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), List.of(8L, 9L, 10L, 11L, 12L, 13L, 14L,
                        15L)), batches);
            }
            assertEquals(Set.of("sluice-worker-0", "sluice-worker-1"), dataset.readersOf(8, 16));
        });
    }

    /**
     * In a batch its worker and an idle one load together, samples 10 and 13 fail: whoever read them,
     * the one at the lower position is the batch's failure, and the next epoch is whole.
     */
    @Test
    void theFailureAtTheLowestPositionIsTheJoinedBatchsFailure() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int attempt = 0; attempt < 10; attempt++) {
                MeetingDataset dataset = new MeetingDataset(16, 8, 16, Set.of(10L, 13L));
                try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(8).numWorkers(2)
                        .collate(TestDatasets.<Long>toList()).build()) {
                    BatchIterator<List<Long>> batches = loader.iterator();
                    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), batches.next());
                    SampleLoadException failure = assertThrows(SampleLoadException.class, batches::next);
                    assertEquals(10, failure.index());
                    dataset.settle();
                    List<List<Long>> next = new ArrayList<>();
                    loader.forEach(next::add);
                    assertEquals(2, next.size(), "the next epoch loads both batches");
                }
            }
        });
    }

    /** Samples 2 and 5 of the first batch fail: the one at the lower position is the batch's failure, whoever read it. */
    @Test
    void theFailureAtTheLowestPositionIsTheSharedBatchsFailure() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                Dataset<Long> dataset = new Dataset<>() {
                    @Override
                    public Long get(long index) {
                        if (index == 2 || index == 5) {
                            throw new IllegalStateException("sample " + index + " is unreadable");
                        }
                        return index;
                    }

                    @Override
                    public long size() {
                        return 16;
                    }
                };
                try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(8).numWorkers(3)
                        .collate(TestDatasets.<Long>toList()).build()) {
                    BatchIterator<List<Long>> batches = loader.iterator();
                    SampleLoadException failure = assertThrows(SampleLoadException.class, batches::next);
                    assertEquals(2, failure.index());
                    assertEquals(List.of(8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L), batches.next(),
                            "the epoch goes on after the failed batch");
                }
            }
        });
    }

    @Test
    void aSharedBatchGivesTheBatchesOfTheCallingThreadUnderTheSkipPolicy() {
        assertTimeoutPreemptively(LIMIT, () -> {
            assertEquals(skippingEpoch(0, 40, false), skippingEpoch(2, 40, false));
            assertEquals(skippingEpoch(0, 40, false), skippingEpoch(3, 40, false));
        });
    }

    /**
     * Samples take from 0 to 0.8 ms by index, so that workers run out of batches of their own at
     * different times and join each other's, over 200 samples: the batches and what was skipped are
     * still those of the calling thread.
     */
    @Test
    void joinedBatchesGiveTheBatchesOfTheCallingThreadUnderTheSkipPolicy() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Object> reference = skippingEpoch(0, 200, true);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertEquals(reference, skippingEpoch(2, 200, true));
                assertEquals(reference, skippingEpoch(3, 200, true));
            }
        });
    }

    /**
     * Every third sample fails, the rest carry a random draw: what batches, and what was skipped;
     * with {@code slow}, sample {@code i} takes {@code (i * 7919 % 5) * 0.2} ms first.
     */
    private static List<Object> skippingEpoch(int workers, long size, boolean slow) {
        Dataset<Long> dataset = new Dataset<>() {
            @Override
            public Long get(long index) {
                return get(index, null);
            }

            @Override
            public Long get(long index, RandomGenerator random) {
                if (slow) {
                    LockSupport.parkNanos(index * 7919 % 5 * 200_000);
                }
                if (index % 3 == 1) {
                    throw new IllegalStateException("sample " + index + " is unreadable");
                }
                return index * 1000 + (random == null ? 0 : random.nextInt(1000));
            }

            @Override
            public long size() {
                return size;
            }
        };
        List<Object> seen = new ArrayList<>();
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(dataset).batchSize(16).shuffle(true).seed(5)
                .numWorkers(workers).onError(ErrorPolicy.SKIP).collate(TestDatasets.<Long>toList()).build()) {
            BatchIterator<List<Long>> batches = loader.iterator();
            while (batches.hasNext()) {
                seen.add(batches.next());
            }
            seen.add(batches.report().firstSkipped().stream().map(SkippedSample::index).toList());
        }
        return seen;
    }

    /**
     * Samples {@code 0..size-1} that record which thread read them. Until {@link #settle}, sample
     * {@code waiter} waits until another thread has read a later sample of its batch (below
     * {@code batchEnd}), failing after 10 s, and the samples in {@code unreadable} fail.
     */
    private static final class MeetingDataset implements Dataset<Long> {
        private final long size;
        private final long waiter;
        private final long batchEnd;
        private final Set<Long> unreadable;
        private final CountDownLatch laterSampleRead = new CountDownLatch(1);
        private final Map<Long, String> readers = new ConcurrentHashMap<>();
        private volatile boolean settled;

        MeetingDataset(long size, long waiter, long batchEnd, Set<Long> unreadable) {
            this.size = size;
            this.waiter = waiter;
            this.batchEnd = batchEnd;
            this.unreadable = unreadable;
        }

        @Override
        public Long get(long index) {
            readers.put(index, Thread.currentThread().getName());
            if (settled) {
                return index;
            }
            if (index == waiter) {
                try {
                    assertTrue(laterSampleRead.await(10, TimeUnit.SECONDS),
                            "no other worker joined the batch of sample " + waiter);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } else if (index > waiter && index < batchEnd) {
                laterSampleRead.countDown();
            }
            if (unreadable.contains(index)) {
                throw new IllegalStateException("sample " + index + " is unreadable");
            }
            return index;
        }

        @Override
        public long size() {
            return size;
        }

        /** Every sample reads at once from now on. */
        void settle() {
            settled = true;
        }

        /** The names of the threads that read samples {@code from..to-1}. */
        Set<String> readersOf(long from, long to) {
            return Set.copyOf(readers.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                    .map(Map.Entry::getValue).toList());
        }
    }
}
