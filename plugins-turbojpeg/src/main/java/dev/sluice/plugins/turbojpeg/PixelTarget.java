package dev.sluice.plugins.turbojpeg;

import java.nio.ByteBuffer;

/**
 * Memory a codec may decode straight into when the image needs nothing done to its pixels afterwards
 * (no turn, no cut, no change of layout), so that each output byte is written once, by the codec.
 */
@FunctionalInterface
interface PixelTarget {

    /**
     * Direct memory of exactly {@code width * height * layout.bytesPerPixel()} bytes for packed rows
     * of {@code layout}, or null when the image needs a pass after decoding (the codec then decodes
     * into memory of its own).
     */
    ByteBuffer memory(RasterLayout layout, int width, int height);
}
