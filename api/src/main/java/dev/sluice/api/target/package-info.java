/**
 * What a sample carries beside its image for detection and segmentation: {@link
 * dev.sluice.api.target.BoundingBoxes} (with a {@link dev.sluice.api.target.BoxFormat} and the
 * {@link dev.sluice.api.target.CanvasSize} they are drawn on, and one label per box), {@link
 * dev.sluice.api.target.SegmentationMask}s (class-index or per-instance), {@link
 * dev.sluice.api.target.KeyPoints}, grouped per sample in {@link dev.sluice.api.target.Targets}; and
 * {@link dev.sluice.api.target.SanitizeBoundingBoxes}, torchvision v2's rule for dropping degenerate
 * boxes with their labels and instance masks.
 *
 * <p>A label format hands over what its source says about a sample as {@link
 * dev.sluice.api.target.EntryTargets}: boxes that may still be normalised to the image size, and
 * instance shapes ({@link dev.sluice.api.target.InstanceShape}: COCO polygons and run lengths) or a
 * mask file that are turned into pixels only when the sample is loaded.
 *
 * <p>The semantics are torchvision v2's ({@code tv_tensors.BoundingBoxes}, {@code Mask},
 * {@code KeyPoints}): continuous coordinates, x to the right and y down, pixel (row i, column j)
 * covering {@code [j, j+1) x [i, i+1)}, a canvas given as (height, width), float32 arithmetic.
 * Every type here is immutable and safe to share between threads.
 */
package dev.sluice.api.target;
