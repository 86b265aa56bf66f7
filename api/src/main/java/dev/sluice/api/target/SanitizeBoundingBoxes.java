package dev.sluice.api.target;

import java.util.Objects;
import java.util.Optional;

/**
 * torchvision v2's {@code SanitizeBoundingBoxes(min_size, min_area)}: drops degenerate boxes with
 * their labels and their instance masks. In XYXY (converted as {@link BoundingBoxes#to} converts),
 * with {@code w = x2 - x1} and {@code h = y2 - y1} in float32, a box is kept iff {@code w >= min_size},
 * {@code h >= min_size}, {@code w * h >= min_area}, every coordinate is {@code >= 0}, {@code x1, x2 <= W}
 * and {@code y1, y2 <= H}. The limits are compared as float32, as torch compares a float32 tensor with
 * a Python number.
 *
 * <p>Where torchvision decides which masks to filter by trying to index them (so that a semantic
 * {@code [H, W]} mask whose height happens to equal the box count gets filtered too), this filters
 * exactly the {@link SegmentationMask.Kind#INSTANCE} masks, which {@link Targets} keeps at one layer
 * per box; class-index masks and key points pass through.
 *
 * @param minSize the smallest width and height kept, {@code >= 1}
 * @param minArea the smallest area kept, {@code >= 1}
 */
public record SanitizeBoundingBoxes(double minSize, double minArea) {

    /** torchvision's defaults: {@code min_size=1.0, min_area=1.0}. */
    public static final SanitizeBoundingBoxes DEFAULT = new SanitizeBoundingBoxes(1.0, 1.0);

    /** @throws IllegalArgumentException as torchvision's ValueError, when a limit is below 1 (or NaN) */
    public SanitizeBoundingBoxes {
        if (!(minSize >= 1)) {
            throw new IllegalArgumentException("min_size must be >= 1, was " + minSize);
        }
        if (!(minArea >= 1)) {
            throw new IllegalArgumentException("min_area must be >= 1, was " + minArea);
        }
    }

    /** One flag per box: whether it is kept. */
    public boolean[] validity(BoundingBoxes boxes) {
        Objects.requireNonNull(boxes, "boxes");
        float[] xyxy = boxes.to(BoxFormat.XYXY).coordinates();
        float size = (float) minSize;
        float area = (float) minArea;
        float width = boxes.canvas().width();
        float height = boxes.canvas().height();
        boolean[] valid = new boolean[boxes.count()];
        for (int i = 0; i < valid.length; i++) {
            float x1 = xyxy[i * 4];
            float y1 = xyxy[i * 4 + 1];
            float x2 = xyxy[i * 4 + 2];
            float y2 = xyxy[i * 4 + 3];
            float w = x2 - x1;
            float h = y2 - y1;
            valid[i] = w >= size && h >= size && x1 >= 0 && y1 >= 0 && x2 >= 0 && y2 >= 0 && w * h >= area
                    && x1 <= width && x2 <= width && y1 <= height && y2 <= height;
        }
        return valid;
    }

    /**
     * {@code targets} without the invalid boxes, their labels and their instance masks; targets
     * without boxes are returned as they are.
     */
    public Targets apply(Targets targets) {
        Objects.requireNonNull(targets, "targets");
        if (targets.boxes().isEmpty()) {
            return targets;
        }
        BoundingBoxes boxes = targets.boxes().get();
        boolean[] keep = validity(boxes);
        return new Targets(Optional.of(boxes.select(keep)), targets.mask().map(mask -> mask.select(keep)),
                targets.keyPoints());
    }
}
