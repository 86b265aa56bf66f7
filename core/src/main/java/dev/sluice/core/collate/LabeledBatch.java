package dev.sluice.core.collate;

import dev.sluice.api.Tensor;
import java.util.Objects;

/**
 * A batch of labelled samples, as {@link LabeledCollate} makes it: the seed recipe's
 * {@code (images, labels)} pair.
 *
 * @param inputs the stacked inputs, N x (sample shape) for tensors, uint8 N x H x W x C for images
 * @param labels the labels, int64 N x K, row i holding sample i's labels in order
 */
public record LabeledBatch(Tensor inputs, Tensor labels) {

    /** @throws NullPointerException if an argument is null */
    public LabeledBatch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(labels, "labels");
    }

    /** The number of samples, N. */
    public int size() {
        return labels.dim(0);
    }
}
