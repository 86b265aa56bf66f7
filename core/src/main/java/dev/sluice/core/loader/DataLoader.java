package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.IterableDataset;
import dev.sluice.api.Sampler;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.DefaultCollate;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.LabeledDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.ResumableDataset;
import dev.sluice.core.sampler.ChunkedBatchSampler;
import dev.sluice.core.sampler.RandomSampler;
import dev.sluice.core.sampler.SequentialSampler;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.List;
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
 * transforms draw from a source derived from (seed, epoch, the sample's position in the epoch); a
 * {@linkplain DataLoaderBuilder#batchTransform batch transform} (MixUp, CutMix) draws from one
 * derived from (seed, epoch, batch number).
 *
 * <p>With workers, each batch is one worker's, except an epoch's first, which all of them load
 * together so that it arrives sooner. When the dataset has the
 * {@link dev.sluice.core.dataset.SlotSamples} capability (an {@code ImageLabelDataset} or a
 * {@code ShardDataset} whose transform is a {@link dev.sluice.api.SlotTransform}) and the collate
 * function is {@code LabeledCollate}, each sample is written straight into its place in the batch
 * tensor.
 * Neither changes a batch.
 *
 * <pre>{@code
 * ImageLabelDataset<Tensor> dataset = ImageFolder.of(Path.of("train"), transform);
 * try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(dataset)
 *         .batchSize(64).shuffle(true).numWorkers(2).seed(42).build()) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         for (LabeledBatch batch : loader) {
 *             train(batch.images(), batch.labels());
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
    /** Released batch buffers kept per batch size beyond those in flight: the ones the caller holds. */
    private static final int IDLE_BUFFERS_IN_USE = 4;

    private final Dataset<T> dataset;
    private final IterableDataset<T> iterableDataset;
    private final LoaderOptions options;
    private final Sampler sampler;
    private final BatchSampler batchSampler;
    private final Collate<? super T, ? extends B> collate;
    /** Applied to each map-style batch after collation; null for none. */
    private final BatchTransform<B> batchTransform;
    private final TensorAllocator allocator;
    private final LoaderResources resources;
    /** What the positions of this loader's states refer to; null until first asked for. */
    private LoaderState.Plan plan;
    /** The next epoch's number; shared with close actions, which must not refer to the loader. */
    private final AtomicLong nextEpoch = new AtomicLong();

    DataLoader(Dataset<T> dataset, IterableDataset<T> iterableDataset, Collate<? super T, ? extends B> collate,
            BatchTransform<B> batchTransform, LoaderOptions options) {
        this.dataset = dataset;
        this.batchTransform = batchTransform;
        this.iterableDataset = iterableDataset;
        this.options = options;
        this.collate = collate;
        this.allocator = new TensorPool(options.pinMemory(), options.window() + IDLE_BUFFERS_IN_USE);
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

    /**
     * A builder for a loader over a dataset of labelled samples, with PyTorch's defaults (batch size
     * 1, no shuffling, no workers) and typed batches: {@link LabeledCollate} stacks each batch's
     * images and labels into a {@link LabeledBatch}.
     */
    public static <T> DataLoaderBuilder<LabeledSample<T>, LabeledBatch> builder(LabeledDataset<T> dataset) {
        return new DataLoaderBuilder<>(Objects.requireNonNull(dataset, "dataset"), null, new LabeledCollate());
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
        return options.dropLast() || n % batchSize == 0 ? n / batchSize : n / batchSize + 1;
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
        LoaderState resumed = resources.takeResumeState(epoch);
        IterationControl control = new IterationControl();
        try {
            Iteration<B> iteration = dataset == null ? iterableIteration(epoch, control, resumed)
                    : mapStyleIteration(epoch, control, resumed);
            nextEpoch.compareAndSet(epoch, epoch + 1);
            resources.start(control, iteration);
            CLEANER.register(iteration, control);
            return iteration;
        } catch (RuntimeException | Error e) {
            control.close();
            throw e;
        }
    }

    private Iteration<B> iterableIteration(long epoch, IterationControl control, LoaderState resumed) {
        return new IterableIteration<>(epoch, options, control, this, iterableDataset, collate, allocator,
                workers(epoch, control), resumed);
    }

    private Iteration<B> mapStyleIteration(long epoch, IterationControl control, LoaderState resumed) {
        // Plan first: a sampler that fails to start must not leave worker threads behind.
        boolean endless = dataset.isEndless();
        BatchPlan plan;
        if (resumed == null) {
            plan = !endless ? BatchPlan.finite(batchSampler, epoch)
                    : sampler != null ? BatchPlan.endless(sampler, options.batchSize(), epoch)
                    : BatchPlan.endless(batchSampler, epoch, new DeliveredPositions(), 0);
        } else if (sampler != null) {
            plan = BatchPlan.resumed(sampler, endless, options.batchSize(), options.dropLast(), epoch,
                    resumed.delivered(), resumed.batchesDelivered());
        } else {
            plan = endless ? BatchPlan.endless(batchSampler, epoch, resumed.delivered(), resumed.batchesDelivered())
                    : BatchPlan.resumed(batchSampler, epoch, resumed.delivered(), resumed.batchesDelivered());
        }
        BatchAssembly<T, B> assembly = new BatchAssembly<>(dataset, collate, batchTransform, allocator,
                options.seed(), options.onError());
        MapStyleIteration<B> iteration = new MapStyleIteration<>(epoch, options, control, this, resumed, plan, assembly,
                workers(epoch, control));
        if (dataset.isEndless()) {
            // Each pass of an endless iteration is sampled as one epoch; the next iteration starts after
            // the last pass a delivered batch came from, unless setEpoch chose another.
            AtomicLong counter = nextEpoch;
            AtomicLong lastPass = iteration.lastPassDelivered();
            control.onClose(() -> counter.compareAndSet(epoch + 1, epoch + 1 + Math.max(0, lastPass.get())));
        }
        return iteration;
    }

    private WorkerPool workers(long epoch, IterationControl control) {
        if (options.numWorkers() == 0) {
            return null;
        }
        if (options.persistentWorkers() && resources.persistentPool != null) {
            return resources.persistentPool;
        }
        WorkerPool pool = new WorkerPool(options.numWorkers(), options.seed(), epoch, dataset(), options.workerInitFn(),
                resources.spareBuffers(options.numWorkers()));
        if (options.persistentWorkers()) {
            resources.persistentPool = pool;
        } else {
            control.onClose(pool::close);
        }
        return pool;
    }

    /**
     * Where this loader is: the epoch in progress and the sample positions of it already handed out
     * (or, when no epoch is in progress, the next epoch), with the identity of the plan they refer
     * to. Save it to continue later with {@link #restore}. Over a {@link ResumableDataset}, the state
     * holds each worker stream's position after the last batch it handed out.
     *
     * @throws UnsupportedOperationException for an iterable dataset that is not a
     *         {@link ResumableDataset}, whose stream position only the dataset itself could record
     */
    public LoaderState state() {
        requireResumable();
        LoaderState.Plan plan = plan();
        LoaderState current = resources.currentState(plan);
        return current != null ? current : new LoaderState(nextEpoch.get(), 0, new long[0], 0, plan);
    }

    private void requireResumable() {
        if (dataset == null && !(iterableDataset instanceof ResumableDataset<?>)) {
            throw new UnsupportedOperationException("the iterable dataset " + iterableDataset.getClass().getName()
                    + " cannot say where its streams are; a loader can save and restore its place only over a "
                    + "map-style dataset or a ResumableDataset");
        }
    }

    /** What this loader's positions refer to; worked out once (a dataset's digest may read all its entries). */
    private LoaderState.Plan plan() {
        if (plan == null) {
            plan = PlanIdentity.of(dataset != null ? dataset : iterableDataset, dataset == null || dataset.isEndless()
                    || options.batchSampler() != null ? -1 : sampler.size(), options,
                    batchTransform == null ? PlanIdentity.NO_BATCH_TRANSFORM : batchTransform.describe());
        }
        return plan;
    }

    /**
     * Continues from a saved state: the next {@link #iterator()} is the saved epoch and delivers
     * exactly the samples it had not yet delivered, each once, without loading the others. The
     * batch size and the number of workers may differ from the loader's that saved it: the
     * remaining samples are cut into batches of this loader's size, and for a stream the saved
     * streams' remainders are shared out among this loader's workers by
     * {@link ResumableDataset#redistribute}, when the dataset can.
     *
     * @throws IllegalArgumentException naming the setting and both values when the state was saved
     *         by a loader whose samples come in another order (seed, shuffle, sampler, drop_last,
     *         dataset size or contents), or for a stream, with another number of workers that the
     *         dataset cannot redistribute
     * @throws UnsupportedOperationException for an iterable dataset that is not a {@link ResumableDataset}
     */
    public void restore(LoaderState state) {
        requireResumable();
        PlanIdentity.requireSame(state.plan(), plan());
        int streams = Math.max(1, options.numWorkers());
        LoaderState continued = state;
        if (dataset == null && !state.streamPositions().isEmpty() && state.streamPositions().size() != streams) {
            List<String> positions = ((ResumableDataset<?>) iterableDataset).redistribute(state.epoch(),
                    state.streamPositions(), streams);
            continued = new LoaderState(state.epoch(), state.samplesDelivered(), state.alsoDelivered(),
                    state.batchesDelivered(), state.plan(), positions, 0);
        }
        resources.closeIteration();
        nextEpoch.set(state.epoch());
        resources.resumeWith(continued);
    }

    /**
     * The next epoch as a sequential stream of batches (an endless one for an endless dataset, for
     * {@code loader.stream().limit(steps)}). Closing the stream (try-with-resources) stops its workers.
     */
    public Stream<B> stream() {
        BatchIterator<B> batches = iterator();
        Spliterator<B> spliterator = Spliterators.spliteratorUnknownSize(batches,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(batches::close);
    }

    /**
     * Gives the memory of a batch's tensors back for reuse by later batches (direct buffers when the
     * loader pins memory, heap buffers otherwise), so that a loop that releases each batch allocates
     * no batch memory once the first few batches are made. Afterwards the batch must not be read. A
     * batch that is never released is garbage-collected as usual.
     *
     * @throws IllegalArgumentException if the batch holds a record whose components cannot be read
     */
    public void release(B batch) {
        BatchMemory.release(batch, allocator);
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
        /** The running iteration, weakly: only asked for its state, and must stay collectable. */
        private WeakReference<Iteration<?>> running = new WeakReference<>(null);
        private WorkerPool persistentPool;
        /** The workers' decode buffers between epochs; dropped with the loader. */
        private SpareDecodeBuffers spareBuffers;
        private LoaderState resumeState;
        private boolean closed;

        synchronized void requireOpen() {
            if (closed) {
                throw new IllegalStateException("this DataLoader is closed");
            }
        }

        synchronized void start(IterationControl control, Iteration<?> started) {
            iteration = control;
            running = new WeakReference<>(started);
        }

        synchronized SpareDecodeBuffers spareBuffers(int workers) {
            if (spareBuffers == null) {
                spareBuffers = new SpareDecodeBuffers(workers);
            }
            return spareBuffers;
        }

        synchronized void resumeWith(LoaderState state) {
            resumeState = state;
        }

        /** The state to resume {@code epoch} from, once; null when not resuming that epoch. */
        synchronized LoaderState takeResumeState(long epoch) {
            LoaderState state = resumeState != null && resumeState.epoch() == epoch ? resumeState : null;
            resumeState = null;
            return state;
        }

        /** The state of the last iteration started, or of a restore not yet started; null when neither. */
        synchronized LoaderState currentState(LoaderState.Plan plan) {
            if (resumeState != null) {
                return new LoaderState(resumeState.epoch(), resumeState.samplesDelivered(),
                        resumeState.alsoDelivered(), resumeState.batchesDelivered(), plan,
                        resumeState.streamPositions(), resumeState.nextStream());
            }
            Iteration<?> last = running.get();
            return last == null ? null : last.state(plan);
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
                spareBuffers = null;
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
