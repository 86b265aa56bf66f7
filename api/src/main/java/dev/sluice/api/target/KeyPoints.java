package dev.sluice.api.target;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Points of one sample, torchvision v2's {@code KeyPoints} of shape {@code [K, 2]}: {@code (x, y)}
 * float32 pairs in pixels of a {@link CanvasSize}. Unlike boxes, flips map them by the pixel-index
 * convention ({@code x' = W - 1 - x}) and nothing clamps them automatically. Points may carry a
 * visibility each, as the label source gives it (YOLO pose and COCO: 0 not labelled, 1 labelled but
 * hidden, 2 visible); transforms move the points and keep their visibilities. Immutable.
 *
 * <p>Points may also carry a mirror order ({@link #withMirror}): which point becomes which when the
 * image is mirrored left to right, so that a "left eye" is still the left eye after
 * {@link Targets#flippedHorizontally()}. Without one, a flip only mirrors x, as torchvision's does.
 *
 * <pre>{@code
 * // one person of 3 points (nose, left eye, right eye): the eyes change places under a mirror
 * KeyPoints points = KeyPoints.of(new CanvasSize(480, 640), new float[] {320, 100, 300, 90, 340, 90})
 *         .withMirror(new int[] {0, 2, 1});
 * }</pre>
 */
public final class KeyPoints {
    private final CanvasSize canvas;
    private final float[] coordinates;
    private final float[] visibility;
    private final int[] mirror;

    private KeyPoints(CanvasSize canvas, float[] coordinates, float[] visibility, int[] mirror) {
        this.canvas = canvas;
        this.coordinates = coordinates;
        this.visibility = visibility;
        this.mirror = mirror;
    }

    /**
     * Points from their coordinates, {@code [x0, y0, x1, y1, ...]}.
     *
     * @param coordinates {@code 2 * K} finite values; copied
     * @throws IllegalArgumentException if the length is odd, or naming the first value that is not finite
     */
    public static KeyPoints of(CanvasSize canvas, float[] coordinates) {
        return new KeyPoints(canvas, checked(canvas, coordinates), null, null);
    }

    /**
     * Points with a visibility each.
     *
     * @param coordinates {@code 2 * K} finite values; copied
     * @param visibility {@code K} finite values; copied
     * @throws IllegalArgumentException if the lengths do not match, or naming the first value that is not finite
     */
    public static KeyPoints of(CanvasSize canvas, float[] coordinates, float[] visibility) {
        float[] copy = checked(canvas, coordinates);
        if (visibility.length * 2L != coordinates.length) {
            throw new IllegalArgumentException(coordinates.length / 2 + " key points but " + visibility.length
                    + " visibilities");
        }
        for (int i = 0; i < visibility.length; i++) {
            if (!Float.isFinite(visibility[i])) {
                throw new IllegalArgumentException("the visibility of key point " + i + " is " + visibility[i]
                        + "; it must be finite");
            }
        }
        return new KeyPoints(canvas, copy, visibility.clone(), null);
    }

    private static float[] checked(CanvasSize canvas, float[] coordinates) {
        Objects.requireNonNull(canvas, "canvas");
        if (coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("key points have 2 coordinates each, but " + coordinates.length
                    + " coordinates were given");
        }
        for (int i = 0; i < coordinates.length; i++) {
            if (!Float.isFinite(coordinates[i])) {
                throw new IllegalArgumentException((i % 2 == 0 ? "x" : "y") + " of key point " + i / 2 + " is "
                        + coordinates[i] + "; key point coordinates must be finite");
            }
        }
        return coordinates.clone();
    }

    /**
     * These points with a mirror order: when the image is mirrored left to right
     * ({@link Targets#flippedHorizontally()}), point {@code i} takes the mirrored coordinates and the
     * visibility that point {@code mirror[i]} had. This is Ultralytics' {@code flip_idx} (its
     * {@code RandomFlip} takes {@code keypoints[:, flip_idx]} on a horizontal flip only), here over
     * all points of the sample: for {@code N} instances of {@code K} points and a per-instance
     * {@code flip_idx}, {@code mirror[n * K + j] = n * K + flip_idx[j]}. A vertical flip keeps the
     * order, as Ultralytics'. Every move keeps the mirror order, a left-right flip too (Ultralytics
     * applies the same {@code flip_idx} at every flip; for the usual order, pairs swapped, two flips give
     * the points back).
     *
     * @param mirror a permutation of {@code 0 .. count() - 1}; copied
     * @throws IllegalArgumentException if the length is not {@link #count()}, naming the first value
     *         out of range or given twice
     */
    public KeyPoints withMirror(int[] mirror) {
        return new KeyPoints(canvas, coordinates, visibility, checkedOrder(mirror, count(), "mirror"));
    }

    /**
     * {@code order} copied if it is a permutation of {@code 0 .. size - 1}.
     *
     * @param what what the order is, for the message
     * @throws IllegalArgumentException naming the first value out of range or given twice
     */
    static int[] checkedOrder(int[] order, int size, String what) {
        if (order.length != size) {
            throw new IllegalArgumentException("a " + what + " order of " + size + " key points has " + size
                    + " values, not " + order.length);
        }
        boolean[] seen = new boolean[size];
        for (int i = 0; i < size; i++) {
            int point = order[i];
            if (point < 0 || point >= size) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + point + ", not a key point from 0 to "
                        + (size - 1));
            }
            if (seen[point]) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + point + " again; a " + what
                        + " order names each key point once");
            }
            seen[point] = true;
        }
        return order.clone();
    }

    /**
     * These points after their coordinates were mirrored left to right: reordered by the mirror
     * order, coordinates and visibilities alike; these points when they have none.
     */
    KeyPoints reorderedByMirror() {
        if (mirror == null) {
            return this;
        }
        float[] xy = new float[coordinates.length];
        float[] seen = visibility == null ? null : new float[visibility.length];
        for (int i = 0; i < mirror.length; i++) {
            int from = mirror[i];
            xy[i * 2] = coordinates[from * 2];
            xy[i * 2 + 1] = coordinates[from * 2 + 1];
            if (seen != null) {
                seen[i] = visibility[from];
            }
        }
        return new KeyPoints(canvas, xy, seen, mirror);
    }

    /**
     * These points moved to {@code newCoordinates} on {@code newCanvas}, each keeping its visibility
     * and the mirror order; what a transform returns.
     *
     * @param newCoordinates {@code 2 * K} finite values for the same {@code K}; copied
     * @throws IllegalArgumentException if the number of points changes or a value is not finite
     */
    public KeyPoints withCoordinates(float[] newCoordinates, CanvasSize newCanvas) {
        if (newCoordinates.length != coordinates.length) {
            throw new IllegalArgumentException("moved key points keep their number, " + count() + ", but "
                    + newCoordinates.length + " coordinates were given");
        }
        return new KeyPoints(newCanvas, checked(newCanvas, newCoordinates), visibility, mirror);
    }

    /** The image size the coordinates are in. */
    public CanvasSize canvas() {
        return canvas;
    }

    /** The number of points, {@code K >= 0}. */
    public int count() {
        return coordinates.length / 2;
    }

    /** The x of point {@code point}. @throws IndexOutOfBoundsException if out of range */
    public float x(int point) {
        return coordinates[Objects.checkIndex(point, count()) * 2];
    }

    /** The y of point {@code point}. @throws IndexOutOfBoundsException if out of range */
    public float y(int point) {
        return coordinates[Objects.checkIndex(point, count()) * 2 + 1];
    }

    /** A new array {@code [x0, y0, x1, y1, ...]}. */
    public float[] coordinates() {
        return coordinates.clone();
    }

    /** A new array of the points' visibilities, one per point, if they have them. */
    public Optional<float[]> visibility() {
        return Optional.ofNullable(visibility).map(float[]::clone);
    }

    /** A new array of the points' mirror order ({@link #withMirror}), if they have one. */
    public Optional<int[]> mirror() {
        return Optional.ofNullable(mirror).map(int[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPoints that && canvas.equals(that.canvas)
                && Arrays.equals(coordinates, that.coordinates) && Arrays.equals(visibility, that.visibility)
                && Arrays.equals(mirror, that.mirror);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * canvas.hashCode() + Arrays.hashCode(coordinates)) + Arrays.hashCode(visibility))
                + Arrays.hashCode(mirror);
    }

    /**
     * E.g. {@code KeyPoints[17 on 480x640]} or {@code KeyPoints[17 on 480x640, with visibility, with mirror
     * order]}.
     */
    @Override
    public String toString() {
        return "KeyPoints[" + count() + " on " + canvas + (visibility != null ? ", with visibility" : "")
                + (mirror != null ? ", with mirror order]" : "]");
    }
}
