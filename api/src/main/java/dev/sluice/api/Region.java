package dev.sluice.api;

/**
 * A rectangle in pixel coordinates: {@code [x, y, width, height]}, the top-left corner included.
 *
 * @param x the left column, {@code >= 0}
 * @param y the top row, {@code >= 0}
 * @param width columns, {@code > 0}
 * @param height rows, {@code > 0}
 */
public record Region(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException naming the component and its value when one is out of range */
    public Region {
        if (x < 0) {
            throw new IllegalArgumentException("x must be >= 0, was " + x);
        }
        if (y < 0) {
            throw new IllegalArgumentException("y must be >= 0, was " + y);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("width must be > 0, was " + width);
        }
        if (height <= 0) {
            throw new IllegalArgumentException("height must be > 0, was " + height);
        }
    }

    /** Whether the rectangle lies wholly inside an image of the given size. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }

    /** {@code [x, y, w, h]}, as the seed recipe writes a rectangle. */
    @Override
    public String toString() {
        return "[" + x + ", " + y + ", " + width + ", " + height + "]";
    }
}
