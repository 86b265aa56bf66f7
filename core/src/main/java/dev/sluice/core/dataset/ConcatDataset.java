package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Several datasets one after the other, as PyTorch's {@code ConcatDataset}: indices
 * {@code [0, size(0))} read the first, the next {@code size(1)} the second, and so on. The sizes are
 * read once, when it is made; a member that later changes size is not noticed.
 *
 * <p>Java has no negative indices, so unlike PyTorch an index must lie in {@code [0, size())}. Safe
 * for concurrent reads when the members are.
 *
 * <pre>{@code
 * ConcatDataset<LabeledSample<Tensor>> both = new ConcatDataset<>(List.of(train2019, train2020));
 * }</pre>
 *
 * @param <T> the sample type
 */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<? extends T>> datasets;
    private final long[] cumulativeSizes;

    /**
     * The concatenation of {@code datasets}, in list order.
     *
     * @param datasets at least one dataset, none endless; empty ones are allowed and contribute nothing
     * @throws IllegalArgumentException if the list is empty ({@code "datasets should not be an empty
     *         iterable"}), if a member is {@linkplain Dataset#isEndless() endless} (naming its
     *         position), or if the sizes add up to more than {@code Long.MAX_VALUE}
     * @throws NullPointerException if the list or a member is null
     */
    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        Objects.requireNonNull(datasets, "datasets");
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets should not be an empty iterable");
        }
        for (int i = 0; i < datasets.size(); i++) {
            Objects.requireNonNull(datasets.get(i), "datasets[" + i + "]");
        }
        List<Dataset<? extends T>> members = List.copyOf(datasets);
        long[] cumulative = new long[members.size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            Dataset<? extends T> member = members.get(i);
            if (member.isEndless()) {
                throw new IllegalArgumentException("datasets[" + i + "] is endless and cannot be concatenated:"
                        + " its size() is only the length of one pass, so nothing after it could be reached");
            }
            try {
                total = Math.addExact(total, member.size());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the sizes of datasets[0.." + i + "] add up to more than "
                        + Long.MAX_VALUE, e);
            }
            cumulative[i] = total;
        }
        this.datasets = members;
        this.cumulativeSizes = cumulative;
    }

    /** The members, in order; unmodifiable. */
    public List<Dataset<? extends T>> datasets() {
        return datasets;
    }

    /** A copy of the running totals of the member sizes: element i is the size of members 0 to i. */
    public long[] cumulativeSizes() {
        return cumulativeSizes.clone();
    }

    /**
     * Sample {@code index} of the concatenation.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public T get(long index) {
        int member = member(index);
        return datasets.get(member).get(index - start(member));
    }

    /**
     * Sample {@code index} of the concatenation, read from its member with the same {@code random}.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public T get(long index, RandomGenerator random) {
        int member = member(index);
        return datasets.get(member).get(index - start(member), random);
    }

    /** The sum of the member sizes. */
    @Override
    public long size() {
        return cumulativeSizes[cumulativeSizes.length - 1];
    }

    /**
     * What the member holding sample {@code index} says of it.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public Optional<String> describe(long index) {
        int member = member(index);
        return datasets.get(member).describe(index - start(member));
    }

    // bisect_right over the cumulative sizes: the first member whose running total exceeds index,
    // which skips empty members.
    private int member(long index) {
        long size = size();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + size
                    + ") of this concatenation of " + datasets.size() + " datasets");
        }
        int low = 0;
        int high = cumulativeSizes.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (index < cumulativeSizes[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private long start(int member) {
        return member == 0 ? 0 : cumulativeSizes[member - 1];
    }

    @Override
    public String toString() {
        return "ConcatDataset[" + datasets.size() + " datasets, " + size() + " samples]";
    }
}
