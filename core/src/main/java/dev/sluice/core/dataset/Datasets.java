package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import dev.sluice.core.sampler.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combinators over map-style datasets, as PyTorch's {@code Subset}, {@code ConcatDataset} and
 * {@code random_split}. None of them copies samples: the results read through to their sources.
 * Endless datasets ({@link Dataset#isEndless()}) cannot be split, subset or concatenated, because their
 * {@code size()} is only the length of one pass.
 *
 * <pre>{@code
 * List<Subset<LabeledSample<Tensor>>> parts = Datasets.randomSplit(dataset, new double[] {0.8, 0.2}, 42);
 * Dataset<LabeledSample<Tensor>> train = parts.get(0);
 * Dataset<LabeledSample<Tensor>> validation = parts.get(1);
 * }</pre>
 */
public final class Datasets {
    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    // A part of the seed path of its own ("split" in ASCII), so that a split's permutation is unrelated
    // to the sampler's epoch permutations drawn from the same seed.
    private static final long SPLIT_STREAM = 0x73706C6974L;

    // The largest Java array (some VMs reserve a few header words).
    private static final long MAX_SPLIT_SIZE = Integer.MAX_VALUE - 8;

    private Datasets() {
    }

    /**
     * The samples of {@code dataset} at {@code indices}, as {@link Subset#Subset(Dataset, long[])}.
     *
     * @throws IllegalArgumentException if the dataset is endless or an index is outside it
     * @throws NullPointerException if an argument is null
     */
    public static <T> Subset<T> subset(Dataset<? extends T> dataset, long... indices) {
        return new Subset<>(dataset, indices);
    }

    /**
     * The datasets one after the other, as {@link ConcatDataset#ConcatDataset(List)}.
     *
     * @throws IllegalArgumentException if there are none, or one is endless
     * @throws NullPointerException if the array or a member is null
     */
    @SafeVarargs
    public static <T> ConcatDataset<T> concat(Dataset<? extends T>... datasets) {
        Objects.requireNonNull(datasets, "datasets");
        // Copied element by element: handing the generic array itself on would void @SafeVarargs.
        List<Dataset<? extends T>> members = new ArrayList<>(datasets.length);
        for (Dataset<? extends T> dataset : datasets) {
            members.add(dataset);
        }
        return new ConcatDataset<>(members);
    }

    /**
     * The datasets one after the other, as {@link ConcatDataset#ConcatDataset(List)}.
     *
     * @throws IllegalArgumentException if the list is empty, or a member is endless
     * @throws NullPointerException if the list or a member is null
     */
    public static <T> ConcatDataset<T> concat(List<? extends Dataset<? extends T>> datasets) {
        return new ConcatDataset<>(datasets);
    }

    /**
     * Splits {@code dataset} at random into non-overlapping subsets of the given lengths, as PyTorch's
     * {@code random_split(dataset, lengths)}: a random permutation of the indices is cut into
     * consecutive slices. Every index lands in exactly one subset, and the same seed gives the same
     * split, whatever the thread or the run.
     *
     * @param lengths the size of each subset, each {@code >= 0}, together {@code dataset.size()}
     * @param seed the seed of the permutation (through {@link Seeds}, on a stream of its own)
     * @return the subsets, in the order of {@code lengths}
     * @throws IllegalArgumentException if the dataset is endless or larger than a Java array, if a
     *         length is negative (naming it), or {@code "Sum of input lengths does not equal the length
     *         of the input dataset!"} followed by both numbers
     * @throws NullPointerException if an argument is null
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<? extends T> dataset, long[] lengths, long seed) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(lengths, "lengths");
        requireSplittable(dataset);
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("lengths[" + i + "] must be >= 0, was " + lengths[i]);
            }
        }
        long sum = 0;
        for (long length : lengths) {
            sum += length;
            if (sum < 0) {
                break; // overflowed: the lengths cannot match any size, and the check below says so
            }
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!"
                    + " (lengths " + Arrays.toString(lengths) + ", dataset of " + dataset.size() + " samples)");
        }
        long[] permutation = permutation((int) sum, seed);
        List<Subset<T>> subsets = new ArrayList<>(lengths.length);
        int offset = 0;
        for (long length : lengths) {
            subsets.add(new Subset<>(dataset, Arrays.copyOfRange(permutation, offset, offset + (int) length)));
            offset += (int) length;
        }
        return subsets;
    }

    /**
     * Splits {@code dataset} at random into subsets holding the given fractions of it, as PyTorch's
     * {@code random_split(dataset, fractions)}: subset i gets {@code floor(size * fractions[i])}
     * samples, then the samples left over are given one each to subsets 0, 1, 2, ... in turn. Then as
     * {@link #randomSplit(Dataset, long[], long)}; a subset left empty is logged as a warning.
     *
     * <p>PyTorch takes a list summing to 1 (within {@code math.isclose}, relative 1e-9) as fractions
     * only if the floating-point sum also does not exceed 1, because that is how it tells fractions
     * from lengths such as {@code [1]}. This overload is fractions by its type, so it accepts the
     * tolerance on both sides; the sizes agree with PyTorch wherever PyTorch accepts the fractions.
     *
     * @param fractions each in {@code [0, 1]}, summing to 1 within a relative 1e-9
     * @param seed the seed of the permutation (through {@link Seeds}, on a stream of its own)
     * @return the subsets, in the order of {@code fractions}
     * @throws IllegalArgumentException if the dataset is endless or larger than a Java array, if the
     *         fractions do not sum to 1 (naming the sum), or {@code "Fraction at index {i} is not
     *         between 0 and 1"}
     * @throws NullPointerException if an argument is null
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<? extends T> dataset, double[] fractions, long seed) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fractions, "fractions");
        requireSplittable(dataset);
        double sum = 0;
        for (double fraction : fractions) {
            sum += fraction;
        }
        if (!(Math.abs(sum - 1) <= 1e-9 * Math.max(Math.abs(sum), 1))) {
            throw new IllegalArgumentException("fractions must sum to 1, they sum to " + sum + ": "
                    + Arrays.toString(fractions));
        }
        long size = dataset.size();
        long[] lengths = new long[fractions.length];
        long assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1 (it is "
                        + fractions[i] + ")");
            }
            lengths[i] = (long) Math.floor(size * fractions[i]);
            assigned += lengths[i];
        }
        for (long i = 0; i < size - assigned; i++) {
            lengths[(int) (i % lengths.length)]++;
        }
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] == 0) {
                LOG.warn("Length of split at index {} is 0. This might result in an empty dataset.", i);
            }
        }
        return randomSplit(dataset, lengths, seed);
    }

    private static void requireSplittable(Dataset<?> dataset) {
        if (dataset.isEndless()) {
            throw new IllegalArgumentException("cannot split an endless dataset: its size() is only the length"
                    + " of one pass, and its parts would silently stop being endless");
        }
        if (dataset.size() > MAX_SPLIT_SIZE) {
            throw new IllegalArgumentException("cannot split a dataset of " + dataset.size()
                    + " samples: a split holds its indices in an array of at most " + MAX_SPLIT_SIZE);
        }
    }

    // Fisher-Yates over 0..n-1, the counterpart of torch.randperm(n, generator).
    private static long[] permutation(int n, long seed) {
        SplittableRandom random = Seeds.random(seed, SPLIT_STREAM);
        long[] indices = new long[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }
}
