package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.flatten;
import static dev.sluice.core.loader.TestDatasets.range;
import static dev.sluice.core.loader.TestDatasets.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.core.sampler.RandomSampler;
import dev.sluice.core.sampler.WeightedRandomSampler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Batch counts and contents: PyTorch's len() formulas, drop_last, endless datasets. */
class DataLoaderBatchingTest {

    private static List<Integer> batchSizes(DataLoader<Long, List<Long>> loader) {
        List<Integer> sizes = new ArrayList<>();
        for (List<Long> batch : loader) {
            sizes.add(batch.size());
        }
        return sizes;
    }

    @ParameterizedTest(name = "n={0} batch_size={1} drop_last={2} -> {3} batches")
    @CsvSource({
        "10, 7, false, 2, '7,3'",
        "10, 7, true, 1, '7'",
        "10, 3, false, 4, '3,3,3,1'",
        "10, 3, true, 3, '3,3,3'",
        "9, 3, true, 3, '3,3,3'",
        "100, 64, true, 1, '64'",
        "100, 64, false, 2, '64,36'",
        "5, 8, true, 0, ''",
        "5, 8, false, 1, '5'",
    })
    void sizeFollowsPyTorchsFormulaAndMatchesWhatIsDelivered(long n, int batchSize, boolean dropLast, long expected,
            String sizes) {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(n)).batchSize(batchSize).dropLast(dropLast)
                .collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(expected, loader.size());
            String delivered = batchSizes(loader).stream().map(String::valueOf).collect(Collectors.joining(","));
            assertEquals(sizes, delivered);
        }
    }

    @Test
    void sequentialLoaderDeliversIndicesInOrder() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).batchSize(7)
                .collate(TestDatasets.<Long>toList()).build()) {
            List<List<Long>> batches = new ArrayList<>();
            loader.forEach(batches::add);
            assertEquals(List.of(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), List.of(7L, 8L, 9L)), batches);
        }
    }

    @Test
    void randomSamplerWithReplacementSetsTheLength() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(10)).batchSize(3)
                .sampler(RandomSampler.withReplacement(10, 7, 0)).collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(3, loader.size());
            assertEquals(7, flatten(loader).size());
        }
    }

    @Test
    void weightedSamplerSetsTheLength() {
        double[] weights = {1, 2, 3, 4};
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(4)).batchSize(4)
                .sampler(new WeightedRandomSampler(weights, 25, true, 0)).collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(7, loader.size());
            assertEquals(25, flatten(loader).size());
        }
    }

    @Test
    void iterableDatasetLengthComesFromItsSize() {
        IterableDataset<Long> stream = new IterableDataset<>() {
            @Override
            public java.util.Iterator<Long> iterator(long epoch) {
                return LongStream.range(0, 10).boxed().iterator();
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.of(10);
            }
        };
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(stream).batchSize(3)
                .collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(4, loader.size());
            assertEquals(List.of(3, 3, 3, 1), batchSizes(loader));
        }
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(stream).batchSize(3).dropLast(true)
                .collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(3, loader.size());
        }
    }

    @Test
    void iterableDatasetWithoutSizeHasNoLength() {
        IterableDataset<Long> stream = epoch -> List.of(1L).iterator();
        try (DataLoader<Long, Object> loader = DataLoader.builder(stream).build()) {
            assertThrows(UnsupportedOperationException.class, loader::size);
        }
    }

    @Test
    void endlessDatasetHasNoLengthAndRunsPastOnePass() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.endless(5)).batchSize(3)
                .collate(TestDatasets.<Long>toList()).build()) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, loader::size);
            assertTrue(e.getMessage().contains("endless"), e.getMessage());
            List<List<Long>> batches;
            try (var stream = loader.stream()) {
                batches = stream.limit(4).collect(Collectors.toList());
            }
            // Batches run on across the end of a pass, as the seed's fake-length dataset did.
            assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 0L), List.of(1L, 2L, 3L), List.of(4L, 0L, 1L)),
                    batches);
        }
    }

    @Test
    void endlessShuffledDatasetVisitsEveryIndexOncePerPassAndReshufflesEachPass() {
        int n = 20;
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(TestDatasets.endless(n)).batchSize(4).shuffle(true).seed(3)
                .collate(TestDatasets.<Long>toList()).build()) {
            List<Long> seen;
            try (var stream = loader.stream()) {
                seen = stream.limit(3L * n / 4).flatMap(List::stream).collect(Collectors.toList());
            }
            List<List<Long>> passes = List.of(seen.subList(0, n), seen.subList(n, 2 * n), seen.subList(2 * n, 3 * n));
            for (List<Long> pass : passes) {
                assertEquals(n, new HashSet<>(pass).size(), "each pass is a permutation: " + pass);
            }
            assertNotEquals(passes.get(0), passes.get(1));
        }
    }

    @Test
    void eachIterationIsTheNextEpochAndSetEpochChoosesIt() {
        try (DataLoader<Long, List<Long>> loader = DataLoader.builder(range(30)).batchSize(30).shuffle(true).seed(1)
                .collate(TestDatasets.<Long>toList()).build()) {
            assertEquals(0, loader.epoch());
            List<Long> epoch0 = flatten(loader);
            List<Long> epoch1 = flatten(loader);
            assertEquals(2, loader.epoch());
            assertNotEquals(epoch0, epoch1, "each epoch reshuffles");
            loader.setEpoch(0);
            assertEquals(epoch0, flatten(loader), "epoch 0 again gives epoch 0's order");
        }
    }
}
