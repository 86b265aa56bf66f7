package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N loaders built from one configuration as N ranks (threads, each with its own workers, as
 * torchrun's processes would be with RANK and WORLD_SIZE) cover the dataset exactly once per epoch,
 * for a map-style dataset (through the distributed sampler) and for shard streams, and still do
 * when the world size changes between epochs.
 */
class ManyRanksTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(ManyRanksTest.class.getClassLoader());

    @TempDir
    Path dir;

    @Test
    void ranksOfAMapStyleDatasetCoverItExactlyOncePerEpochAsTheWorldGrowsAndShrinks() throws IOException {
        ShardProject.write(dir, 24, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int[] worldSizes = {2, 3, 4, 1, 6};
            for (int epoch = 0; epoch < worldSizes.length; epoch++) {
                List<List<Long>> perRank = runRanks(dir.resolve("files.yaml"), worldSizes[epoch], epoch);
                assertExactlyOnce(perRank, 24, "epoch " + epoch + ", world size " + worldSizes[epoch]);
                for (List<Long> rank : perRank) {
                    assertEquals(24 / worldSizes[epoch], rank.size(), "the distributed sampler gives every rank as many");
                }
            }
        });
    }

    @Test
    void whenTheWorldDoesNotDivideTheDatasetTheSamplerPadsFromTheHeadOfItsOrder() throws IOException {
        ShardProject.write(dir, 24, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<List<Long>> perRank = runRanks(dir.resolve("files.yaml"), 5, 0);
            List<Long> all = new ArrayList<>();
            perRank.forEach(all::addAll);
            // ceil(24 / 5) = 5 each: 25 indices, the permutation's first one read twice.
            assertEquals(25, all.size());
            assertEquals(24, all.stream().distinct().count());
        });
    }

    @Test
    void ranksOfShardStreamsCoverThemExactlyOncePerEpochAsTheWorldGrowsAndShrinks() throws IOException {
        // 9 shards of 4 samples, the last holding 3: no world size below divides them all evenly.
        ShardProject.write(dir, 35, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int[] worldSizes = {3, 2, 4, 1, 9};
            for (int epoch = 0; epoch < worldSizes.length; epoch++) {
                List<List<Long>> perRank = runRanks(dir.resolve("shards.yaml"), worldSizes[epoch], epoch);
                assertExactlyOnce(perRank, 35, "epoch " + epoch + ", world size " + worldSizes[epoch]);
            }
        });
    }

    /** Runs {@code worldSize} loaders at once, rank r with {@code loader.rank=r}, over epoch {@code epoch}. */
    private static List<List<Long>> runRanks(Path config, int worldSize, int epoch) throws Exception {
        ExecutorService ranks = Executors.newFixedThreadPool(worldSize);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int rank = 0; rank < worldSize; rank++) {
                List<String> overrides = List.of("loader.rank=" + rank, "loader.world_size=" + worldSize);
                futures.add(ranks.submit(() -> readEpoch(SluiceConfig.load(config, overrides), epoch)));
            }
            List<List<Long>> perRank = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                perRank.add(future.get());
            }
            return perRank;
        } finally {
            ranks.shutdownNow();
        }
    }

    private static List<Long> readEpoch(SluiceConfig config, int epoch) {
        List<Long> labels = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(config, PLUGINS)) {
            loader.setEpoch(epoch);
            for (LabeledBatch batch : loader) {
                for (long label : batch.labels().toLongArray()) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }

    private static void assertExactlyOnce(List<List<Long>> perRank, int samples, String where) {
        List<Long> all = new ArrayList<>();
        perRank.forEach(all::addAll);
        all.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < samples; i++) {
            expected.add(i);
        }
        assertEquals(expected, all, where + ": per rank " + perRank);
    }
}
