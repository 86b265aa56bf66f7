package com.example.acme;

import java.util.Arrays;

/** Channel conversions and size reduction on interleaved 8-bit samples. */
final class Rasters {
    private Rasters() {
    }

    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** One grey channel repeated as R, G and B. */
    static byte[] greyToRgb(byte[] grey) {
        byte[] rgb = new byte[grey.length * 3];
        for (int i = 0, o = 0; i < grey.length; i++, o += 3) {
            rgb[o] = grey[i];
            rgb[o + 1] = grey[i];
            rgb[o + 2] = grey[i];
        }
        return rgb;
    }

    /** {@code round(0.299 R + 0.587 G + 0.114 B)}, the ITU-R BT.601 luma OpenCV uses. */
    static byte[] rgbToGrey(byte[] rgb) {
        byte[] grey = new byte[rgb.length / 3];
        for (int o = 0, i = 0; o < grey.length; o++, i += 3) {
            int luma = 299 * (rgb[i] & 0xFF) + 587 * (rgb[i + 1] & 0xFF) + 114 * (rgb[i + 2] & 0xFF);
            grey[o] = (byte) ((luma + 500) / 1000);
        }
        return grey;
    }

    /**
     * Each {@code factor x factor} block replaced by its mean, rounded half up; the blocks at the
     * right and bottom edges may be smaller, so the result is {@code ceil(width / factor)} by
     * {@code ceil(height / factor)}.
     */
    static byte[] reduce(byte[] samples, int width, int height, int channels, int factor) {
        int outWidth = ceilDiv(width, factor);
        int outHeight = ceilDiv(height, factor);
        byte[] out = new byte[outWidth * outHeight * channels];
        int[] sums = new int[outWidth * channels];
        for (int by = 0; by < outHeight; by++) {
            Arrays.fill(sums, 0);
            int y0 = by * factor;
            int rows = Math.min(factor, height - y0);
            for (int y = y0; y < y0 + rows; y++) {
                int row = y * width * channels;
                for (int x = 0; x < width; x++) {
                    int sum = (x / factor) * channels;
                    int at = row + x * channels;
                    for (int c = 0; c < channels; c++) {
                        sums[sum + c] += samples[at + c] & 0xFF;
                    }
                }
            }
            int o = by * outWidth * channels;
            for (int bx = 0; bx < outWidth; bx++) {
                int count = rows * Math.min(factor, width - bx * factor);
                for (int c = 0; c < channels; c++) {
                    out[o++] = (byte) ((sums[bx * channels + c] * 2 + count) / (2 * count));
                }
            }
        }
        return out;
    }
}
