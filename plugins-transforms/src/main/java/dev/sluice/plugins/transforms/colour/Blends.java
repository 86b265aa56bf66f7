package dev.sluice.plugins.transforms.colour;

import dev.sluice.plugins.transforms.Raster;

/**
 * torchvision's {@code _blend(img1, img2, ratio)} on uint8: {@code (f * x + (1 - f) * other)} in
 * float32, clamped to [0, 255] and truncated, where the other image is a constant level, a grey level
 * per pixel, or a whole image of the same shape.
 */
final class Blends {
    private Blends() {
    }

    /** Blended with the constant {@code level} (brightness: 0; contrast: the mean grey level). */
    static Raster withLevel(Raster raster, float level, double factor) {
        float f = (float) factor;
        float g = (float) (1.0 - factor);
        float other = g * level;
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = truncated(f * (in[i] & 0xFF) + other);
        }
        return new Raster(out, raster.width, raster.height, raster.channels);
    }

    /** Blended with one grey level per pixel (saturation). */
    static Raster withGrey(Raster raster, byte[] grey, double factor) {
        float f = (float) factor;
        float g = (float) (1.0 - factor);
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        int channels = raster.channels;
        for (int i = 0; i < in.length; i++) {
            out[i] = truncated(f * (in[i] & 0xFF) + g * (grey[i / channels] & 0xFF));
        }
        return new Raster(out, raster.width, raster.height, channels);
    }

    /** Blended sample by sample with {@code other}, which has the raster's shape (sharpness). */
    static Raster withImage(Raster raster, byte[] other, double factor) {
        float f = (float) factor;
        float g = (float) (1.0 - factor);
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = truncated(f * (in[i] & 0xFF) + g * (other[i] & 0xFF));
        }
        return new Raster(out, raster.width, raster.height, raster.channels);
    }

    private static byte truncated(float v) {
        return (byte) (int) (v < 0 ? 0 : Math.min(v, 255f));
    }
}
