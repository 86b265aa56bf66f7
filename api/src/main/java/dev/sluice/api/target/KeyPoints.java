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
 */
public final class KeyPoints {
    private final CanvasSize canvas;
    private final float[] coordinates;
    private final float[] visibility;

    private KeyPoints(CanvasSize canvas, float[] coordinates, float[] visibility) {
        this.canvas = canvas;
        this.coordinates = coordinates;
        this.visibility = visibility;
    }

    /**
     * Points from their coordinates, {@code [x0, y0, x1, y1, ...]}.
     *
     * @param coordinates {@code 2 * K} finite values; copied
     * @throws IllegalArgumentException if the length is odd, or naming the first value that is not finite
     */
    public static KeyPoints of(CanvasSize canvas, float[] coordinates) {
        return new KeyPoints(canvas, checked(canvas, coordinates), null);
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
        return new KeyPoints(canvas, copy, visibility.clone());
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
     * These points moved to {@code newCoordinates} on {@code newCanvas}, each keeping its visibility;
     * what a transform returns.
     *
     * @param newCoordinates {@code 2 * K} finite values for the same {@code K}; copied
     * @throws IllegalArgumentException if the number of points changes or a value is not finite
     */
    public KeyPoints withCoordinates(float[] newCoordinates, CanvasSize newCanvas) {
        if (newCoordinates.length != coordinates.length) {
            throw new IllegalArgumentException("moved key points keep their number, " + count() + ", but "
                    + newCoordinates.length + " coordinates were given");
        }
        return new KeyPoints(newCanvas, checked(newCanvas, newCoordinates), visibility);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPoints that && canvas.equals(that.canvas)
                && Arrays.equals(coordinates, that.coordinates) && Arrays.equals(visibility, that.visibility);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * canvas.hashCode() + Arrays.hashCode(coordinates)) + Arrays.hashCode(visibility);
    }

    /** E.g. {@code KeyPoints[17 on 480x640]} or {@code KeyPoints[17 on 480x640, with visibility]}. */
    @Override
    public String toString() {
        return "KeyPoints[" + count() + " on " + canvas + (visibility != null ? ", with visibility]" : "]");
    }
}
