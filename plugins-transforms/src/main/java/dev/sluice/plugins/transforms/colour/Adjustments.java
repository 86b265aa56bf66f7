package dev.sluice.plugins.transforms.colour;

import dev.sluice.plugins.transforms.Raster;
import java.util.Arrays;

/**
 * torchvision 0.14's functional colour operations on uint8 tensors ({@code adjust_brightness},
 * {@code adjust_saturation}, {@code adjust_contrast}, {@code adjust_sharpness}, {@code posterize},
 * {@code solarize}, {@code autocontrast}, {@code equalize}, {@code invert}), on rasters of 1 or 3
 * channels, each returning a new raster and leaving its input alone. Public only so that the packages
 * of this plugin share them (the AutoAugment family uses them op by op); not for users.
 */
public final class Adjustments {
    private static final float SIDE = 1f / 13f;
    private static final float MIDDLE = 5f / 13f;

    private Adjustments() {
    }

    /** {@code adjust_brightness(img, factor)}: the levels scaled by {@code factor >= 0}. */
    public static Raster brightness(Raster raster, double factor) {
        return ColorJitter.adjust(raster, ColorJitter.BRIGHTNESS, factor);
    }

    /** {@code adjust_saturation(img, factor)}: blended with its grey image; grey rasters unchanged. */
    public static Raster saturation(Raster raster, double factor) {
        return ColorJitter.adjust(raster, ColorJitter.SATURATION, factor);
    }

    /** {@code adjust_contrast(img, factor)}: blended with its mean grey level. */
    public static Raster contrast(Raster raster, double factor) {
        return ColorJitter.adjust(raster, ColorJitter.CONTRAST, factor);
    }

    /**
     * {@code adjust_sharpness(img, factor)}: blended with the image smoothed by the 3 x 3 kernel
     * {@code [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13} (in float32, rounded to 8 bits) inside the border
     * and equal to it on the border; images of width or height 2 or less are returned as they are.
     */
    public static Raster sharpness(Raster raster, double factor) {
        int w = raster.width;
        int h = raster.height;
        if (w <= 2 || h <= 2) {
            return raster;
        }
        int c = raster.channels;
        byte[] in = raster.data;
        byte[] smooth = in.clone();
        int row = w * c;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                for (int k = 0; k < c; k++) {
                    int at = (y * w + x) * c + k;
                    float sum = 0;
                    for (int dy = -row; dy <= row; dy += row) {
                        for (int dx = -c; dx <= c; dx += c) {
                            float weight = dy == 0 && dx == 0 ? MIDDLE : SIDE;
                            sum += weight * (in[at + dy + dx] & 0xFF);
                        }
                    }
                    smooth[at] = (byte) (int) Math.rint(sum);
                }
            }
        }
        return Blends.withImage(raster, smooth, factor);
    }

    /** {@code posterize(img, bits)}: the top {@code bits} bits (0 to 8) of each level kept, the others cleared. */
    public static Raster posterize(Raster raster, int bits) {
        if (bits < 0 || bits > 8) {
            throw new IllegalArgumentException("The number of bits should be between 0 and 8, was " + bits);
        }
        int mask = (0xFF << (8 - bits)) & 0xFF;
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (byte) (in[i] & mask);
        }
        return new Raster(out, raster.width, raster.height, raster.channels);
    }

    /** {@code solarize(img, threshold)}: every level {@code >= threshold} inverted. */
    public static Raster solarize(Raster raster, double threshold) {
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            int level = in[i] & 0xFF;
            out[i] = (byte) (level >= threshold ? 255 - level : level);
        }
        return new Raster(out, raster.width, raster.height, raster.channels);
    }

    /** {@code invert(img)}: {@code 255 - x}. */
    public static Raster invert(Raster raster) {
        return solarize(raster, 0);
    }

    /**
     * {@code autocontrast(img)}: each channel stretched from its [lowest, highest] level to [0, 255],
     * as {@code (x - lo) * (float32(1 / (hi - lo)) * 255)} truncated (PyTorch divides a number by a
     * tensor through its reciprocal); a flat channel is left as it is.
     */
    public static Raster autoContrast(Raster raster) {
        int c = raster.channels;
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        for (int k = 0; k < c; k++) {
            int lo = 255;
            int hi = 0;
            for (int i = k; i < in.length; i += c) {
                int level = in[i] & 0xFF;
                lo = Math.min(lo, level);
                hi = Math.max(hi, level);
            }
            float minimum = hi == lo ? 0f : lo;
            // torch evaluates 255.0 / tensor as tensor.reciprocal() * 255, two float32 roundings.
            float scale = hi == lo ? 1f : (1f / (float) (hi - lo)) * 255f;
            for (int i = k; i < in.length; i += c) {
                float v = ((in[i] & 0xFF) - minimum) * scale;
                out[i] = (byte) (int) (v < 0 ? 0 : Math.min(v, 255f));
            }
        }
        return new Raster(out, raster.width, raster.height, c);
    }

    /**
     * {@code equalize(img)}: each channel through PIL's equalisation table. With {@code step} the
     * pixel count less the count of the highest occupied level, divided by 255 (floor), level
     * {@code k} maps to {@code min(255, (count below k + step / 2) / step)}; a channel whose step is 0
     * is left as it is.
     */
    public static Raster equalize(Raster raster) {
        int c = raster.channels;
        byte[] in = raster.data;
        byte[] out = new byte[in.length];
        long[] histogram = new long[256];
        int[] table = new int[256];
        for (int k = 0; k < c; k++) {
            Arrays.fill(histogram, 0);
            for (int i = k; i < in.length; i += c) {
                histogram[in[i] & 0xFF]++;
            }
            long total = 0;
            long highest = 0;
            for (long count : histogram) {
                total += count;
                highest = count != 0 ? count : highest;
            }
            long step = (total - highest) / 255;
            if (step == 0) {
                for (int i = k; i < in.length; i += c) {
                    out[i] = in[i];
                }
                continue;
            }
            long below = 0;
            for (int level = 0; level < 256; level++) {
                table[level] = (int) Math.min(255, (below + step / 2) / step);
                below += histogram[level];
            }
            for (int i = k; i < in.length; i += c) {
                out[i] = (byte) table[in[i] & 0xFF];
            }
        }
        return new Raster(out, raster.width, raster.height, c);
    }
}
