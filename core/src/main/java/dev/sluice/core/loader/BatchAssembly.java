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
     * Loads batch {@code number} of {@code epoch}. Never throws: a failure comes back in the outcome.
     *
     * @param stopped checked between samples, so a closed iteration stops early
     */
    Outcome<B> assemble(long epoch, long number, long firstPosition, long[] indices, int worker, BooleanSupplier stopped) {
        List<T> samples = new ArrayList<>(indices.length);
        long[] loaded = new long[indices.length];
        List<SkippedSample> skipped = List.of();
        for (int i = 0; i < indices.length; i++) {
            if (stopped.getAsBoolean()) {
                return Outcome.failure(number, worker, new LoaderException("iteration closed", null), skipped);
            }
            long index = indices[i];
            try {
                T sample = dataset.get(index, Seeds.random(seed, epoch, firstPosition + i));
                if (sample == null) {
                    throw new NullPointerException(dataset.getClass().getName() + ".get returned null");
                }
                loaded[samples.size()] = index;
                samples.add(sample);
            } catch (Exception e) {
                if (onError != ErrorPolicy.SKIP) {
                    return Outcome.failure(number, worker, sampleFailure(index, epoch, number, e), skipped);
                }
                if (skipped.isEmpty()) {
                    skipped = new ArrayList<>();
                }
                skipped.add(new SkippedSample(index, source(index),
                        e instanceof SampleLoadException own ? own.reason() : LoaderException.reasonOf(e)));
            } catch (Throwable error) {
                return Outcome.failure(number, worker, sampleFailure(index, epoch, number, error), skipped);
            }
        }
        if (samples.size() < loaded.length) {
            loaded = Arrays.copyOf(loaded, samples.size());
        }
        if (samples.isEmpty()) {
            return Outcome.batch(number, worker, null, loaded, skipped);
        }
        try {
            B batch = collate.collate(Collections.unmodifiableList(samples), allocator);
            if (batch == null) {
                throw new NullPointerException(collate.getClass().getName() + ".collate returned null");
            }
            return Outcome.batch(number, worker, batch, loaded, skipped);
        } catch (Throwable failure) {
            return Outcome.failure(number, worker, new LoaderException("collate failed for batch " + number + " of epoch "
                    + epoch + ": " + LoaderException.reasonOf(failure), failure), skipped);
        }
    }

    private SampleLoadException sampleFailure(long index, long epoch, long number, Throwable cause) {
        SampleLoadException failure;
        if (cause instanceof SampleLoadException own && own.index() == index) {
            failure = own;
        } else {
            String source = source(index);
            failure = new SampleLoadException(index, source.isEmpty() ? null : source, LoaderException.reasonOf(cause),
                    cause);
        }
        return failure.during("epoch " + epoch + ", batch " + number);
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
