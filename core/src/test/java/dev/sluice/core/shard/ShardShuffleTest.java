package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.Image;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.sampler.Rank;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard order and the shuffle buffer are functions of (seed, epoch); the buffer is bounded. */
class ShardShuffleTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedAndEpochGiveTheSameOrderAndAnotherEpochOrSeedAnother() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 6, 5);
        List<Long> first = read(shards, 7, 2, 8);
        assertEquals(first, read(shards, 7, 2, 8));
        assertNotEquals(first, read(shards, 7, 3, 8));
        assertNotEquals(first, read(shards, 8, 2, 8));
        List<Long> sorted = new ArrayList<>(first);
        sorted.sort(null);
        assertEquals(ShardSplitTest.range(30), sorted);
    }

    @Test
    void aSampleLeavesTheBufferNoEarlierThanBufferSizeMinusOnePlacesBeforeItWasRead() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 6, 5);
        int buffer = 4;
        for (int epoch = 0; epoch < 5; epoch++) {
            // A buffer of one keeps the epoch's shard order and reads each shard in archive order.
            List<Long> readOrder = read(shards, 1, epoch, 1);
            List<Long> emitted = read(shards, 1, epoch, buffer);
            int displaced = 0;
            for (int k = 0; k < emitted.size(); k++) {
                int readAt = readOrder.indexOf(emitted.get(k));
                assertTrue(readAt <= k + buffer - 1, "epoch " + epoch + ": sample " + emitted.get(k) + " was read "
                        + readAt + "th and came out " + k + "th with a buffer of " + buffer);
                displaced += readAt == k ? 0 : 1;
            }
            assertTrue(displaced > emitted.size() / 2, "the buffer moved only " + displaced + " samples");
        }
    }

    @Test
    void withWorkersTheBatchesOfAnEpochAreTheSameRunAfterRun() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 8, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(batches(shards, 3), batches(shards, 3));
        });
    }

    @Test
    void aSamplesAugmentationDependsOnSeedEpochAndWhichSampleItIsNotOnRanksOrWorkers() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 6, 3);
        Map<Long, Long> alone = draws(shards, Rank.SINGLE, 1);
        assertEquals(18, alone.size());
        Map<Long, Long> spread = new HashMap<>();
        for (int rank = 0; rank < 2; rank++) {
            spread.putAll(draws(shards, new Rank(rank, 2), 3));
        }
        assertEquals(alone, spread);
    }

    private static List<Long> read(List<Path> shards, long seed, long epoch, int buffer) {
        return ShardFixtures.labels(ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(buffer).seed(seed).build()
                .iterator(epoch, null));
    }

    private static List<List<Long>> batches(List<Path> shards, int workers) {
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(6).seed(2).build();
        List<List<Long>> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Image>, List<LabeledSample<Image>>> loader = DataLoader.builder(dataset)
                .batchSize(3).numWorkers(workers)
                .collate(ShardShuffleTest.<LabeledSample<Image>>toList()).build()) {
            for (List<LabeledSample<Image>> batch : loader) {
                batches.add(batch.stream().map(sample -> sample.label(0)).toList());
            }
        }
        return batches;
    }

    private static <T> Collate<T, List<T>> toList() {
        return (samples, allocator) -> new ArrayList<>(samples);
    }

    /** Sample label to the first draw of the random source its transform got, over every worker of a rank. */
    private static Map<Long, Long> draws(List<Path> shards, Rank rank, int workers) {
        ShardDataset<Long> dataset = ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(3).seed(5).rank(rank)
                .transform((image, random) -> random.nextLong()).build();
        Map<Long, Long> draws = new HashMap<>();
        for (int worker = 0; worker < workers; worker++) {
            try (WorkerInfo.Scope scope = WorkerInfo.enter(new WorkerInfo(worker, workers, 0, dataset))) {
                dataset.iterator(4, null).forEachRemaining(sample -> draws.put(sample.label(0), sample.image()));
            }
        }
        return draws;
    }
}
