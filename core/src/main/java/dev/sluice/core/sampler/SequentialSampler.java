package dev.sluice.core.sampler;

import dev.sluice.api.Sampler;
import java.util.PrimitiveIterator;

/**
 * The indices {@code 0, 1, ..., size - 1} in order, every epoch, as PyTorch's {@code SequentialSampler}.
 * What a loader uses when it does not shuffle.
 *
 * <pre>{@code
 * Sampler inOrder = new SequentialSampler(dataset.size());
 * }</pre>
 *
 * <p>Immutable and safe to share between threads; each iterator belongs to one thread.
 */
public final class SequentialSampler implements Sampler {
    private final long size;

    /**
     * @param size the number of dataset indices, {@code >= 0}
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public SequentialSampler(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        this.size = size;
    }

    /**
     * The indices {@code 0} to {@code size - 1}, whatever the epoch.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    @Override
    public PrimitiveIterator.OfLong indices(long epoch) {
        EpochCheck.requireValid(epoch);
        return new CountedIterator(size) {
            @Override
            long indexAt(long position) {
                return position;
            }
        };
    }

    /** The number of dataset indices, as given to the constructor. */
    @Override
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return "SequentialSampler[size=" + size + "]";
    }
}
