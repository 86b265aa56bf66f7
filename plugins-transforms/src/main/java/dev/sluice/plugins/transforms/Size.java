package dev.sluice.plugins.transforms;

/**
 * A width and a height in pixels: the size of an image, a crop or a transform's output. Sluice
 * writes sizes as records rather than as {@code int[]}, whose order ({@code [height, width]} in
 * torchvision, {@code (width, height)} in OpenCV) a reader must remember.
 *
 * <pre>{@code
 * CenterCrop.of(new Size(320, 240));   // 320 wide, 240 high
 * CenterCrop.of(Size.square(224));
 * }</pre>
 *
 * @param width columns, {@code >= 1}
 * @param height rows, {@code >= 1}
 */
public record Size(int width, int height) {

    /** @throws IllegalArgumentException naming the side and its value when one is below 1 */
    public Size {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, was " + width);
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, was " + height);
        }
    }

    /**
     * A square of side {@code side}.
     *
     * @throws IllegalArgumentException when {@code side < 1}
     */
    public static Size square(int side) {
        return new Size(side, side);
    }

    /** {@code [height, width]}, torchvision's order, as the YAML options write a size. */
    @Override
    public String toString() {
        return "[" + height + ", " + width + "]";
    }
}
