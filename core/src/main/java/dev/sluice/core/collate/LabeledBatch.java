package dev.sluice.core.collate;

import dev.sluice.api.Tensor;
import java.util.Objects;

/**
 * A batch of labelled samples, as {@link LabeledCollate} makes it: PyTorch's
 * {@code images, labels = batch}.
 *
 * @param images the samples' images stacked along a new first axis: N x (sample shape) when they are
 *        tensors (float32 N x C x H x W after {@code to_tensor}), uint8 N x H x W x C when they are
 *        decoded images
 * @param labels the labels: int64 [N] when each sample has one label, as PyTorch collates class
 *        indices; int64 N x K when each has K labels (K other than 1), row i holding sample i's in order
 */
public record LabeledBatch(Tensor images, Tensor labels) {

    /** @throws NullPointerException if an argument is null */
    public LabeledBatch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
    }

    /** The number of samples, N. */
    public int size() {
        return labels.dim(0);
    }
}
