package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The samples of another dataset at chosen indices, in the order given, as PyTorch's
 * {@code Subset(dataset, indices)}: sample {@code i} of the subset is sample {@code indices[i]} of the
 * dataset. Indices may repeat. {@link Datasets#randomSplit} returns these.
 *
 * <p>Safe for concurrent reads when the underlying dataset is.
 *
 * <pre>{@code
 * Subset<LabeledSample<Tensor>> firstTen = new Subset<>(dataset, new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
 * }</pre>
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<? extends T> dataset;
    private final long[] indices;

    /**
     * A subset of {@code dataset}.
     *
     * @param dataset the dataset read through; not endless
     * @param indices the dataset's indices, each in {@code [0, dataset.size())}; the subset keeps its
     *        own copy
     * @throws IllegalArgumentException if the dataset is {@linkplain Dataset#isEndless() endless}, or
     *         naming the position and value of an index outside the dataset
     * @throws NullPointerException if an argument is null
     */
    public Subset(Dataset<? extends T> dataset, long[] indices) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(indices, "indices");
        if (dataset.isEndless()) {
            throw new IllegalArgumentException("cannot take a subset of an endless dataset: its size() is only"
                    + " the length of one pass, and a subset of it would silently stop being endless");
        }
        long size = dataset.size();
        long[] copy = indices.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || copy[i] >= size) {
                throw new IllegalArgumentException("indices[" + i + "] is " + copy[i]
                        + ", outside the dataset's [0, " + size + ")");
            }
        }
        this.dataset = dataset;
        this.indices = copy;
    }

    /** The dataset this subset reads from. */
    public Dataset<? extends T> dataset() {
        return dataset;
    }

    /** A copy of the dataset indices, in subset order. */
    public long[] indices() {
        return indices.clone();
    }

    /**
     * Sample {@code indices[index]} of the dataset.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public T get(long index) {
        return dataset.get(indices[position(index)]);
    }

    /**
     * Sample {@code indices[index]} of the dataset, read with the same {@code random}.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public T get(long index, RandomGenerator random) {
        return dataset.get(indices[position(index)], random);
    }

    /** The number of indices. */
    @Override
    public long size() {
        return indices.length;
    }

    /**
     * What the dataset says of sample {@code indices[index]}.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if {@code index} is outside
     *         {@code [0, size())}
     */
    @Override
    public Optional<String> describe(long index) {
        return dataset.describe(indices[position(index)]);
    }

    private int position(long index) {
        if (index < 0 || index >= indices.length) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + indices.length
                    + ") of this subset of " + indices.length + " samples");
        }
        return (int) index;
    }

    @Override
    public String toString() {
        return "Subset[" + indices.length + " of " + dataset + "]";
    }
}
