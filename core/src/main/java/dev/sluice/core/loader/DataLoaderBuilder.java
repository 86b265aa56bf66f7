package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.Sampler;
import dev.sluice.core.collate.DefaultCollate;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SkippingStream;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Collects a loader's options, named as PyTorch names them. Contradictions are refused by
 * {@link #build()} with PyTorch's messages, in PyTorch's order.
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
public final class DataLoaderBuilder<T, B> {
    /** The most worker threads a loader starts: beyond it a machine runs out of threads, not of work. */
    public static final int MAX_NUM_WORKERS = 1024;
    /** The most batches one worker may have in flight. */
    public static final int MAX_PREFETCH_FACTOR = 1024;
    /** The most samples in one batch. */
    public static final int MAX_BATCH_SIZE = 1 << 20;

    private final Dataset<T> dataset;
    private final IterableDataset<T> iterableDataset;
    private Collate<? super T, ? extends B> collate;
    private int batchSize = 1;
    private Boolean shuffle;
    private Sampler sampler;
    private BatchSampler batchSampler;
    private int numWorkers;
    private boolean pinMemory;
    private boolean dropLast;
    private double timeoutSeconds;
    private IntConsumer workerInitFn;
    private Integer prefetchFactor;
    private boolean persistentWorkers;
    private long seed;
    private boolean inOrder = true;
    private ErrorPolicy onError = ErrorPolicy.RAISE;
    private BatchTransform<B> batchTransform;

    DataLoaderBuilder(Dataset<T> dataset, IterableDataset<T> iterableDataset, Collate<? super T, ? extends B> collate) {
        this.dataset = dataset;
        this.iterableDataset = iterableDataset;
        this.collate = collate;
    }

    /** Samples per batch, in {@code [1, MAX_BATCH_SIZE]} (others are refused by {@link #build()}); default 1. */
    public DataLoaderBuilder<T, B> batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Reorder the samples at every epoch, from (seed, epoch); default false. */
    public DataLoaderBuilder<T, B> shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Which indices an epoch reads, in which order; excludes {@code shuffle}. */
    public DataLoaderBuilder<T, B> sampler(Sampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        return this;
    }

    /** The batches themselves; excludes batch size, shuffle, sampler and drop last. */
    public DataLoaderBuilder<T, B> batchSampler(BatchSampler batchSampler) {
        this.batchSampler = Objects.requireNonNull(batchSampler, "batchSampler");
        return this;
    }

    /**
     * Worker threads, in {@code [0, MAX_NUM_WORKERS]} (others are refused by {@link #build()}); 0, the
     * default, loads on the caller's thread.
     */
    public DataLoaderBuilder<T, B> numWorkers(int numWorkers) {
        this.numWorkers = numWorkers;
        return this;
    }

    /**
     * How samples become a batch; default {@link DefaultCollate}. Changes the batch type.
     */
    public <C> DataLoaderBuilder<T, C> collate(Collate<? super T, ? extends C> newCollate) {
        if (batchTransform != null) {
            throw new IllegalStateException("set the collate function before the batch transform, which takes "
                    + "the batches it makes");
        }
        @SuppressWarnings("unchecked")
        DataLoaderBuilder<T, C> retyped = (DataLoaderBuilder<T, C>) this;
        retyped.collate = Objects.requireNonNull(newCollate, "collate");
        return retyped;
    }

    /** Batch tensors in pooled direct buffers that native code reads without a copy; default false. */
    public DataLoaderBuilder<T, B> pinMemory(boolean pinMemory) {
        this.pinMemory = pinMemory;
        return this;
    }

    /** Drop the last batch of an epoch when it is short; default false. */
    public DataLoaderBuilder<T, B> dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * Seconds to wait for any one batch before failing, {@code >= 0}; 0 (the default) waits forever.
     * A negative timeout, or a positive one without workers, is refused by {@link #build()}.
     */
    public DataLoaderBuilder<T, B> timeout(double seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** Called once on each worker thread with its id in {@code [0, num_workers)}, before it loads anything. */
    public DataLoaderBuilder<T, B> workerInitFn(IntConsumer workerInitFn) {
        this.workerInitFn = Objects.requireNonNull(workerInitFn, "workerInitFn");
        return this;
    }

    /**
     * Batches each worker may have in flight, in {@code [1, MAX_PREFETCH_FACTOR]}; default 2 with
     * workers. Refused by {@link #build()} when out of range or without workers.
     */
    public DataLoaderBuilder<T, B> prefetchFactor(int prefetchFactor) {
        this.prefetchFactor = prefetchFactor;
        return this;
    }

    /** Keep the worker threads from one epoch to the next; needs workers; default false. */
    public DataLoaderBuilder<T, B> persistentWorkers(boolean persistentWorkers) {
        this.persistentWorkers = persistentWorkers;
        return this;
    }

    /** The seed of every random choice (shuffling, augmentation, worker seeds); default 0. */
    public DataLoaderBuilder<T, B> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Deliver batches in sampler order (true, the default), or as soon as any is ready (false:
     * faster when samples vary in cost, but the order then depends on timing).
     */
    public DataLoaderBuilder<T, B> inOrder(boolean inOrder) {
        this.inOrder = inOrder;
        return this;
    }

    /** What a sample that fails to load does: raise (the default) or skip, counted. */
    public DataLoaderBuilder<T, B> onError(ErrorPolicy onError) {
        this.onError = Objects.requireNonNull(onError, "onError");
        return this;
    }

    /**
     * A transform of each whole batch after collation, such as {@link dev.sluice.core.mix.MixUp}, drawing
     * from a random source keyed by (seed, epoch, batch number) only, so that batches are the same
     * whatever the number of workers. Map-style datasets only: {@link #build()} refuses it over an
     * iterable dataset, whose batches depend on how its streams are split among workers. Set it after
     * {@link #collate}.
     */
    public DataLoaderBuilder<T, B> batchTransform(BatchTransform<B> batchTransform) {
        this.batchTransform = Objects.requireNonNull(batchTransform, "batchTransform");
        return this;
    }

    /**
     * The loader.
     *
     * @throws IllegalArgumentException naming the options when they contradict each other or one
     *         is out of range
     */
    public DataLoader<T, B> build() {
        boolean streamsSkip = iterableDataset instanceof SkippingStream.Source source && source.skipsFailures();
        LoaderOptions options = LoaderOptions.validate(dataset == null, streamsSkip, batchSize, shuffle, sampler,
                batchSampler,
                numWorkers, pinMemory, dropLast, timeoutSeconds, workerInitFn, prefetchFactor, persistentWorkers,
                seed, inOrder, onError);
        if (batchTransform != null && dataset == null) {
            throw new IllegalArgumentException("a batch transform (" + batchTransform.describe() + ") needs a "
                    + "map-style dataset: an iterable dataset's batches depend on how its streams are split among "
                    + "the workers, so they could not be transformed alike at every num_workers");
        }
        return new DataLoader<>(dataset, iterableDataset, collate, batchTransform, options);
    }
}
