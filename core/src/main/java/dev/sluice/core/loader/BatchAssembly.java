package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.Dataset;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.dataset.SlotSamples;
import dev.sluice.core.sampler.Seeds;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Reads the samples of one map-style batch and collates them; the same code runs on worker threads
 * and on the caller's thread, and several threads can load one batch together ({@link #share}).
 * Where it can (the dataset has the {@link SlotSamples.Indexed} capability and the collate function
 * is {@link LabeledCollate}), each sample is written straight into its slot of the batch
 * as it is read, which gives the same batch without a tensor per sample; only there, where each
 * decoded image's life ends when its sample is written, does the dataset get the thread's
 * {@link DecodeBuffers} to decode into. Samples read whole (the collate function's route) may be
 * kept by anyone, so they are decoded into memory of their own. Each sample gets a random
 * source derived from (seed, epoch, position of the sample in the epoch), so augmentation does not
 * depend on which thread loads it.
 */
final class BatchAssembly<T, B> {
    /** Tags the per-batch random streams of batch transforms apart from every other use of the seed. */
    private static final long BATCH_STREAM = 0x4241544348L;
    private final Dataset<T> dataset;
    private final Collate<? super T, ? extends B> collate;
    /** Applied to each collated batch; null for none. */
    private final BatchTransform<B> batchTransform;
    private final TensorAllocator allocator;
    private final long seed;
    private final ErrorPolicy onError;
    /** The dataset, when its samples are written straight into the batch: see {@link #writesIntoSlots}. */
    private final SlotSamples.Indexed slots;

    BatchAssembly(Dataset<T> dataset, Collate<? super T, ? extends B> collate, BatchTransform<B> batchTransform,
            TensorAllocator allocator, long seed, ErrorPolicy onError) {
        this.dataset = dataset;
        this.collate = collate;
        this.batchTransform = batchTransform;
        this.allocator = allocator;
        this.seed = seed;
        this.onError = onError;
        this.slots = dataset instanceof SlotSamples.Indexed samples && writesIntoSlots(dataset, collate) ? samples
                : null;
    }

    /**
     * Whether each sample can be written straight into its slot of the batch: the dataset has the
     * {@link SlotSamples} capability (either form) and says its samples write into slots, and the
     * collate function is {@link LabeledCollate}, whose batch {@link dev.sluice.core.collate.SlotCollation}
     * makes without it. The map-style and the stream iterations both decide here.
     */
    static boolean writesIntoSlots(Object dataset, Collate<?, ?> collate) {
        return collate instanceof LabeledCollate && dataset instanceof SlotSamples samples
                && samples.writesIntoSlots();
    }

    /**
     * Loads one batch of {@code epoch} on this thread. Never throws: every failure, an {@link Error}
     * included, comes back in the outcome, so that a worker thread always answers.
     *
     * @param stopped checked between samples, so a closed iteration stops early
     * @param buffers this thread's decode buffers ({@link BatchWork#participate})
     */
    Outcome<B> assemble(long epoch, PlannedBatch planned, int worker, BooleanSupplier stopped, DecodeBuffers buffers) {
        return share(epoch, planned, worker, 1).participate(stopped, buffers);
    }

    /**
     * One batch of {@code epoch} that several threads can load together, each calling
     * {@link BatchWork#participate} (or {@link BatchWork#leave} when it cannot); the last one gets the
     * outcome.
     *
     * @param owner the worker the batch is sent to, named in its outcome, or -1
     * @param participants the threads counted in from the start (the epoch's first batch: every
     *        worker), or 0 for a batch its owner {@linkplain BatchWork#start starts} and idle workers
     *        may join
     */
    BatchWork<?, B> share(long epoch, PlannedBatch planned, int owner, int participants) {
        int capacity = planned.indices().length;
        if (slots != null) {
            return new BatchWork<>(this, epoch, planned, slots::prepare, new BatchCollector.Slotted<B>(allocator,
                    capacity), owner, participants);
        }
        return new BatchWork<>(this, epoch, planned, (index, random, buffers) -> dataset.get(index, random),
                new BatchCollector.Listed<T, B>(collate, allocator, capacity), owner, participants);
    }

    /** Sample {@code position}'s random source: keyed by seed, epoch and position, never by thread. */
    RandomGenerator random(long epoch, long position) {
        return SampleRandom.at(seed, epoch, position);
    }

    /**
     * The collated batch number {@code number} of {@code epoch} through the batch transform, if there
     * is one, with a random source keyed by seed, epoch and batch number only.
     */
    B transformed(B batch, long epoch, long number) {
        return batchTransform == null ? batch
                : batchTransform.apply(batch, Seeds.random(seed, BATCH_STREAM, epoch, number), allocator);
    }

    String batchTransformName() {
        return batchTransform.describe();
    }

    boolean skips() {
        return onError == ErrorPolicy.SKIP;
    }

    String datasetName() {
        return dataset.getClass().getName();
    }

    String collateName() {
        return collate.getClass().getName();
    }

    /**
     * The failure of sample {@code index}, placed in its epoch and batch. A dataset's own
     * {@link SampleLoadException} is kept when it is about the same index; one from a dataset
     * beneath (a subset, a concatenation) gives its reason and its own index once.
     */
    SampleLoadException sampleFailure(long index, long epoch, PlannedBatch planned, Throwable cause) {
        SampleLoadException failure;
        if (cause instanceof SampleLoadException own && own.index() == index) {
            failure = own;
        } else if (cause instanceof SampleLoadException inner) {
            String source = inner.source().orElse(source(index));
            failure = new SampleLoadException(index, source.isEmpty() ? null : source, inner.reason()
                    + " (sample " + inner.index() + " of the dataset beneath)", inner);
        } else {
            String source = source(index);
            failure = new SampleLoadException(index, source.isEmpty() ? null : source, LoaderException.reasonOf(cause),
                    cause);
        }
        return failure.during("epoch " + epoch + ", batch " + planned.number());
    }

    String source(long index) {
        try {
            return dataset.describe(index).orElse("");
        } catch (RuntimeException e) {
            // Only used to word another failure's message; a dataset that cannot say where a sample
            // lives must not hide why the sample failed.
            return "";
        }
    }
}
