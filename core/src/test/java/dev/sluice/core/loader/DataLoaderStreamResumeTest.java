package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.IterableDataset;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.dataset.ResumableDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saving a loader's place in the streams of a ResumableDataset and continuing from it. */
class DataLoaderStreamResumeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    /**
     * Worker w of n yields 1000 * epoch + i for the i in [0, size) with i mod n = w, unevenly many per
     * worker; its position is the next i. Counts the streams opened and closed.
     */
    private static final class Counting implements ResumableDataset<Long> {
        final int size;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        Counting(int size) {
            this.size = size;
        }

        @Override
        public PositionedIterator<Long> iterator(long epoch, String position) {
            WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
            opened.incrementAndGet();
            int start = position == null ? worker.id() : Integer.parseInt(position.substring(1));
            if (start % worker.numWorkers() != worker.id()) {
                throw new IllegalArgumentException("position " + position + " is not worker " + worker.id() + "'s");
            }
            return new PositionedIterator<>() {
                int next = start;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Long next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    long value = 1000 * epoch + next;
                    next += worker.numWorkers();
                    return value;
                }

                @Override
                public String position() {
                    return "i" + next;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    private static DataLoader<Long, List<Long>> loader(IterableDataset<Long> dataset, int workers, boolean dropLast) {
        return DataLoader.builder(dataset).batchSize(3).numWorkers(workers).dropLast(dropLast).seed(5)
                .collate(TestDatasets.<Long>toList()).build();
    }

    @ParameterizedTest(name = "num_workers={0} drop_last={1}, stop after {2} batches of epoch 1")
    @CsvSource({"0, false, 2", "2, false, 3", "3, false, 4", "3, true, 1", "2, false, 0", "3, false, 6"})
    void aNewLoaderContinuesEachStreamWhereTheFirstStopped(int workers, boolean dropLast, int stopAfter) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<List<Long>> expected = new ArrayList<>();
            try (DataLoader<Long, List<Long>> reference = loader(new Counting(20), workers, dropLast)) {
                reference.iterator().forEachRemaining(batch -> { });
                reference.iterator().forEachRemaining(expected::add);
            }
            List<List<Long>> delivered = new ArrayList<>();
            String saved;
            try (DataLoader<Long, List<Long>> first = loader(new Counting(20), workers, dropLast)) {
                first.iterator().forEachRemaining(batch -> { });
                BatchIterator<List<Long>> epoch1 = first.iterator();
                for (int i = 0; i < stopAfter; i++) {
                    delivered.add(epoch1.next());
                }
                epoch1.hasNext();
                saved = first.state().encode();
            }
            try (DataLoader<Long, List<Long>> resumed = loader(new Counting(20), workers, dropLast)) {
                resumed.restore(LoaderState.decode(saved));
                assertEquals(1, resumed.epoch());
                resumed.iterator().forEachRemaining(delivered::add);
            }
            assertEquals(expected, delivered);
        });
    }

    @Test
    void theStateNamesEachStreamsPositionAndWhoseTurnIsNext() {
        try (DataLoader<Long, List<Long>> loader = loader(new Counting(20), 2, false)) {
            BatchIterator<List<Long>> batches = loader.iterator();
            assertEquals(List.of(0L, 2L, 4L), batches.next());
            assertEquals(List.of(1L, 3L, 5L), batches.next());
            assertEquals(List.of(6L, 8L, 10L), batches.next());
            LoaderState.Plan plan = new LoaderState.Plan(5, false, "stream", false, -1, "", -1, 3, 2);
            assertEquals(new LoaderState(0, 9, new long[0], 3, plan, List.of("i12", "i7"), 1), loader.state());
            assertTrue(loader.state().encode().contains("\nstreams: [i12, i7]\nnext_stream: 1\n"),
                    loader.state().encode());
            batches.forEachRemaining(batch -> { });
            assertEquals(new LoaderState(1, 0, new long[0], 0, plan), loader.state());
        }
    }

    @Test
    void aStreamThatDeliveredNothingIsWrittenAsADash() {
        LoaderState.Plan plan = new LoaderState.Plan(1, false, "stream", false, -1, "", -1, 3, 2);
        LoaderState state = new LoaderState(2, 3, new long[0], 1, plan, List.of("i4", ""), 1);
        assertTrue(state.encode().contains("\nstreams: [i4, '-']\n"), state.encode());
        assertEquals(state, LoaderState.decode(state.encode()));
        assertEquals("streams: stream 0's position must be printable ASCII without spaces or commas",
                assertThrows(IllegalArgumentException.class,
                        () -> new LoaderState(2, 3, new long[0], 1, plan, List.of("a b"), 0)).getMessage());
    }

    @Test
    void aStateFromAnotherNumberOfWorkersIsRefused() {
        LoaderState.Plan plan = new LoaderState.Plan(5, false, "stream", false, -1, "", -1, 3, 2);
        LoaderState twoStreams = new LoaderState(0, 6, new long[0], 2, plan, List.of("i6", "i3"), 0);
        try (DataLoader<Long, List<Long>> loader = loader(new Counting(20), 3, false)) {
            assertEquals("the state was saved by a loader with 2 worker streams, this one has 3 (num_workers=3); a "
                    + "stream's position belongs to its worker, so resume with the same num_workers",
                    assertThrows(IllegalArgumentException.class, () -> loader.restore(twoStreams)).getMessage());
            LoaderState.Plan mapStyle = new LoaderState.Plan(5, false, "stream", false, 20, "", -1, 3, 3);
            assertEquals("the state was saved for a map-style dataset, this loader reads a stream",
                    assertThrows(IllegalArgumentException.class,
                            () -> loader.restore(new LoaderState(0, 6, new long[0], 2, mapStyle))).getMessage());
        }
    }

    @Test
    void aPlainIterableDatasetHasNoState() {
        IterableDataset<Long> plain = epoch -> List.of(1L, 2L).iterator();
        try (DataLoader<Long, List<Long>> loader = loader(plain, 0, false)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, loader::state);
            assertTrue(e.getMessage().endsWith("a loader can save and restore its place only over a map-style dataset "
                    + "or a ResumableDataset"), e.getMessage());
        }
    }

    @Test
    void everyStreamOpenedIsClosedAtItsEndOrWhenTheIterationStops() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int workers : new int[] {0, 3}) {
                Counting dataset = new Counting(40);
                try (DataLoader<Long, List<Long>> loader = loader(dataset, workers, false)) {
                    loader.iterator().forEachRemaining(batch -> { });
                    BatchIterator<List<Long>> stopped = loader.iterator();
                    stopped.next();
                    stopped.close();
                }
                Threads.assertNoWorkersWithin(5_000);
                // A worker whose job had not started when the iteration stopped never opens its stream.
                assertTrue(dataset.opened.get() > Math.max(1, workers), dataset.opened + " streams opened");
                assertEquals(dataset.opened.get(), dataset.closed.get(), "num_workers=" + workers);
            }
        });
    }
}
