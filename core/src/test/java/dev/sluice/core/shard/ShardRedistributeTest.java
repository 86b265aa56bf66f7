package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.Image;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.ResumableDataset.PositionedIterator;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.LoaderState;
import dev.sluice.core.sampler.Rank;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A loader over tar shards resumed with another number of workers delivers every sample it had not
 * delivered exactly once: the saved streams' remainders are shared out per shard.
 */
class ShardRedistributeTest {
    /** Samples per shard: 37 in all, shards of unequal length. */
    private static final int[] SIZES = {7, 3, 5, 6, 2, 4, 1, 9};
    private static final int TOTAL = 37;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "shuffle={0}, {1} workers for {2} batches, then {3}, then {5} after {4} more")
    @CsvSource({
        "true,  2, 3, 1, 0, 1",
        "true,  2, 3, 3, 0, 3",
        "false, 2, 3, 1, 0, 1",
        "false, 2, 3, 3, 0, 3",
        "true,  2, 1, 3, 2, 1",
        "true,  2, 5, 3, 1, 2",
        "false, 3, 2, 1, 3, 2",
        "true,  2, 0, 3, 0, 3",
        "true,  0, 4, 2, 2, 3",
    })
    void aResumeWithOtherWorkersDeliversEveryRemainingSampleOnce(boolean shuffle, int workers, int batches,
            int resumedWorkers, int resumedBatches, int lastWorkers) throws IOException {
        List<Path> shards = ShardFixtures.write(dir, SIZES);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Long> delivered = new ArrayList<>();
            String saved = run(shards, shuffle, workers, null, batches, delivered);
            assertEquals(Math.min(TOTAL, 3L * batches), delivered.size());
            saved = run(shards, shuffle, resumedWorkers, saved, resumedBatches, delivered);
            if (resumedBatches > 0) {
                assertTrue(saved.contains("_p"), "a redistributed stream carries its share: " + saved);
            }
            run(shards, shuffle, lastWorkers, saved, Integer.MAX_VALUE, delivered);
            List<Long> sorted = delivered.stream().sorted().toList();
            assertEquals(LongStream.range(0, TOTAL).boxed().toList(), sorted, "delivered " + delivered);
        });
    }

    @ParameterizedTest(name = "shuffle={0}")
    @CsvSource({"true", "false"})
    void theRemainderIsSharedAmongTheNewWorkers(boolean shuffle) throws IOException {
        List<Path> shards = ShardFixtures.write(dir, SIZES);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Long> delivered = new ArrayList<>();
            String saved = run(shards, shuffle, 2, null, 2, delivered);
            LoaderState state = LoaderState.decode(saved);
            ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(shuffle).shuffleBuffer(4).seed(21)
                    .build();
            List<String> three = dataset.redistribute(state.epoch(), state.streamPositions(), 3);
            assertEquals(3, three.size());
            assertEquals(3, three.stream().collect(Collectors.toSet()).size(), "each stream its own share: " + three);
            assertNotEquals(state.streamPositions(), dataset.redistribute(state.epoch(), state.streamPositions(), 2),
                    "the same number of streams, given explicit shares");
        });
    }

    @Test
    void aPositionOfAnotherRankOrLayoutIsRefusedNamingItsStream() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, SIZES);
        ShardDataset<Image> rank1 = ShardFixtures.builder(shards).rank(new Rank(1, 2)).build();
        ShardDataset<Image> rank0 = ShardFixtures.builder(shards).rank(new Rank(0, 2)).build();
        String position;
        try (PositionedIterator<LabeledSample<Image>> stream = rank1.iterator(0, null)) {
            stream.next();
            position = stream.position();
        }
        assertEquals("stream 0's saved position belongs to rank 1 of 2, worker 0 of 1 over 8 shards; this loader "
                + "expected rank 0 of 2, worker 0 of 1 over this dataset's 8", assertThrows(
                        IllegalArgumentException.class, () -> rank0.redistribute(0, List.of(position), 2)).getMessage());
        assertEquals("stream 1's saved position belongs to rank 1 of 2, worker 0 of 1 over 8 shards; this loader "
                + "expected rank 1 of 2, worker 1 of 2 over this dataset's 8", assertThrows(
                        IllegalArgumentException.class, () -> rank1.redistribute(0, List.of("", position), 1))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rank1.redistribute(0, List.of("v1_x"), 2))
                .getMessage().startsWith("stream 0: 'v1_x' is not a shard stream position"));
    }

    /**
     * Runs a loader with {@code workers} over epoch 1, from {@code saved} when not null, for at most
     * {@code batches} batches, adding the labels it delivers to {@code delivered}; its state after.
     */
    private static String run(List<Path> shards, boolean shuffle, int workers, String saved, int batches,
            List<Long> delivered) {
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(shuffle).shuffleBuffer(4).seed(21).build();
        Collate<LabeledSample<Image>, List<Long>> labels = (samples, allocator) -> {
            List<Long> batch = new ArrayList<>();
            for (LabeledSample<Image> sample : samples) {
                batch.add(sample.label(0));
            }
            return batch;
        };
        try (DataLoader<LabeledSample<Image>, List<Long>> loader = DataLoader.builder(dataset).batchSize(3)
                .numWorkers(workers).seed(21).collate(labels).build()) {
            if (saved == null) {
                loader.setEpoch(1);
            } else {
                loader.restore(LoaderState.decode(saved));
            }
            BatchIterator<List<Long>> iterator = loader.iterator();
            for (int i = 0; i < batches && iterator.hasNext(); i++) {
                delivered.addAll(iterator.next());
            }
            return loader.state().encode();
        }
    }
}
