package dev.sluice.api.target;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a sample carries beside its image: bounding boxes with their labels, a segmentation
 * mask and key points, each optional, all on the same canvas (the image's size). When the mask is
 * per instance and boxes are present, there is one mask layer per box, in box order, so that
 * {@link SanitizeBoundingBoxes} drops a box's mask with it. Immutable.
 *
 * <pre>{@code
 * Targets targets = Targets.NONE.withBoxes(boxes).withMask(instanceMasks);
 * Targets kept = SanitizeBoundingBoxes.DEFAULT.apply(targets);
 * }</pre>
 *
 * @param boxes the boxes and their labels, if any
 * @param mask the segmentation mask, if any
 * @param keyPoints the key points, if any
 */
public record Targets(Optional<BoundingBoxes> boxes, Optional<SegmentationMask> mask, Optional<KeyPoints> keyPoints) {

    /** No targets. */
    public static final Targets NONE = new Targets(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException if the parts are on different canvases, or an instance mask
     *         has not one layer per box
     * @throws NullPointerException if an argument is null (use {@link Optional#empty()})
     */
    public Targets {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(keyPoints, "keyPoints");
        CanvasSize canvas = boxes.map(BoundingBoxes::canvas).orElse(null);
        canvas = sameCanvas(canvas, mask.map(SegmentationMask::canvas).orElse(null), "mask");
        sameCanvas(canvas, keyPoints.map(KeyPoints::canvas).orElse(null), "key points");
        if (boxes.isPresent() && mask.isPresent() && mask.get().kind() == SegmentationMask.Kind.INSTANCE
                && mask.get().layers() != boxes.get().count()) {
            throw new IllegalArgumentException("one instance mask per box: " + boxes.get().count() + " boxes but "
                    + mask.get().layers() + " instance masks");
        }
    }

    private static CanvasSize sameCanvas(CanvasSize known, CanvasSize other, String what) {
        if (known != null && other != null && !known.equals(other)) {
            throw new IllegalArgumentException("the " + what + " are on a " + other + " canvas but the boxes on "
                    + known + "; all targets of a sample share the image's canvas");
        }
        return known != null ? known : other;
    }

    /** These targets with {@code newBoxes} in place of the boxes. */
    public Targets withBoxes(BoundingBoxes newBoxes) {
        return new Targets(Optional.of(newBoxes), mask, keyPoints);
    }

    /** These targets with {@code newMask} in place of the mask. */
    public Targets withMask(SegmentationMask newMask) {
        return new Targets(boxes, Optional.of(newMask), keyPoints);
    }

    /** These targets with {@code newKeyPoints} in place of the key points. */
    public Targets withKeyPoints(KeyPoints newKeyPoints) {
        return new Targets(boxes, mask, Optional.of(newKeyPoints));
    }

    /** The canvas the targets are on, empty when there are none. */
    public Optional<CanvasSize> canvas() {
        if (boxes.isPresent()) {
            return Optional.of(boxes.get().canvas());
        }
        if (mask.isPresent()) {
            return Optional.of(mask.get().canvas());
        }
        return keyPoints.map(KeyPoints::canvas);
    }

    /** Whether there is nothing beside the image. */
    public boolean isEmpty() {
        return boxes.isEmpty() && mask.isEmpty() && keyPoints.isEmpty();
    }
}
