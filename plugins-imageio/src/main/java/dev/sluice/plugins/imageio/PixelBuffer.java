package dev.sluice.plugins.imageio;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.spi.Reductions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Interleaved samples between the decoder's steps, owned by the step that holds them: the steps
 * pass the array on instead of copying it, as an {@link Image} would on every read. 8-bit samples
 * are one byte each; 16-bit ones (kept only in UNCHANGED mode) two bytes each, little-endian, so
 * that the steps that only move pixels (orientation, region) move {@link #pixelBytes()} bytes at a
 * time whatever the depth. The array may be longer than the samples (one lent by the caller's
 * decode buffers): they sit at its start, and steps read {@link #byteSize()} bytes of it.
 */
final class PixelBuffer {
    final int width;
    final int height;
    final int channels;
    /** 1 or 2. */
    final int sampleBytes;
    final byte[] data;

    PixelBuffer(int width, int height, int channels, byte[] data) {
        this(width, height, channels, 1, data);
    }

    /** @param data at least the samples' bytes; a longer array (lent by a decode buffer) holds them at its start */
    PixelBuffer(int width, int height, int channels, int sampleBytes, byte[] data) {
        if ((long) width * height * channels * sampleBytes > data.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image of " + sampleBytes
                    + "-byte samples needs " + (long) width * height * channels * sampleBytes + " bytes, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.sampleBytes = sampleBytes;
        this.data = data;
    }

    /** The samples' bytes, from the start of {@link #data}. */
    int byteSize() {
        return width * height * channels * sampleBytes;
    }

    /** Bytes per pixel: {@code channels * sampleBytes}. */
    int pixelBytes() {
        return channels * sampleBytes;
    }

    /** A buffer of the same channels and depth over {@code samples}. */
    PixelBuffer withPixels(int newWidth, int newHeight, byte[] samples) {
        return new PixelBuffer(newWidth, newHeight, channels, sampleBytes, samples);
    }

    /** This image shrunk by {@code factor} (2, 4 or 8) by {@link Reductions#blockAverage}, at its depth. */
    PixelBuffer blockAverage(int factor) {
        int outWidth = Reductions.reducedLength(width, factor);
        int outHeight = Reductions.reducedLength(height, factor);
        if (sampleBytes == 1) {
            // Reductions takes exactly the samples: a lent, longer array is cut to them first (a reduced decode
            // through the reader, which the DCT-domain path does not take; rare).
            byte[] samples = data.length == byteSize() ? data : Arrays.copyOf(data, byteSize());
            return withPixels(outWidth, outHeight, Reductions.blockAverage(samples, width, height, channels, factor));
        }
        short[] samples = new short[byteSize() / 2];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        short[] reduced = Reductions.blockAverage(samples, width, height, channels, factor);
        ByteBuffer out = ByteBuffer.allocate(reduced.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(reduced);
        return withPixels(outWidth, outHeight, out.array());
    }

    /** The samples as an Image, without copying; this object must not be used afterwards. */
    Image toImage() {
        ByteBuffer samples = ByteBuffer.wrap(data, 0, byteSize());
        return sampleBytes == 1 ? Image.wrap(width, height, channels, samples)
                : Image.wrap(DType.UINT16, width, height, channels, samples.order(ByteOrder.LITTLE_ENDIAN));
    }
}
