package dev.sluice.api.target;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The boxes of a whole batch, flat: the {@code T} boxes of every sample one after another, in batch
 * order and, within a sample, in the sample's box order, so that row {@code t} of every tensor here
 * describes the same box. This is the layout detection models and {@code roi_align} consume (a box's
 * sample is its batch index, not its position in a padded tensor); a sample with no boxes adds no
 * rows, and a batch with none has {@code T = 0}.
 *
 * <pre>{@code
 * BatchBoxes boxes = batch.targets().orElseThrow().boxes().orElseThrow();
 * float x1 = boxes.coordinates().getFloat(4 * t);         // box t: x1, y1, x2, y2
 * long sample = boxes.batchIndices().getLong(t);         // which image of the batch it is on
 * long label = boxes.labels().getLong(t);
 * }</pre>
 *
 * @param coordinates float32 {@code [T, 4]}, XYXY ({@code x1, y1, x2, y2}) in pixels of the batch's
 *        images as the transforms left them
 * @param batchIndices int64 {@code [T]}: the position in the batch ({@code 0} to {@code N - 1}) of each
 *        box's sample, non-decreasing
 * @param labels int64 {@code [T]}: each box's label
 * @param instanceMasks uint8 {@code [T, H, W]}, present when the samples carry per-instance masks: layer
 *        {@code t} is box {@code t}'s mask (1 inside, 0 outside)
 */
public record BatchBoxes(Tensor coordinates, Tensor batchIndices, Tensor labels, Optional<Tensor> instanceMasks) {

    /**
     * @throws IllegalArgumentException naming the tensor, its dtype and shape when one is not as
     *         described, or the tensors do not all have {@code T} rows
     * @throws NullPointerException if an argument is null
     */
    public BatchBoxes {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(batchIndices, "batchIndices");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(instanceMasks, "instanceMasks");
        BatchShapes.require("box coordinates", coordinates, DType.FLOAT32, 2);
        int count = coordinates.dim(0);
        if (coordinates.dim(1) != 4) {
            throw new IllegalArgumentException("box coordinates must be [T, 4], were " + Arrays.toString(coordinates.shape()));
        }
        BatchShapes.requireRows("box batch indices", batchIndices, DType.INT64, 1, count);
        BatchShapes.requireRows("box labels", labels, DType.INT64, 1, count);
        instanceMasks.ifPresent(masks -> BatchShapes.requireRows("instance masks", masks, DType.UINT8, 3, count));
    }

    /** The number of boxes in the batch, {@code T >= 0}. */
    public int count() {
        return coordinates.dim(0);
    }
}
