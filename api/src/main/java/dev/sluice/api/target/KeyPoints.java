package dev.sluice.api.target;

import java.util.Arrays;
import java.util.Objects;

/**
 * Points of one sample, torchvision v2's {@code KeyPoints} of shape {@code [K, 2]}: {@code (x, y)}
 * float32 pairs in pixels of a {@link CanvasSize}. Unlike boxes, flips map them by the pixel-index
 * convention ({@code x' = W - 1 - x}) and nothing clamps them automatically. Immutable.
 */
public final class KeyPoints {
    private final CanvasSize canvas;
    private final float[] coordinates;

    private KeyPoints(CanvasSize canvas, float[] coordinates) {
        this.canvas = canvas;
        this.coordinates = coordinates;
    }

    /**
     * Points from their coordinates, {@code [x0, y0, x1, y1, ...]}.
     *
     * @param coordinates {@code 2 * K} finite values; copied
     * @throws IllegalArgumentException if the length is odd, or naming the first value that is not finite
     */
    public static KeyPoints of(CanvasSize canvas, float[] coordinates) {
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
        return new KeyPoints(canvas, coordinates.clone());
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

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPoints that && canvas.equals(that.canvas)
                && Arrays.equals(coordinates, that.coordinates);
    }

    @Override
    public int hashCode() {
        return 31 * canvas.hashCode() + Arrays.hashCode(coordinates);
    }

    /** E.g. {@code KeyPoints[17 on 480x640]}. */
    @Override
    public String toString() {
        return "KeyPoints[" + count() + " on " + canvas + "]";
    }
}
