package dev.sluice.plugins.transforms;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An image's samples as a plain array, for the pixel loops of this pack's packages: HWC, row-major,
 * unsigned; one byte per sample (uint8), or two little-endian bytes per sample (uint16) for the steps
 * that move or resample 16-bit pixels. Public only so that the packages of this plugin share it; not
 * for users.
 *
 * <p>{@link #of} takes 8-bit images only, so that a loop written for bytes never
 * sees 16-bit samples; a step that works at either depth takes {@link #ofAnyDepth} and moves
 * {@link #pixelBytes()} bytes per pixel.
 */
public final class Raster {
    /** The samples, {@code height * width * channels * sampleBytes} bytes; shared, not copied. */
    public final byte[] data;
    /** Columns. */
    public final int width;
    /** Rows. */
    public final int height;
    /** Samples per pixel, 1 to 4. */
    public final int channels;
    /** Bytes per sample: 1 (uint8) or 2 (uint16, little-endian). */
    public final int sampleBytes;

    /** An 8-bit raster over {@code data}, which it shares. */
    public Raster(byte[] data, int width, int height, int channels) {
        this(data, width, height, channels, 1);
    }

    /** A raster of {@code sampleBytes}-byte samples (1 or 2) over {@code data}, which it shares. */
    public Raster(byte[] data, int width, int height, int channels, int sampleBytes) {
        this.data = data;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.sampleBytes = sampleBytes;
    }

    /**
     * A copy of the 8-bit image's samples: {@link Image} only lends a read-only buffer.
     *
     * @throws IllegalArgumentException for a 16-bit image, which a loop over bytes would narrow
     */
    public static Raster of(Image image) {
        requireEightBit(image, "this step");
        return new Raster(image.toArray(), image.width(), image.height(), image.channels());
    }

    /** A copy of the image's samples at its depth (uint8 or uint16), for steps that move pixels whole. */
    public static Raster ofAnyDepth(Image image) {
        if (image.dtype() == DType.UINT8) {
            return new Raster(image.toArray(), image.width(), image.height(), image.channels());
        }
        byte[] data = new byte[image.byteSize()];
        image.sampleBytes().get(data);
        return new Raster(data, image.width(), image.height(), image.channels(), 2);
    }

    /**
     * Refuses a 16-bit image for a step that works on 8-bit samples only, naming the step, rather
     * than narrowing it.
     *
     * @param step the transform's id as users write it ({@code color_jitter})
     * @throws IllegalArgumentException when {@code image} is not uint8
     */
    public static void requireEightBit(Image image, String step) {
        if (image.dtype() != DType.UINT8) {
            throw new IllegalArgumentException(step + " works on 8-bit images and does not narrow " + image
                    + " (16-bit samples, from decoder mode unchanged); use mode rgb or gray, or leave " + step
                    + " out of a 16-bit pipeline");
        }
    }

    /** Wraps this raster's array as an image of its depth; the raster must not be written afterwards. */
    public Image toImage() {
        return sampleBytes == 1 ? Image.wrap(width, height, channels, data)
                : Image.wrap(DType.UINT16, width, height, channels, ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** A raster of this one's channels and depth over {@code samples}. */
    public Raster withPixels(byte[] samples, int newWidth, int newHeight) {
        return new Raster(samples, newWidth, newHeight, channels, sampleBytes);
    }

    /** Bytes per pixel: {@code channels * sampleBytes}. */
    public int pixelBytes() {
        return channels * sampleBytes;
    }

    /** Bytes per row: {@code width * channels * sampleBytes}. */
    public int rowBytes() {
        return width * channels * sampleBytes;
    }
}
