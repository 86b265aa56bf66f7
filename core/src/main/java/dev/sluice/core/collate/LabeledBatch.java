package dev.sluice.core.collate;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.BatchTargets;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch of labelled samples, as {@link LabeledCollate} makes it: PyTorch's
 * {@code images, labels = batch}, and for detection and segmentation samples their boxes, masks and
 * key points collated as {@link TargetCollate} describes.
 *
 * <pre>{@code
 * for (LabeledBatch batch : loader) {                         // a coco, yolo, voc or mask_folder dataset
 *     Tensor images = batch.images();                          // float32 [N, 3, H, W]
 *     BatchTargets targets = batch.targets().orElseThrow();
 *     BatchBoxes boxes = targets.boxes().orElseThrow();        // float32 [T, 4] XYXY, int64 [T] batch index,
 *                                                              // int64 [T] label
 * }
 * }</pre>
 *
 * @param images the samples' images stacked along a new first axis: N x (sample shape) when they are
 *        tensors (float32 N x C x H x W after {@code to_tensor}), uint8 N x H x W x C when they are
 *        decoded images
 * @param labels the labels: int64 [N] when each sample has one label, as PyTorch collates class
 *        indices; int64 N x K when each has K labels (K other than 1), row i holding sample i's in order
 * @param targets the samples' targets on the images' canvas; empty when no sample of the batch carries any
 */
public record LabeledBatch(Tensor images, Tensor labels, Optional<BatchTargets> targets) {

    /** @throws NullPointerException if an argument is null */
    public LabeledBatch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(targets, "targets");
    }

    /**
     * A batch of images and labels without targets.
     *
     * @throws NullPointerException if an argument is null
     */
    public LabeledBatch(Tensor images, Tensor labels) {
        this(images, labels, Optional.empty());
    }

    /** The number of samples, N. */
    public int size() {
        return labels.dim(0);
    }
}
