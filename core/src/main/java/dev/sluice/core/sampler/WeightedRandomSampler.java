package dev.sluice.core.sampler;

import dev.sluice.api.Sampler;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * Dataset indices drawn with probability proportional to their weights, as PyTorch's
 * {@code WeightedRandomSampler}; typically used to over-sample rare classes. Index {@code i} of the
 * dataset has weight {@code weights[i]}; weights need not sum to 1, and an index of weight 0 is never
 * drawn.
 *
 * <p>With replacement, each of the {@code numSamples} indices is an independent draw, made in
 * constant time from an alias table built once by the constructor (12 bytes per weight). Without
 * replacement, each next index is drawn proportionally to the weights of the indices not drawn yet,
 * as {@code torch.multinomial(weights, numSamples, replacement=False)}; each iterator then computes
 * the epoch's order when it is made, in {@code O(n log numSamples)} time.
 *
 * <p>The draws are a pure function of (seed, epoch).
 *
 * <pre>{@code
 * double[] weights = new double[labels.length];
 * for (int i = 0; i < labels.length; i++) {
 *     weights[i] = 1.0 / classCounts[labels[i]];
 * }
 * Sampler balanced = new WeightedRandomSampler(weights, labels.length, true, 42);
 * }</pre>
 *
 * <p>Immutable (it keeps its own copy of the weights) and safe to share between threads; each
 * iterator belongs to one thread.
 */
public final class WeightedRandomSampler implements Sampler, OrderIdentity {
    private final double[] weights;
    private final long numSamples;
    private final boolean replacement;
    private final long seed;
    private final AliasTable table;

    /**
     * @param weights one weight per dataset index, each finite and {@code >= 0}, at least one positive; copied
     * @param numSamples the number of indices per epoch, {@code > 0}; without replacement at most the
     *        number of positive weights
     * @param replacement whether an index may be drawn more than once per epoch
     * @param seed the seed every epoch's draws derive from
     * @throws IllegalArgumentException if {@code numSamples <= 0}, a weight is negative, NaN or
     *         infinite (the message names its index), no weight is positive, or, without replacement,
     *         {@code numSamples} exceeds the number of weights or of positive weights
     * @throws NullPointerException if {@code weights} is null
     */
    public WeightedRandomSampler(double[] weights, long numSamples, boolean replacement, long seed) {
        if (numSamples <= 0) {
            throw new IllegalArgumentException(
                    "num_samples should be a positive integer value, but got num_samples=" + numSamples);
        }
        this.weights = Objects.requireNonNull(weights, "weights").clone();
        int positive = countPositive(this.weights);
        if (!replacement && numSamples > this.weights.length) {
            throw new IllegalArgumentException("num_samples=" + numSamples + " is more than the "
                    + this.weights.length + " weights: cannot sample n_sample > prob_dist.size(-1) samples"
                    + " without replacement");
        }
        if (!replacement && numSamples > positive) {
            throw new IllegalArgumentException("num_samples=" + numSamples + " is more than the " + positive
                    + " positive weights (of " + this.weights.length + "): without replacement, an index of"
                    + " weight 0 is never drawn");
        }
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.seed = seed;
        this.table = replacement ? new AliasTable(this.weights) : null;
    }

    private static int countPositive(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        int positive = 0;
        for (int i = 0; i < weights.length; i++) {
            double weight = weights[i];
            if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, was " + weight);
            }
            if (weight > 0) {
                positive++;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("weights must have at least one positive entry, but all "
                    + weights.length + " are 0");
        }
        return positive;
    }

    /**
     * A new iterator over the {@link #size()} indices drawn for {@code epoch}.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    @Override
    public PrimitiveIterator.OfLong indices(long epoch) {
        EpochCheck.requireValid(epoch);
        SplittableRandom random = Seeds.random(seed, epoch);
        if (replacement) {
            return new CountedIterator(numSamples) {
                @Override
                long indexAt(long position) {
                    return table.draw(random);
                }
            };
        }
        int[] order = WeightedPermutation.draw(weights, (int) numSamples, random);
        return new CountedIterator(numSamples) {
            @Override
            long indexAt(long position) {
                return order[(int) position];
            }
        };
    }

    /** The number of indices per epoch, {@code numSamples}. */
    @Override
    public long size() {
        return numSamples;
    }

    /** Whether an index may be drawn more than once per epoch. */
    public boolean replacement() {
        return replacement;
    }

    /** The seed every epoch's draws derive from. */
    public long seed() {
        return seed;
    }

    /** {@inheritDoc} */
    @Override
    public String orderIdentity() {
        return "weighted(weights=" + weights.length + ":" + SamplerDigest.of(weights) + ",num_samples=" + numSamples
                + ",replacement=" + replacement + ",seed=" + seed + ")";
    }

    @Override
    public String toString() {
        return "WeightedRandomSampler[weights=" + weights.length + ", numSamples=" + numSamples
                + ", replacement=" + replacement + ", seed=" + seed + "]";
    }
}
