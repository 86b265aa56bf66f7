package dev.sluice.core.dataset;

import dev.sluice.api.target.Targets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sample of a labelled dataset: the decoded and transformed image, its integer labels, as the
 * seed recipe's {@code (image, label)} pair, and, for a detection or segmentation dataset, the
 * targets drawn on the transformed image (boxes with their labels, a mask, key points).
 *
 * @param image the decoded image after the transform: usually a {@link dev.sluice.api.Tensor}, or the
 *        {@link dev.sluice.api.Image} itself when there is no transform
 * @param labels the sample's labels; the record keeps its own copy
 * @param targets what the label format gave beside the labels, moved by the transforms onto the
 *        output's canvas (its last two dimensions); {@link Targets#NONE} for a classification sample
 * @param <T> the type of the image after the transform
 */
public record LabeledSample<T>(T image, long[] labels, Targets targets) {

    /** @throws NullPointerException if an argument is null */
    public LabeledSample {
        Objects.requireNonNull(image, "image");
        labels = Objects.requireNonNull(labels, "labels").clone();
        Objects.requireNonNull(targets, "targets");
    }

    /**
     * A sample without targets.
     *
     * @throws NullPointerException if an argument is null
     */
    public LabeledSample(T image, long[] labels) {
        this(image, labels, Targets.NONE);
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
        return other instanceof LabeledSample<?> that && image.equals(that.image) && Arrays.equals(labels, that.labels)
                && targets.equals(that.targets);
    }

    @Override
    public int hashCode() {
        return (31 * image.hashCode() + Arrays.hashCode(labels)) * 31 + targets.hashCode();
    }

    @Override
    public String toString() {
        return "LabeledSample[" + image + ", labels=" + Arrays.toString(labels)
                + (targets.isEmpty() ? "" : ", " + targets) + "]";
    }
}
