package dev.sluice.core.sampler;

import dev.sluice.api.Sampler;
import java.util.Objects;
import java.util.PrimitiveIterator;

/**
 * A given list of dataset indices in a random order that changes every epoch, as PyTorch's
 * {@code SubsetRandomSampler}: each epoch yields every listed index once (a listed duplicate, once per
 * listing). Typical use is a train/validation split of one dataset.
 *
 * <p>The order is a pure function of (seed, epoch). Each iterator holds an {@code int[]} of the
 * list's length (4 bytes per index) and shuffles it by Fisher–Yates as it advances.
 *
 * <pre>{@code
 * Sampler validation = new SubsetRandomSampler(new long[] {3, 14, 15, 92}, 42);
 * }</pre>
 *
 * <p>Immutable (it keeps its own copy of the indices) and safe to share between threads; each
 * iterator belongs to one thread.
 */
public final class SubsetRandomSampler implements Sampler, OrderIdentity {
    private final long[] indices;
    private final long seed;

    /**
     * @param indices the dataset indices to draw from, each {@code >= 0}; may be empty; copied
     * @param seed the seed every epoch's order derives from
     * @throws IllegalArgumentException if an index is negative (the message names its position)
     * @throws NullPointerException if {@code indices} is null
     */
    public SubsetRandomSampler(long[] indices, long seed) {
        this.indices = Objects.requireNonNull(indices, "indices").clone();
        for (int i = 0; i < this.indices.length; i++) {
            if (this.indices[i] < 0) {
                throw new IllegalArgumentException("indices[" + i + "] must be >= 0, was " + this.indices[i]);
            }
        }
        this.seed = seed;
    }

    /**
     * A new iterator over the listed indices in the order of {@code epoch}.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    @Override
    public PrimitiveIterator.OfLong indices(long epoch) {
        EpochCheck.requireValid(epoch);
        Shuffle shuffle = new Shuffle(indices.length);
        shuffle.restart(Seeds.random(seed, epoch));
        return new CountedIterator(indices.length) {
            @Override
            long indexAt(long position) {
                return indices[(int) shuffle.at(position)];
            }
        };
    }

    /** The number of listed indices. */
    @Override
    public long size() {
        return indices.length;
    }

    /** The seed every epoch's order derives from. */
    public long seed() {
        return seed;
    }

    /** {@inheritDoc} */
    @Override
    public String orderIdentity() {
        return "subset(indices=" + indices.length + ":" + SamplerDigest.of(indices) + ",seed=" + seed + ")";
    }

    @Override
    public String toString() {
        return "SubsetRandomSampler[size=" + indices.length + ", seed=" + seed + "]";
    }
}
