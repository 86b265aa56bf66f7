package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.sampler.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads the samples of one map-style batch and collates them; the same code runs on worker threads
 * and on the caller's thread. Each sample gets a random source derived from (seed, epoch, position of
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

    BatchAssembly(Dataset<T> dataset, Collate<? super T, ? extends B> collate, TensorAllocator allocator, long seed,
            ErrorPolicy onError) {
        this.dataset = dataset;
        this.collate = collate;
        this.allocator = allocator;
        this.seed = seed;
        this.onError = onError;
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
        List<T> samples = new ArrayList<>(indices.length);
        long[] loaded = new long[indices.length];
        List<SkippedSample> skipped = List.of();
        for (int i = 0; i < indices.length; i++) {
            if (stopped.getAsBoolean()) {
                return Outcome.failure(planned, worker, new LoaderException("iteration closed", null), skipped);
            }
            long index = indices[i];
            try {
                T sample = dataset.get(index, Seeds.random(seed, SAMPLE_STREAM, epoch, planned.firstPosition() + i));
                if (sample == null) {
                    // A bug to fix, never a sample to skip.
                    NullPointerException bug = new NullPointerException(dataset.getClass().getName() + ".get(" + index
                            + ") returned null");
                    return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, bug), skipped);
                }
                loaded[samples.size()] = index;
                samples.add(sample);
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
            } catch (Throwable error) {
                return Outcome.failure(planned, worker, sampleFailure(index, epoch, planned, error), skipped);
            }
        }
        if (samples.size() < loaded.length) {
            loaded = Arrays.copyOf(loaded, samples.size());
        }
        if (samples.isEmpty()) {
            return Outcome.batch(planned, worker, null, loaded, skipped);
        }
        try {
            B batch = collate.collate(Collections.unmodifiableList(samples), allocator);
            if (batch == null) {
                throw new NullPointerException(collate.getClass().getName() + ".collate returned null");
            }
            return Outcome.batch(planned, worker, batch, loaded, skipped);
        } catch (Throwable failure) {
            return Outcome.failure(planned, worker, new LoaderException("collate failed for batch " + planned.number()
                    + " of epoch " + epoch + ": " + LoaderException.reasonOf(failure), failure), skipped);
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
