package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.IterableDataset;
import dev.sluice.core.sampler.ChunkedBatchSampler;
import dev.sluice.core.sampler.SequentialSampler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The contradictions PyTorch refuses, refused at construction with messages that name the options. */
class DataLoaderOptionsTest {
    private static final IterableDataset<Long> STREAM = epoch -> List.of(1L, 2L).iterator();
    private static final BatchSampler BATCHES = new ChunkedBatchSampler(new SequentialSampler(10), 2, false);

    private static void assertRefused(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void negativeNumWorkersIsRefused() {
        assertRefused("num_workers option should be non-negative, was -1; use num_workers=0 to load on the calling thread.",
                () -> DataLoader.builder(range(4)).numWorkers(-1).build());
    }

    @Test
    void negativeTimeoutIsRefused() {
        assertRefused("timeout option should be non-negative, was -1.0",
                () -> DataLoader.builder(range(4)).numWorkers(1).timeout(-1).build());
    }

    @Test
    void prefetchFactorWithoutWorkersIsRefused() {
        assertRefused("prefetch_factor option could only be specified with worker threads: let num_workers > 0, "
                + "or leave prefetch_factor unset.", () -> DataLoader.builder(range(4)).prefetchFactor(2).build());
    }

    @Test
    void zeroPrefetchFactorIsRefused() {
        assertRefused("prefetch_factor option should be in [1, 1024], was 0",
                () -> DataLoader.builder(range(4)).numWorkers(2).prefetchFactor(0).build());
    }

    @Test
    void persistentWorkersWithoutWorkersIsRefused() {
        assertRefused("persistent_workers option needs num_workers > 0",
                () -> DataLoader.builder(range(4)).persistentWorkers(true).build());
    }

    @Test
    void timeoutWithoutWorkersIsRefused() {
        assertRefused("timeout option needs num_workers > 0: with num_workers=0 batches are loaded on the calling "
                + "thread, which nothing can time out", () -> DataLoader.builder(range(4)).timeout(1).build());
    }

    @Test
    void iterableDatasetRefusesShuffleSamplerAndBatchSampler() {
        assertRefused("DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=true",
                () -> DataLoader.builder(STREAM).shuffle(true).build());
        IllegalArgumentException sampler = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(STREAM).sampler(new SequentialSampler(2)).build());
        assertEquals(true, sampler.getMessage().startsWith(
                "DataLoader with IterableDataset: expected unspecified sampler option, but got sampler="));
        IllegalArgumentException batches = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(STREAM).batchSampler(BATCHES).build());
        assertEquals(true, batches.getMessage().startsWith(
                "DataLoader with IterableDataset: expected unspecified batch_sampler option, but got batch_sampler="));
    }

    @Test
    void iterableDatasetAcceptsShuffleFalse() {
        assertDoesNotThrow(() -> DataLoader.builder(STREAM).shuffle(false).build().close());
    }

    @Test
    void samplerWithShuffleIsRefused() {
        assertRefused("sampler option is mutually exclusive with shuffle",
                () -> DataLoader.builder(range(4)).sampler(new SequentialSampler(4)).shuffle(true).build());
    }

    @Test
    void samplerWithShuffleFalseIsAccepted() {
        assertDoesNotThrow(() -> DataLoader.builder(range(4)).sampler(new SequentialSampler(4)).shuffle(false).build());
    }

    @Test
    void batchSamplerExcludesBatchSizeShuffleSamplerAndDropLast() {
        String message = "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last";
        assertRefused(message, () -> DataLoader.builder(range(10)).batchSampler(BATCHES).batchSize(2).build());
        assertRefused(message, () -> DataLoader.builder(range(10)).batchSampler(BATCHES).shuffle(true).build());
        assertRefused(message,
                () -> DataLoader.builder(range(10)).batchSampler(BATCHES).sampler(new SequentialSampler(10)).build());
        assertRefused(message, () -> DataLoader.builder(range(10)).batchSampler(BATCHES).dropLast(true).build());
    }

    @Test
    void batchSamplerWithAnExplicitBatchSizeOfOneIsAccepted() {
        assertDoesNotThrow(() -> DataLoader.builder(range(10)).batchSampler(BATCHES).batchSize(1).build());
    }

    @Test
    void batchSizeBelowOneIsRefused() {
        assertRefused("batch_size should be a positive integer value, but got batch_size=0",
                () -> DataLoader.builder(range(4)).batchSize(0).build());
        assertRefused("batch_size should be a positive integer value, but got batch_size=-3",
                () -> DataLoader.builder(range(4)).batchSize(-3).build());
    }

    @Test
    void checksRunInPyTorchsOrder() {
        // Both num_workers and batch_size are wrong: PyTorch reports num_workers first.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(range(4)).numWorkers(-1).batchSize(0).build());
        assertEquals(true, e.getMessage().startsWith("num_workers option"));
    }
}
