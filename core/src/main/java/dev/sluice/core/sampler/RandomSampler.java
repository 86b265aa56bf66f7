package dev.sluice.core.sampler;

import dev.sluice.api.Sampler;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * Dataset indices in a random order that changes every epoch, as PyTorch's {@code RandomSampler}.
 *
 * <p>Without replacement, an epoch of {@code numSamples} indices is {@code numSamples / size} full
 * permutations of {@code [0, size)}, each drawn afresh, followed by the first
 * {@code numSamples % size} indices of one more; so 25 samples of 10 indices visit every index two
 * or three times. With replacement, every index is an independent uniform draw from {@code [0, size)}.
 *
 * <p>The order is a pure function of (seed, epoch): the same sampler gives the same indices for the
 * same epoch on every call and in every thread. Permutations are Fisher–Yates shuffles over an
 * {@code int[]} of {@code size} entries (4 bytes per index, made when an iterator is, and drawn as
 * the iterator advances); above {@code Integer.MAX_VALUE - 8} indices a keyed Feistel permutation in
 * constant memory takes their place.
 *
 * <pre>{@code
 * Sampler shuffled = RandomSampler.of(dataset.size(), 42);
 * Sampler twiceAsLong = RandomSampler.withoutReplacement(dataset.size(), 2 * dataset.size(), 42);
 * Sampler bootstrap = RandomSampler.withReplacement(dataset.size(), dataset.size(), 42);
 * }</pre>
 *
 * <p>Immutable and safe to share between threads; each iterator belongs to one thread.
 */
public final class RandomSampler implements Sampler, OrderIdentity {
    private final long datasetSize;
    private final long numSamples;
    private final boolean replacement;
    private final long seed;

    private RandomSampler(long datasetSize, long numSamples, boolean replacement, long seed) {
        if (numSamples <= 0) {
            throw new IllegalArgumentException(
                    "num_samples should be a positive integer value, but got num_samples=" + numSamples);
        }
        if (datasetSize <= 0) {
            throw new IllegalArgumentException("size must be > 0 to draw num_samples=" + numSamples
                    + " indices from it, was " + datasetSize);
        }
        this.datasetSize = datasetSize;
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.seed = seed;
    }

    /**
     * A fresh permutation of {@code [0, size)} every epoch: PyTorch's {@code RandomSampler(dataset)}.
     *
     * @param size the number of dataset indices, {@code > 0}
     * @param seed the seed every epoch's order derives from
     * @throws IllegalArgumentException if {@code size <= 0} (PyTorch: "num_samples should be a positive
     *         integer value, but got num_samples=0")
     */
    public static RandomSampler of(long size, long seed) {
        return new RandomSampler(size, size, false, seed);
    }

    /**
     * {@code numSamples} indices without replacement: whole permutations of {@code [0, size)}, then the
     * head of one more. {@code numSamples} may exceed {@code size}.
     *
     * @param size the number of dataset indices, {@code > 0}
     * @param numSamples the number of indices per epoch, {@code > 0}
     * @param seed the seed every epoch's order derives from
     * @throws IllegalArgumentException if {@code numSamples <= 0} or {@code size <= 0}
     */
    public static RandomSampler withoutReplacement(long size, long numSamples, long seed) {
        return new RandomSampler(size, numSamples, false, seed);
    }

    /**
     * {@code numSamples} independent uniform draws from {@code [0, size)}: PyTorch's
     * {@code RandomSampler(dataset, replacement=True, num_samples=numSamples)}.
     *
     * @param size the number of dataset indices, {@code > 0}
     * @param numSamples the number of indices per epoch, {@code > 0}
     * @param seed the seed every epoch's draws derive from
     * @throws IllegalArgumentException if {@code numSamples <= 0} or {@code size <= 0}
     */
    public static RandomSampler withReplacement(long size, long numSamples, long seed) {
        return new RandomSampler(size, numSamples, true, seed);
    }

    /**
     * A new iterator over the {@link #size()} indices of {@code epoch}. Without replacement it holds
     * an {@code int[datasetSize()]}.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    @Override
    public PrimitiveIterator.OfLong indices(long epoch) {
        EpochCheck.requireValid(epoch);
        if (replacement) {
            SplittableRandom random = Seeds.random(seed, epoch);
            return new CountedIterator(numSamples) {
                @Override
                long indexAt(long position) {
                    return random.nextLong(datasetSize);
                }
            };
        }
        Shuffle shuffle = new Shuffle(datasetSize);
        return new CountedIterator(numSamples) {
            @Override
            long indexAt(long position) {
                long inPass = position % datasetSize;
                if (inPass == 0) {
                    shuffle.restart(Seeds.random(seed, epoch, position / datasetSize));
                }
                return shuffle.at(inPass);
            }
        };
    }

    /** The number of indices per epoch: {@code numSamples}, which is the dataset size unless given. */
    @Override
    public long size() {
        return numSamples;
    }

    /** The number of dataset indices drawn from: every index is in {@code [0, datasetSize())}. */
    public long datasetSize() {
        return datasetSize;
    }

    /** Whether an index may repeat before the others have been drawn. */
    public boolean replacement() {
        return replacement;
    }

    /** The seed every epoch's order derives from. */
    public long seed() {
        return seed;
    }

    /** {@inheritDoc} */
    @Override
    public String orderIdentity() {
        return "random(dataset_size=" + datasetSize + ",num_samples=" + numSamples + ",replacement=" + replacement
                + ",seed=" + seed + ")";
    }

    @Override
    public String toString() {
        return "RandomSampler[datasetSize=" + datasetSize + ", numSamples=" + numSamples
                + ", replacement=" + replacement + ", seed=" + seed + "]";
    }
}
