package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.sampler.Rank;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How shards are split across ranks and workers: exactly once per epoch, and the rule when uneven. */
class ShardSplitTest {
    @TempDir
    Path dir;

    @Property(tries = 300)
    void everyShardGoesToExactlyOneRankAndWorkerAndTheFirstGetTheExtra(@ForAll @IntRange(max = 40) int shards,
            @ForAll @IntRange(min = 1, max = 5) int worldSize, @ForAll @IntRange(min = 1, max = 4) int numWorkers,
            @ForAll long seed, @ForAll @IntRange(max = 3) int epoch) {
        int[] order = ShardAssignment.epochOrder(shards, seed, epoch, true);
        int[] seen = new int[shards];
        int previousRank = Integer.MAX_VALUE;
        for (int rank = 0; rank < worldSize; rank++) {
            int rankTotal = 0;
            int previousWorker = Integer.MAX_VALUE;
            for (int worker = 0; worker < numWorkers; worker++) {
                int[] share = ShardAssignment.share(order, rank, worldSize, worker, numWorkers);
                for (int shard : share) {
                    seen[shard]++;
                }
                assertTrue(share.length <= previousWorker && share.length >= previousWorker - 1
                        || previousWorker == Integer.MAX_VALUE, "workers of a rank differ by at most one shard, "
                        + "the first ones having more");
                previousWorker = share.length;
                rankTotal += share.length;
            }
            // Rank r takes positions r, r + R, ...: ceil((S - r) / R) shards.
            assertEquals(Math.max(0, (shards - rank + worldSize - 1) / worldSize), rankTotal);
            assertTrue(rankTotal <= previousRank, "earlier ranks have at least as many shards");
            previousRank = rankTotal;
        }
        for (int shard = 0; shard < shards; shard++) {
            assertEquals(1, seen[shard], "shard " + shard + " in epoch " + epoch);
        }
    }

    @Test
    void withoutShufflingTheSplitIsWebDatasetsIsliceByRankThenByWorker() {
        int[] order = ShardAssignment.epochOrder(10, 0, 0, false);
        assertEquals("[0, 4, 8]", Arrays.toString(ShardAssignment.share(order, 0, 2, 0, 2)));
        assertEquals("[2, 6]", Arrays.toString(ShardAssignment.share(order, 0, 2, 1, 2)));
        assertEquals("[1, 5, 9]", Arrays.toString(ShardAssignment.share(order, 1, 2, 0, 2)));
        assertEquals("[3, 7]", Arrays.toString(ShardAssignment.share(order, 1, 2, 1, 2)));
        assertEquals("[]", Arrays.toString(ShardAssignment.share(ShardAssignment.epochOrder(3, 0, 0, false), 1, 2, 1, 2)));
    }

    @ParameterizedTest(name = "world_size={0} num_workers={1}")
    @CsvSource({"1, 1", "2, 2", "3, 2", "2, 3", "4, 3", "1, 4"})
    void whenShardsDivideEvenlyEachSampleIsReadOnceAndEveryRankReadsAsMany(int worldSize, int numWorkers)
            throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 12, 3);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int epoch = 0; epoch < 2; epoch++) {
                List<Long> all = new ArrayList<>();
                for (int rank = 0; rank < worldSize; rank++) {
                    List<Long> mine = readWithLoader(shards, new Rank(rank, worldSize), numWorkers, epoch);
                    assertEquals(36 / worldSize, mine.size(), "rank " + rank + " of " + worldSize);
                    all.addAll(mine);
                }
                all.sort(null);
                assertEquals(range(36), all, "epoch " + epoch);
            }
        });
    }

    @Test
    void unevenShardsGiveTheFirstRanksAndWorkersOneShardMore() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 7, 3);
        ShardDataset<Image> rank0 = ShardFixtures.builder(shards).shuffle(true).seed(3).rank(new Rank(0, 2)).build();
        ShardDataset<Image> rank1 = ShardFixtures.builder(shards).shuffle(true).seed(3).rank(new Rank(1, 2)).build();
        TreeMap<String, Integer> counts = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        for (ShardDataset<Image> dataset : List.of(rank0, rank1)) {
            for (int worker = 0; worker < 2; worker++) {
                try (WorkerInfo.Scope scope = WorkerInfo.enter(new WorkerInfo(worker, 2, 0, dataset))) {
                    List<Long> labels = ShardFixtures.labels(dataset.iterator(1, null));
                    counts.put("rank " + dataset.rank().rank() + " worker " + worker, labels.size());
                    all.addAll(labels);
                }
            }
        }
        // 7 shards of 3: rank 0 takes positions 0, 2, 4, 6 (workers: 0 and 4, 2 and 6), rank 1 takes 1, 3, 5.
        assertEquals("{rank 0 worker 0=6, rank 0 worker 1=6, rank 1 worker 0=6, rank 1 worker 1=3}", counts.toString());
        all.sort(null);
        assertEquals(range(21), all);
    }

    private static List<Long> readWithLoader(List<Path> shards, Rank rank, int numWorkers, int epoch) {
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(5).seed(11).rank(rank)
                .build();
        List<Long> labels = new ArrayList<>();
        try (DataLoader<LabeledSample<Image>, LabeledBatch> loader = DataLoader.builder(dataset).batchSize(4)
                .numWorkers(numWorkers).collate(new LabeledCollate()).build()) {
            loader.setEpoch(epoch);
            for (LabeledBatch batch : loader) {
                for (int i = 0; i < batch.size(); i++) {
                    labels.add(batch.labels().getLong(i));
                }
            }
        }
        return labels;
    }

    static List<Long> range(long n) {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            values.add(i);
        }
        return values;
    }
}
