package dev.sluice.plugins.imageio;

import dev.sluice.api.Image;

/**
 * Interleaved 8-bit samples between the decoder's steps, owned by the step that holds them: the
 * steps pass the array on instead of copying it, as an {@link Image} would on every read.
 */
final class PixelBuffer {
    final int width;
    final int height;
    final int channels;
    final byte[] data;

    PixelBuffer(int width, int height, int channels, byte[] data) {
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image needs "
                    + (long) width * height * channels + " samples, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    /** The samples as an Image, without copying; this object must not be used afterwards. */
    Image toImage() {
        return Image.wrap(width, height, channels, data);
    }
}
