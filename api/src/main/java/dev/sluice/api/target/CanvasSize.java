package dev.sluice.api.target;

/**
 * The size of the image that targets are drawn on, torchvision's {@code canvas_size} (height, width)
 * in pixels. Boxes are clamped to {@code [0, width] x [0, height]}.
 *
 * @param height rows, {@code > 0}
 * @param width columns, {@code > 0}
 */
public record CanvasSize(int height, int width) {

    /** @throws IllegalArgumentException naming the component and its value when one is not positive */
    public CanvasSize {
        if (height <= 0) {
            throw new IllegalArgumentException("canvas height must be > 0, was " + height);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("canvas width must be > 0, was " + width);
        }
    }

    /** {@code height * width}, without overflow. */
    public long pixels() {
        return (long) height * width;
    }

    /** {@code "HxW"}, height first as torchvision writes a canvas, e.g. {@code "480x640"}. */
    @Override
    public String toString() {
        return height + "x" + width;
    }
}
