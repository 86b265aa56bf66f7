package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.collate.SlotCollation;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.sampler.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Reads the samples of one map-style batch and collates them; the same code runs on worker threads
 * and on the caller's thread. Where it can ({@link #writesIntoSlots}), each sample is written straight
 * into its slot of the batch as it is read, which gives the same batch without a tensor per sample. Each sample gets a random source derived from (seed, epoch, position of
 * the sample in the epoch), so augmentation does not depend on which thread loads it.
 */
final class BatchAssembly<T, B> {
    /** Tags the per-sample random streams apart from every other use of the seed. */
    static final long SAMPLE_STREAM = 0x53414D504C45L;

    private final Dataset<T> dataset;
    private final Collate<? super T, ? extends B> collate;
    private final TensorAllocator allocator;
    private final long seed;
    private final ErrorPolicy onError;
    /** The dataset, when its samples are written straight into the batch: see {@link #writesIntoSlots}. */
    private final ImageLabelDataset<?> slots;

    BatchAssembly(Dataset<T> dataset, Collate<? super T, ? extends B> collate, TensorAllocator allocator, long seed,
            ErrorPolicy onError) {
        this.dataset = dataset;
        this.collate = collate;
        this.allocator = allocator;
        this.seed = seed;
        this.onError = onError;
        this.slots = writesIntoSlots(dataset, collate) ? (ImageLabelDataset<?>) dataset : null;
    }

    /**
     * Whether each sample can be written straight into its slot of the batch: the dataset is an
     * {@link ImageLabelDataset} whose transform is a {@link SlotTransform}, and the collate function is
     * {@link LabeledCollate}, whose batch {@link SlotCollation} makes without it.
     */
    static boolean writesIntoSlots(Dataset<?> dataset, Collate<?, ?> collate) {
        return collate instanceof LabeledCollate && dataset instanceof ImageLabelDataset<?> images
                && images.writesIntoSlots();
    }

    /**
     * Loads one batch of {@code epoch}. Never throws: every failure, an {@link Error} included, comes
     * back in the outcome, so that a worker thread always answers.
     *
     * @param stopped checked between samples, so a closed iteration stops early
     */
    Outcome<B> assemble(long epoch, PlannedBatch planned, int worker, BooleanSupplier stopped) {
        try {
            return load(epoch, planned, worker, stopped);
        } catch (Throwable unexpected) {
            return Outcome.failure(planned, worker, new LoaderException("loading batch " + planned.number() + " of epoch "
                    + epoch + " failed: " + LoaderException.reasonOf(unexpected), unexpected), List.of());
        }
    }

    private Outcome<B> load(long epoch, PlannedBatch planned, int worker, BooleanSupplier stopped) {
        long[] indices = planned.indices();
        Gathering<?, B> gathering = slots != null ? new SlotGathering(indices.length) : new ListGathering(indices.length);
        Outcome<B> outcome = null;
        try {
            outcome = gather(gathering, epoch, planned, worker, stopped);
            return outcome;
        } finally {
            if (outcome == null || outcome.batch() == null) {
                gathering.abandon();
            }
        }
    }

