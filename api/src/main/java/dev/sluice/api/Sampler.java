package dev.sluice.api;

import java.util.PrimitiveIterator;

/**
 * The dataset indices of one epoch, in the order they are to be read, as PyTorch's {@code Sampler}.
 *
 * <p>Randomness comes from the sampler's own seed and the {@code epoch} argument, never from a
 * global source, so the same sampler gives the same indices for the same epoch on every call, in
 * every thread and every process. The loader passes its epoch number, so there is no
 * {@code set_epoch} to forget.
 *
 * <pre>{@code
 * Sampler everyOther = new Sampler() {
 *     public PrimitiveIterator.OfLong indices(long epoch) { return LongStream.range(0, 5).map(i -> 2 * i).iterator(); }
 *     public long size() { return 5; }
 * };
 * }</pre>
 */
public interface Sampler {

    /**
     * A new iterator over the indices of {@code epoch}.
     *
     * @param epoch the epoch number, {@code >= 0}
     */
    PrimitiveIterator.OfLong indices(long epoch);

    /** How many indices {@link #indices(long)} yields per epoch, {@code >= 0}. */
    long size();
}
