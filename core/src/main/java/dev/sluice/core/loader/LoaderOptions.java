package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SkippingStream;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * The loader's options after validation. The checks run in PyTorch's order (pytorch-semantics.md
 * b.1), so the first contradiction reported is the one PyTorch would report, in its words.
 */
record LoaderOptions(
        int batchSize,
        boolean shuffle,
        Sampler sampler,
        BatchSampler batchSampler,
        int numWorkers,
        boolean pinMemory,
        boolean dropLast,
        Duration timeout,
        IntConsumer workerInitFn,
        int prefetchFactor,
        boolean persistentWorkers,
        long seed,
        boolean inOrder,
        ErrorPolicy onError) {

    /** PyTorch's default when workers run and no prefetch factor is given. */
    static final int DEFAULT_PREFETCH_FACTOR = 2;

    /**
     * Validates raw builder values. {@code shuffle} and {@code prefetchFactor} are null when unset,
     * as PyTorch's {@code None}; {@code streamsSkip} says whether an iterable dataset's streams skip
     * failures themselves ({@link SkippingStream.Source}).
     */
    static LoaderOptions validate(boolean iterable, boolean streamsSkip, int batchSize, Boolean shuffle, Sampler sampler,
            BatchSampler batchSampler, int numWorkers, boolean pinMemory, boolean dropLast, double timeoutSeconds,
            IntConsumer workerInitFn, Integer prefetchFactor, boolean persistentWorkers, long seed, boolean inOrder,
            ErrorPolicy onError) {
        if (numWorkers < 0) {
            throw new IllegalArgumentException("num_workers option should be non-negative, was " + numWorkers
                    + "; use num_workers=0 to load on the calling thread.");
        }
        if (numWorkers > DataLoaderBuilder.MAX_NUM_WORKERS) {
            throw new IllegalArgumentException("num_workers option should be at most "
                    + DataLoaderBuilder.MAX_NUM_WORKERS + " (the most worker threads a loader starts), was " + numWorkers);
        }
        if (timeoutSeconds < 0 || Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("timeout option should be non-negative, was " + timeoutSeconds);
        }
        if (numWorkers == 0 && prefetchFactor != null) {
            throw new IllegalArgumentException("prefetch_factor option could only be specified with worker threads: "
                    + "let num_workers > 0, or leave prefetch_factor unset.");
        }
        int prefetch = prefetchFactor == null ? DEFAULT_PREFETCH_FACTOR : prefetchFactor;
        if (prefetch < 1 || prefetch > DataLoaderBuilder.MAX_PREFETCH_FACTOR) {
            throw new IllegalArgumentException("prefetch_factor option should be in [1, "
                    + DataLoaderBuilder.MAX_PREFETCH_FACTOR + "], was " + prefetch);
        }
        if (persistentWorkers && numWorkers == 0) {
            throw new IllegalArgumentException("persistent_workers option needs num_workers > 0");
        }
        if (timeoutSeconds > 0 && numWorkers == 0) {
            throw new IllegalArgumentException("timeout option needs num_workers > 0: with num_workers=0 batches are "
                    + "loaded on the calling thread, which nothing can time out");
        }
        if (iterable) {
            if (shuffle != null && shuffle) {
                throw new IllegalArgumentException(
                        "DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=true");
            }
            if (sampler != null) {
                throw new IllegalArgumentException(
                        "DataLoader with IterableDataset: expected unspecified sampler option, but got sampler=" + sampler);
            }
            if (batchSampler != null) {
                throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified batch_sampler "
                        + "option, but got batch_sampler=" + batchSampler);
            }
        }
        boolean shuffled = shuffle != null && shuffle;
        if (sampler != null && shuffled) {
            throw new IllegalArgumentException("sampler option is mutually exclusive with shuffle");
        }
        if (batchSampler != null && (batchSize != 1 || shuffled || sampler != null || dropLast)) {
            throw new IllegalArgumentException(
                    "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        if (batchSize > DataLoaderBuilder.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch_size should be at most " + DataLoaderBuilder.MAX_BATCH_SIZE
                    + ", but got batch_size=" + batchSize);
        }
        if (iterable && onError == ErrorPolicy.SKIP && !streamsSkip) {
            throw new IllegalArgumentException("on_error=skip needs a map-style dataset, or an iterable one whose "
                    + "streams skip failures themselves (a SkippingStream.Source, such as a ShardDataset built with "
                    + "onError(SKIP)): the loader cannot step over a sample of a stream that failed");
        }
        // Any positive timeout stays positive: zero means "wait forever".
        long timeoutNanos = timeoutSeconds == 0 ? 0 : Math.max(1, (long) Math.min(Long.MAX_VALUE, timeoutSeconds * 1e9));
        return new LoaderOptions(batchSize, shuffled, sampler, batchSampler, numWorkers, pinMemory, dropLast,
                Duration.ofNanos(timeoutNanos), workerInitFn, prefetch, persistentWorkers, seed, inOrder, onError);
    }

    /** The timeout in seconds as the user gave it, for messages. */
    String timeoutText() {
        return timeout.toNanos() / 1e9 + " seconds";
    }

    /**
     * How many batches may be dispatched and not yet delivered: {@code prefetch_factor * num_workers},
     * which the bounds on both keep within an int (at most {@code 2^20}).
     */
    int window() {
        return Math.multiplyExact(prefetchFactor, numWorkers);
    }
}