    private <S> Outcome<B> gather(Gathering<S, B> gathering, long epoch, PlannedBatch planned, int worker,
            BooleanSupplier stopped) {
        long[] indices = planned.indices();
        long[] loaded = new long[indices.length];
        int count = 0;
        List<SkippedSample> skipped = List.of();
        for (int i = 0; i < indices.length; i++) {
            if (stopped.getAsBoolean()) {
                return Outcome.failure(planned, worker, new LoaderException("iteration closed", null), skipped);
            }
            long index = indices[i];
            S sample;
            try {
                sample = gathering.read(index, Seeds.random(seed, SAMPLE_STREAM, epoch, planned.firstPosition() + i));
                if (sample == null) {
                    // A bug to fix, never a sample to skip.
                    NullPointerException bug = new NullPointerException(dataset.getClass().getName() + ".get(" + index
                            + ") returned null");
                    return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, bug), skipped);
                }
            } catch (IndexOutOfBoundsException samplerBug) {
                // A sampler reaching past the dataset is a bug to fix, never a sample to skip.
                return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, samplerBug), skipped);
            } catch (Exception e) {
                if (onError != ErrorPolicy.SKIP) {
                    return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, e), skipped);
                }
                if (skipped.isEmpty()) {
                    skipped = new ArrayList<>();
                }
                skipped.add(new SkippedSample(index, source(index), sampleFailure(index, epoch, planned, e).reason()));
                continue;
            } catch (Throwable error) {
                return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, error), skipped);
            }
            try {
                gathering.accept(sample);
            } catch (Throwable failure) {
                return collateFailure(epoch, planned, worker, failure, skipped);
            }
            loaded[count++] = index;
        }
        if (count < loaded.length) {
            loaded = Arrays.copyOf(loaded, count);
        }
        if (count == 0) {
            return Outcome.batch(planned, worker, null, loaded, skipped);
        }
        try {
            B batch = gathering.finish();
            if (batch == null) {
                throw new NullPointerException(collate.getClass().getName() + ".collate returned null");
            }
            return Outcome.batch(planned, worker, batch, loaded, skipped);
        } catch (Throwable failure) {
            return collateFailure(epoch, planned, worker, failure, skipped);
        }
    }

    private Outcome<B> collateFailure(long epoch, PlannedBatch planned, int worker, Throwable failure,
            List<SkippedSample> skipped) {
        return Outcome.failure(planned, worker, new LoaderException("collate failed for batch " + planned.number()
                + " of epoch " + epoch + ": " + LoaderException.reasonOf(failure), failure), skipped);
    }

    /** How one batch's samples are read and put together. */
    private interface Gathering<S, B> {
        /** One sample, read with its random source; its failure is the sample's. */
        S read(long index, RandomGenerator random);

        /** Takes a sample into the batch; a failure here is the batch's, as collate's would be. */
        void accept(S sample);

        B finish();

        /** Gives back what an unfinished batch holds. */
        void abandon();
    }

    /** The general route: each sample read whole, then the collate function. */
    private final class ListGathering implements Gathering<T, B> {
        private final List<T> samples;

        ListGathering(int capacity) {
            this.samples = new ArrayList<>(capacity);
        }

        @Override
        public T read(long index, RandomGenerator random) {
            return dataset.get(index, random);
        }

        @Override
        public void accept(T sample) {
            samples.add(sample);
        }

        @Override
        public B finish() {
            return collate.collate(Collections.unmodifiableList(samples), allocator);
        }

        @Override
        public void abandon() {
            samples.clear();
        }
    }

    /** Each sample written into its slot of the batch tensor as it is read: no tensor per sample, no copy. */
    private final class SlotGathering implements Gathering<LabeledSample<SlotTransform.Pending>, B> {
        private final SlotCollation collation;

        SlotGathering(int capacity) {
            this.collation = new SlotCollation(capacity, allocator);
        }

        @Override
        public LabeledSample<SlotTransform.Pending> read(long index, RandomGenerator random) {
            return slots.prepare(index, random);
        }

        @Override
        public void accept(LabeledSample<SlotTransform.Pending> sample) {
            collation.add(sample);
        }

        @Override
        @SuppressWarnings("unchecked")
        public B finish() {
            return (B) collation.finish();
        }

        @Override
        public void abandon() {
            collation.abandon();
        }
    }

    /**
     * The failure of sample {@code index}, placed in its epoch and batch. A dataset's own
     * {@link SampleLoadException} is kept when it is about the same index; one from a dataset
     * beneath (a subset, a concatenation) gives its reason and its own index once.
     */
    private SampleLoadException sampleFailure(long index, long epoch, PlannedBatch planned, Throwable cause) {
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

    private String source(long index) {
        try {
            return dataset.describe(index).orElse("");
        } catch (RuntimeException e) {
            // Only used to word another failure's message; a dataset that cannot say where a sample
            // lives must not hide why the sample failed.
            return "";
        }
    }
}
