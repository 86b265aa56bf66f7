package dev.sluice.plugins.transforms;

import dev.sluice.api.Image;

/** An image's samples as a plain array, for the pixel loops: HWC, row-major, unsigned bytes. */
final class Raster {
    final byte[] data;
    final int width;
    final int height;
    final int channels;

    Raster(byte[] data, int width, int height, int channels) {
        this.data = data;
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    /** A copy of the image's samples: {@link Image} only lends a read-only buffer. */
    static Raster of(Image image) {
        return new Raster(image.toArray(), image.width(), image.height(), image.channels());
    }

    /** Wraps this raster's array as an image; the raster must not be written afterwards. */
    Image toImage() {
        return Image.wrap(width, height, channels, data);
    }

    int rowBytes() {
        return width * channels;
    }
}
