package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.Sampler;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.DefaultCollate;
import dev.sluice.core.sampler.ChunkedBatchSampler;
import dev.sluice.core.sampler.RandomSampler;
import dev.sluice.core.sampler.SequentialSampler;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads a dataset in batches, as PyTorch's {@code torch.utils.data.DataLoader}, with worker threads
 * instead of processes.
 *
 * <p>Each call of {@link #iterator()} (a {@code for} loop over the loader) is one epoch: epoch 0,
 * then 1, and so on ({@link #setEpoch(long)} changes the next one). For one seed an epoch's
 * batches are the same, in the same order, whatever {@code num_workers} is; every index the sampler
 * yields is loaded exactly once; shuffling is redone from (seed, epoch); and each sample's random
 * transforms draw from a source derived from (seed, epoch, the sample's position in the epoch).
 *
 * <pre>{@code
 * try (DataLoader<LabeledSample<Tensor>, Object> loader = DataLoader.builder(dataset)
 *         .batchSize(64).shuffle(true).numWorkers(2).seed(42).build()) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         for (Object batch : loader) {
 *             train(batch);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Starting an epoch stops what is left of the previous one, so one loader runs one iteration at
 * a time; leave a loop early with {@link BatchIterator#close()} (or close the loader) and its
 * worker threads stop at once. Methods of a loader are called from one thread.
 *
 * @param <T> the sample type
 * @param <B> the batch type, what the collate function makes
 */
public final class DataLoader<T, B> implements Iterable<B>, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "sluice-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    /** Released pinned buffers kept per batch size: enough for every batch in flight and a few in use. */
    private static final int IDLE_BUFFERS_PER_SIZE = 16;

    private final Dataset<T> dataset;
    private final IterableDataset<T> iterableDataset;
    private final LoaderOptions options;
    private final Sampler sampler;
    private final BatchSampler batchSampler;
    private final Collate<? super T, ? extends B> collate;
    private final TensorAllocator allocator;
    private final LoaderResources resources;
    /** The next epoch's number; shared with close actions, which must not refer to the loader. */
    private final AtomicLong nextEpoch = new AtomicLong();

    DataLoader(Dataset<T> dataset, IterableDataset<T> iterableDataset, Collate<? super T, ? extends B> collate,
            LoaderOptions options) {
        this.dataset = dataset;
        this.iterableDataset = iterableDataset;
        this.options = options;
        this.collate = collate;
        this.allocator = options.pinMemory() ? new TensorPool(IDLE_BUFFERS_PER_SIZE) : TensorAllocator.heap();
        if (dataset == null) {
            this.sampler = null;
            this.batchSampler = null;
        } else if (options.batchSampler() != null) {
            this.sampler = null;
            this.batchSampler = options.batchSampler();
        } else {
            this.sampler = options.sampler() != null ? options.sampler()
                    : options.shuffle() ? RandomSampler.of(dataset.size(), options.seed())
                    : new SequentialSampler(dataset.size());
            this.batchSampler = new ChunkedBatchSampler(sampler, options.batchSize(), options.dropLast());
        }
        this.resources = new LoaderResources();
        CLEANER.register(this, resources);
    }

    /**
     * A builder for a loader over a map-style dataset, with PyTorch's defaults: batch size 1, no
     * shuffling, no workers, {@link DefaultCollate}.
     */
    public static <T> DataLoaderBuilder<T, Object> builder(Dataset<T> dataset) {
        return new DataLoaderBuilder<>(Objects.requireNonNull(dataset, "dataset"), null, DefaultCollate.instance());
    }

    /** A builder for a loader over an iterable dataset; shuffle, sampler and batch sampler are refused. */
    public static <T> DataLoaderBuilder<T, Object> builder(IterableDataset<T> dataset) {
        return new DataLoaderBuilder<>(null, Objects.requireNonNull(dataset, "dataset"), DefaultCollate.instance());
    }

    /**
     * The number of batches of an epoch, by PyTorch's formulas: the batch sampler's length; for the
     * default one {@code ceil(n / batch_size)}, or {@code floor(n / batch_size)} with
     * {@code drop_last}, where {@code n} is the sampler's length. For an iterable dataset the same
     * formula over the dataset's reported size, whatever the number of workers (so, as in PyTorch, it
     * can be off when workers' streams end in partial batches).
     *
     * @throws UnsupportedOperationException for an endless dataset, or an iterable one that reports
     *         no size: they have no length
     */
    public long size() {
        if (dataset != null) {
            if (dataset.isEndless()) {
                throw new UnsupportedOperationException("an endless dataset has no length; bound the loop yourself, "
                        + "e.g. loader.stream().limit(steps)");
            }
            return batchSampler.size();
        }
        long n = iterableDataset.size().orElseThrow(() -> new UnsupportedOperationException(
                "the iterable dataset " + iterableDataset + " reports no size, so the loader has no length"));
        int batchSize = options.batchSize();
        return options.dropLast() ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The number the next epoch will have. */
    public long epoch() {
        return nextEpoch.get();
    }

    /**
     * Sets the number of the next epoch, as PyTorch's {@code sampler.set_epoch}: shuffling and
     * augmentation of epoch {@code e} are the same whenever it is run.
     *
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public void setEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        nextEpoch.set(epoch);
    }

    /** The seed every random choice of this loader derives from. */
    public long seed() {
        return options.seed();
    }

    /**
     * Starts the next epoch. Stops what is left of the previous iteration first.
     *
     * @throws IllegalStateException if the loader is closed
     */
    @Override
    public BatchIterator<B> iterator() {
        resources.requireOpen();
        resources.closeIteration();
        long epoch = nextEpoch.get();
        IterationControl control = new IterationControl();
        WorkerPool pool = workers(epoch, control);
        Iteration<B> iteration;
        if (dataset == null) {
            iteration = new IterableIteration<>(epoch, options, control, iterableDataset, collate, allocator, pool);
            nextEpoch.set(epoch + 1);
        } else {
            BatchPlan plan = planFor(epoch);
            BatchAssembly<T, B> assembly = new BatchAssembly<>(dataset, collate, allocator, options.seed(),
                    options.onError());
            iteration = new MapStyleIteration<>(epoch, options, control, plan, assembly, pool);
            // An endless iteration uses one sampler epoch per pass; the next iteration starts after them.
            AtomicLong counter = nextEpoch;
            control.onClose(() -> counter.accumulateAndGet(epoch + Math.max(1, plan.passesStarted()), Math::max));
            nextEpoch.set(epoch + 1);
        }
        resources.start(control);
        CLEANER.register(iteration, control);
        return iteration;
    }

    private WorkerPool workers(long epoch, IterationControl control) {
        if (options.numWorkers() == 0) {
            return null;
        }
        Object source = dataset != null ? dataset : iterableDataset;
        if (!options.persistentWorkers()) {
            WorkerPool pool = new WorkerPool(options.numWorkers(), options.seed(), epoch, source, options.workerInitFn());
            control.onClose(pool::close);
            return pool;
        }
        if (resources.persistentPool == null) {
            resources.persistentPool = new WorkerPool(options.numWorkers(), options.seed(), epoch, source,
                    options.workerInitFn());
        }
        return resources.persistentPool;
    }

    private BatchPlan planFor(long epoch) {
        if (!dataset.isEndless()) {
            return BatchPlan.finite(batchSampler, epoch);
        }
        return sampler != null ? BatchPlan.endless(sampler, options.batchSize(), epoch)
                : BatchPlan.endless(batchSampler, epoch);
    }

    /**
     * The epochs as a sequential stream of batches, for {@code loader.stream().limit(steps)}.
     * Closing the stream (try-with-resources) stops its workers.
     */
    public Stream<B> stream() {
        BatchIterator<B> batches = iterator();
        Spliterator<B> spliterator = Spliterators.spliteratorUnknownSize(batches,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(batches::close);
    }

    /**
     * Gives the memory of a batch's tensors back for reuse by later batches, when the loader pins
     * memory; does nothing otherwise. Afterwards the batch must not be read. A batch that is never
     * released is garbage-collected as usual.
     *
     * @throws IllegalArgumentException if the batch holds a record whose components cannot be read
     */
    public void release(B batch) {
        Batches.release(batch, allocator);
    }

    /** Stops every worker thread of this loader and ends its iteration. Idempotent. */
    @Override
    public void close() {
        resources.close();
    }

    /** The dataset this loader reads: a {@link Dataset} or an {@link IterableDataset}. */
    public Object dataset() {
        return dataset != null ? dataset : iterableDataset;
    }

    /** The loader's options in PyTorch's terms, for logs. */
    @Override
    public String toString() {
        return "DataLoader[batch_size=" + options.batchSize() + ", shuffle=" + options.shuffle() + ", num_workers="
                + options.numWorkers() + ", drop_last=" + options.dropLast() + ", pin_memory=" + options.pinMemory()
                + ", seed=" + options.seed() + "]";
    }

    /** What must be stopped when the loader is closed or collected; never refers to the loader. */
    private static final class LoaderResources implements Runnable {
        private IterationControl iteration;
        private WorkerPool persistentPool;
        private boolean closed;

        synchronized void requireOpen() {
            if (closed) {
                throw new IllegalStateException("this DataLoader is closed");
            }
        }

        synchronized void start(IterationControl control) {
            iteration = control;
        }

        synchronized void closeIteration() {
            if (iteration != null) {
                iteration.close();
                iteration = null;
            }
        }

        synchronized void close() {
            closed = true;
            try {
                closeIteration();
            } finally {
                if (persistentPool != null) {
                    persistentPool.close();
                    persistentPool = null;
                }
            }
        }

        @Override
        public void run() {
            close();
        }
    }
}
