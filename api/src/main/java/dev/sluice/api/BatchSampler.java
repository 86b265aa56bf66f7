package dev.sluice.api;

import java.util.Iterator;

/**
 * The batches of one epoch, each an array of dataset indices, as PyTorch's {@code batch_sampler}.
 *
 * <p>Like a {@link Sampler}, a batch sampler is a pure function of its own seed and the epoch, and
 * may be called from any thread.
 */
public interface BatchSampler {

    /**
     * A new iterator over the batches of {@code epoch}; each array is fresh and owned by the caller.
     *
     * @param epoch the epoch number, {@code >= 0}
     */
    Iterator<long[]> batches(long epoch);

    /** How many batches {@link #batches(long)} yields per epoch, {@code >= 0}. */
    long size();
}
