package dev.sluice.core.sampler;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PrimitiveIterator;

/**
 * Cuts a sampler's indices into consecutive batches of {@code batchSize}, as PyTorch's
 * {@code BatchSampler(sampler, batch_size, drop_last)}: the last batch is shorter when the sampler's
 * size is not a multiple of {@code batchSize}, and is left out with {@code dropLast}. So 10 indices at
 * batch size 7 give batches of 7 and 3, or one batch of 7 with {@code dropLast}.
 *
 * <pre>{@code
 * BatchSampler batches = new ChunkedBatchSampler(RandomSampler.of(dataset.size(), 42), 64, false);
 * }</pre>
 *
 * <p>Immutable and safe to share between threads if its sampler is (all of Sluice's are); each
 * iterator belongs to one thread.
 */
public final class ChunkedBatchSampler implements BatchSampler {
    private final Sampler sampler;
    private final int batchSize;
    private final boolean dropLast;

    /**
     * @param sampler where the indices come from
     * @param batchSize the number of indices per batch, {@code > 0}
     * @param dropLast whether to leave out a last batch shorter than {@code batchSize}
     * @throws IllegalArgumentException if {@code batchSize <= 0}
     * @throws NullPointerException if {@code sampler} is null
     */
    public ChunkedBatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
        Objects.requireNonNull(sampler, "sampler");
        if (batchSize <= 0) {
            throw new IllegalArgumentException(
                    "batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /**
     * A new iterator over the batches of {@code epoch}, reading the sampler's indices of that epoch as
     * it goes. Each array is fresh and belongs to the caller.
     *
     * @throws IllegalArgumentException if the sampler refuses {@code epoch} (Sluice's samplers refuse a
     *         negative one)
     * @throws IllegalStateException from the iterator, if the sampler yields fewer indices than its
     *         {@code size()} promised
     */
    @Override
    public Iterator<long[]> batches(long epoch) {
        long samples = sampler.size();
        return new Batches(sampler.indices(epoch), samples, batchCount(samples));
    }

    /**
     * The number of batches per epoch: {@code sampler.size() / batchSize} with {@code dropLast}, else
     * that rounded up.
     */
    @Override
    public long size() {
        return batchCount(sampler.size());
    }

    private long batchCount(long samples) {
        long whole = samples / batchSize;
        return dropLast || samples % batchSize == 0 ? whole : whole + 1;
    }

    /** The sampler the indices come from. */
    public Sampler sampler() {
        return sampler;
    }

    /** The number of indices per batch (the last one may have fewer unless {@link #dropLast()}). */
    public int batchSize() {
        return batchSize;
    }

    /** Whether a last batch shorter than {@link #batchSize()} is left out. */
    public boolean dropLast() {
        return dropLast;
    }

    @Override
    public String toString() {
        return "ChunkedBatchSampler[sampler=" + sampler + ", batchSize=" + batchSize + ", dropLast=" + dropLast + "]";
    }

    private final class Batches implements Iterator<long[]> {
        private final PrimitiveIterator.OfLong indices;
        private final long samples;
        private final long count;
        private long read;
        private long emitted;

        Batches(PrimitiveIterator.OfLong indices, long samples, long count) {
            this.indices = indices;
            this.samples = samples;
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return emitted < count;
        }

        @Override
        public long[] next() {
            if (emitted >= count) {
                throw new NoSuchElementException("all " + count + " batches of this epoch have been read");
            }
            long[] batch = new long[(int) Math.min(batchSize, samples - read)];
            for (int i = 0; i < batch.length; i++) {
                if (!indices.hasNext()) {
                    throw new IllegalStateException(sampler + " yielded " + read + " indices, but its size() is "
                            + samples);
                }
                batch[i] = indices.nextLong();
                read++;
            }
            emitted++;
            return batch;
        }
    }
}
