package dev.sluice.api.target;

import java.util.Arrays;
import java.util.Objects;

/**
 * The axis-aligned boxes of one sample, torchvision v2's {@code BoundingBoxes}: {@code N} boxes of
 * four float32 coordinates in one {@link BoxFormat}, in pixels of a {@link CanvasSize}, with one
 * integer label per box. {@code N} may be 0. Immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYWH, new CanvasSize(480, 640),
 *         new float[] {10, 20, 100, 50}, new long[] {3});
 * BoundingBoxes xyxy = boxes.to(BoxFormat.XYXY);   // [10, 20, 110, 70]
 * }</pre>
 */
public final class BoundingBoxes {
    private final BoxFormat format;
    private final CanvasSize canvas;
    private final float[] coordinates;
    private final long[] labels;

    private BoundingBoxes(BoxFormat format, CanvasSize canvas, float[] coordinates, long[] labels) {
        this.format = format;
        this.canvas = canvas;
        this.coordinates = coordinates;
        this.labels = labels;
    }

    /**
     * Boxes from their coordinates, box after box ({@code [a0, b0, c0, d0, a1, ...]}), and their labels.
     *
     * @param format the layout of each box's four numbers
     * @param canvas the image size the coordinates are in
     * @param coordinates {@code 4 * N} finite values; copied. Boxes need not lie inside the canvas
     *        nor be well formed (a box with {@code x2 < x1} is kept, as torchvision keeps it, until
     *        {@link SanitizeBoundingBoxes} drops it)
     * @param labels {@code N} labels, one per box; copied
     * @throws IllegalArgumentException if the length of {@code coordinates} is not a multiple of 4,
     *         if {@code labels} does not have one label per box, or naming the first coordinate that
     *         is NaN or infinite
     * @throws NullPointerException if an argument is null
     */
    public static BoundingBoxes of(BoxFormat format, CanvasSize canvas, float[] coordinates, long[] labels) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(canvas, "canvas");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(labels, "labels");
        if (coordinates.length % 4 != 0) {
            throw new IllegalArgumentException("boxes have 4 coordinates each, but " + coordinates.length
                    + " coordinates were given");
        }
        if (labels.length != coordinates.length / 4) {
            throw new IllegalArgumentException("one label per box: " + coordinates.length / 4 + " boxes but "
                    + labels.length + " labels");
        }
        for (int i = 0; i < coordinates.length; i++) {
            if (!Float.isFinite(coordinates[i])) {
                throw new IllegalArgumentException("coordinate " + i % 4 + " of box " + i / 4 + " is " + coordinates[i]
                        + "; box coordinates must be finite");
            }
        }
        return new BoundingBoxes(format, canvas, coordinates.clone(), labels.clone());
    }

    /** No boxes, on {@code canvas}. */
    public static BoundingBoxes empty(BoxFormat format, CanvasSize canvas) {
        return of(format, canvas, new float[0], new long[0]);
    }

    /** The layout of each box's four numbers. */
    public BoxFormat format() {
        return format;
    }

    /** The image size the coordinates are in. */
    public CanvasSize canvas() {
        return canvas;
    }

    /** The number of boxes, {@code N >= 0}. */
    public int count() {
        return labels.length;
    }

    /**
     * Coordinate {@code k} (0 to 3, in this {@link #format()}) of box {@code box}.
     *
     * @throws IndexOutOfBoundsException if {@code box} or {@code k} is out of range
     */
    public float coordinate(int box, int k) {
        Objects.checkIndex(box, labels.length);
        Objects.checkIndex(k, 4);
        return coordinates[box * 4 + k];
    }

    /** A new array of the {@code 4 * N} coordinates, box after box. */
    public float[] coordinates() {
        return coordinates.clone();
    }

    /**
     * The label of box {@code box}.
     *
     * @throws IndexOutOfBoundsException if {@code box} is out of range
     */
    public long label(int box) {
        return labels[Objects.checkIndex(box, labels.length)];
    }

    /** A new array of the {@code N} labels. */
    public long[] labels() {
        return labels.clone();
    }

    /**
     * The same boxes in {@code target} format, converted with torchvision v2's float32 arithmetic
     * ({@code convert_bounding_box_format}): for example XYWH to XYXY is {@code x2 = x1 + w}, and
     * XYXY to CXCYWH is {@code cx = (2 x1 + (x2 - x1)) / 2}, each operation rounded to float32.
     * Returns this object when the format is already {@code target}.
     */
    public BoundingBoxes to(BoxFormat target) {
        Objects.requireNonNull(target, "target");
        if (target == format) {
            return this;
        }
        float[] out = coordinates.clone();
        for (int o = 0; o < out.length; o += 4) {
            format.convert(out, o, target);
        }
        return new BoundingBoxes(target, canvas, out, labels);
    }

    /**
     * The boxes clamped to the canvas, torchvision v2's {@code clamp_bounding_boxes} for axis-aligned
     * boxes: converted to XYXY, x clamped to {@code [0, width]} and y to {@code [0, height]} (the
     * width and height themselves, not minus one), converted back to this format. No box is
     * removed: one wholly outside the canvas becomes degenerate, for {@link SanitizeBoundingBoxes}.
     */
    public BoundingBoxes clamped() {
        float[] out = coordinates.clone();
        float width = canvas.width();
        float height = canvas.height();
        for (int o = 0; o < out.length; o += 4) {
            format.convert(out, o, BoxFormat.XYXY);
            out[o] = Math.min(Math.max(out[o], 0f), width);
            out[o + 1] = Math.min(Math.max(out[o + 1], 0f), height);
            out[o + 2] = Math.min(Math.max(out[o + 2], 0f), width);
            out[o + 3] = Math.min(Math.max(out[o + 3], 0f), height);
            BoxFormat.XYXY.convert(out, o, format);
        }
        return new BoundingBoxes(format, canvas, out, labels);
    }

    /**
     * The boxes whose {@code keep} flag is set, in order, with their labels.
     *
     * @param keep one flag per box
     * @throws IllegalArgumentException if {@code keep} does not have one flag per box
     */
    public BoundingBoxes select(boolean[] keep) {
        if (keep.length != labels.length) {
            throw new IllegalArgumentException("one flag per box: " + labels.length + " boxes but " + keep.length
                    + " flags");
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        float[] outCoordinates = new float[kept * 4];
        long[] outLabels = new long[kept];
        int at = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                System.arraycopy(coordinates, i * 4, outCoordinates, at * 4, 4);
                outLabels[at++] = labels[i];
            }
        }
        return new BoundingBoxes(format, canvas, outCoordinates, outLabels);
    }

    /**
     * The same numbers on another canvas, for a transform that has moved the boxes itself.
     *
     * @param coordinates the new {@code 4 * N} coordinates in this format, for the same boxes
     * @param newCanvas the new image size
     * @throws IllegalArgumentException as {@link #of} when {@code coordinates} does not hold {@code N}
     *         finite boxes
     */
    public BoundingBoxes withCoordinates(float[] coordinates, CanvasSize newCanvas) {
        return of(format, newCanvas, coordinates, labels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoundingBoxes that && format == that.format && canvas.equals(that.canvas)
                && Arrays.equals(coordinates, that.coordinates) && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, canvas, Arrays.hashCode(coordinates), Arrays.hashCode(labels));
    }

    /** E.g. {@code BoundingBoxes[2 XYXY on 480x640: [10.0, 20.0, 110.0, 70.0] label 3, ...]}; at most 8 boxes shown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("BoundingBoxes[").append(count()).append(' ').append(format)
                .append(" on ").append(canvas);
        for (int i = 0; i < Math.min(count(), 8); i++) {
            text.append(i == 0 ? ": " : ", ").append(Arrays.toString(Arrays.copyOfRange(coordinates, i * 4, i * 4 + 4)))
                    .append(" label ").append(labels[i]);
        }
        return text.append(count() > 8 ? ", ...]" : "]").toString();
    }
}
