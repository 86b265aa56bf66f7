package dev.sluice.core.dataset;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sample of a labelled dataset: the decoded and transformed image and its integer labels, as
 * the seed recipe's {@code (image, label)} pair.
 *
 * @param image the decoded image after the transform: usually a {@link dev.sluice.api.Tensor}, or the
 *        {@link dev.sluice.api.Image} itself when there is no transform
 * @param labels the sample's labels; the record keeps its own copy
 * @param <T> the type of the image after the transform
 */
public record LabeledSample<T>(T image, long[] labels) {

    /** @throws NullPointerException if an argument is null */
    public LabeledSample {
        Objects.requireNonNull(image, "image");
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
        return other instanceof LabeledSample<?> that && image.equals(that.image) && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * image.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledSample[" + image + ", labels=" + Arrays.toString(labels) + "]";
    }
}
