package dev.sluice.core.dataset;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sample of a labelled dataset: the (transformed) input and its integer labels, as the seed
 * recipe's {@code (image, label)} pair.
 *
 * @param input the decoded and transformed input, usually an {@link dev.sluice.api.Tensor} or {@link dev.sluice.api.Image}
 * @param labels the sample's labels; the record keeps its own copy
 * @param <T> the input type
 */
public record LabeledSample<T>(T input, long[] labels) {

    /** @throws NullPointerException if an argument is null */
    public LabeledSample {
        Objects.requireNonNull(input, "input");
        labels = Objects.requireNonNull(labels, "labels").clone();
    }

    /** A copy of the labels. */
    @Override
    public long[] labels() {
        return labels.clone();
    }

    /** The number of labels. */
    public int labelCount() {
        return labels.length;
    }

    /** Label {@code k}, without copying the array. */
    public long label(int k) {
        return labels[k];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledSample<?> that && input.equals(that.input) && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * input.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledSample[" + input + ", labels=" + Arrays.toString(labels) + "]";
    }
}
