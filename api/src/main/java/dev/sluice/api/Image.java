package dev.sluice.api;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A decoded image: 8-bit samples, interleaved height x width x channels (HWC), rows top to bottom.
 *
 * <p>Channel layouts: 1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA, always in that order (never
 * OpenCV's BGR). The pixel buffer may be on the heap or direct. An image is immutable through this
 * class: {@link #pixels()} is a read-only view, and whoever {@linkplain #wrap(int, int, int, byte[])
 * wraps} an array or buffer hands it over and must not write to it afterwards. Instances are safe to
 * share between threads once published.
 *
 * <pre>{@code
 * Image image = Image.wrap(2, 1, 3, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255}); // red, blue
 * int blue = image.get(1, 0, 2);            // 255
 * }</pre>
 */
public final class Image {
    private final int width;
    private final int height;
    private final int channels;
    private final ByteBuffer pixels;

    private Image(int width, int height, int channels, ByteBuffer pixels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /**
     * Wraps an HWC array without copying it.
     *
     * @param width columns, {@code > 0}
     * @param height rows, {@code > 0}
     * @param channels 1 to 4
     * @param hwc exactly {@code width * height * channels} samples; ownership passes to the image
     * @throws IllegalArgumentException naming the argument and its value if a size is out of range
     *         or the array length does not match
     */
    public static Image wrap(int width, int height, int channels, byte[] hwc) {
        return wrap(width, height, channels, ByteBuffer.wrap(hwc));
    }

    /**
     * Wraps the remaining bytes of an HWC buffer (heap or direct) without copying them.
     *
     * @throws IllegalArgumentException naming the argument and its value if a size is out of range
     *         or the buffer's remaining length does not match
     */
    public static Image wrap(int width, int height, int channels, ByteBuffer hwc) {
        requirePositive("width", width);
        requirePositive("height", height);
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels must be 1 to 4, was " + channels);
        }
        long expected = (long) width * height * channels;
        if (hwc.remaining() != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image needs "
                    + expected + " bytes, got " + hwc.remaining());
        }
        return new Image(width, height, channels, hwc.slice());
    }

    /** Like {@link #wrap(int, int, int, byte[])}, but copies the array first. */
    public static Image copyOf(int width, int height, int channels, byte[] hwc) {
        return wrap(width, height, channels, hwc.clone());
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    /** Columns, {@code > 0}. */
    public int width() {
        return width;
    }

    /** Rows, {@code > 0}. */
    public int height() {
        return height;
    }

    /** Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
    public int channels() {
        return channels;
    }

    /** {@code width * height * channels}. */
    public int byteSize() {
        return pixels.capacity();
    }

    /** A read-only view of the HWC samples, positioned at 0; a new view on each call. */
    public ByteBuffer pixels() {
        return pixels.asReadOnlyBuffer();
    }

    /**
     * One sample, unsigned (0 to 255).
     *
     * @throws IndexOutOfBoundsException if a coordinate is outside the image
     */
    public int get(int x, int y, int channel) {
        if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ", " + channel + ") is outside a "
                    + width + "x" + height + "x" + channels + " image");
        }
        return pixels.get((y * width + x) * channels + channel) & 0xFF;
    }

    /**
     * Copies all samples into {@code destination} starting at {@code offset}.
     *
     * @throws IndexOutOfBoundsException if they do not fit
     */
    public void copyTo(byte[] destination, int offset) {
        pixels.get(0, destination, offset, pixels.capacity());
    }

    /** A new array holding a copy of the HWC samples. */
    public byte[] toArray() {
        byte[] out = new byte[pixels.capacity()];
        copyTo(out, 0);
        return out;
    }

    /** Equal when sizes, channel count and every sample are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Image that
                && width == that.width
                && height == that.height
                && channels == that.channels
                && pixels.equals(that.pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {width, height, channels, pixels.hashCode()});
    }

    /** The size, for example {@code Image[500x375x3]}. */
    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + "]";
    }
}
