package dev.sluice.plugins.imageio;

import dev.sluice.api.ColorMode;

/**
 * The stored channels (grey, grey + alpha, RGB, RGBA) turned into those a {@link ColorMode} asks
 * for. Colour becomes grey with the BT.601 weights in the fixed point of the library OpenCV uses
 * for the format, so that both backends give the same levels: libpng's for PNG, which truncates,
 * and OpenCV's own {@code cvtColor} for the others, which rounds.
 */
final class ColorModes {
    /**
     * OpenCV's fixed-point BT.601 weights for {@code cvtColor(RGB2GRAY)} on 8-bit images:
     * 0.299, 0.587 and 0.114 in units of 2^-14.
     */
    private static final int RED = 4899;
    private static final int GREEN = 9617;
    private static final int BLUE = 1868;
    private static final int SHIFT = 14;
    /** libpng's {@code png_set_rgb_to_gray(..., 0.299, 0.587)} as OpenCV calls it: 15-bit weights, blue the remainder. */
    private static final int PNG_RED = 9798;
    private static final int PNG_GREEN = 19235;
    private static final int PNG_BLUE = 32768 - PNG_RED - PNG_GREEN;
    private static final int PNG_SHIFT = 15;

    private ColorModes() {
    }

    /** @param png whether the image is a PNG, whose colour OpenCV turns grey through libpng */
    static PixelBuffer toMode(PixelBuffer stored, ColorMode mode, boolean png) {
        int have = stored.channels;
        int want = switch (mode) {
            case RGB -> 3;
            case GRAY -> 1;
            case UNCHANGED -> have;
        };
        if (want == have) {
            return stored;
        }
        if (stored.sampleBytes != 1) {
            throw new IllegalStateException("16-bit samples are kept in UNCHANGED mode only, never converted to " + mode);
        }
        byte[] in = stored.data;
        int pixels = stored.width * stored.height;
        byte[] out = new byte[pixels * want];
        if (want == 1 && have <= 2) {
            for (int p = 0; p < pixels; p++) {
                out[p] = in[p * have];
            }
        } else if (want == 1 && png) {
            for (int p = 0, at = 0; p < pixels; p++, at += have) {
                out[p] = (byte) ((PNG_RED * (in[at] & 0xFF) + PNG_GREEN * (in[at + 1] & 0xFF)
                        + PNG_BLUE * (in[at + 2] & 0xFF)) >> PNG_SHIFT);
            }
        } else if (want == 1) {
            for (int p = 0, at = 0; p < pixels; p++, at += have) {
                int luma = RED * (in[at] & 0xFF) + GREEN * (in[at + 1] & 0xFF) + BLUE * (in[at + 2] & 0xFF);
                out[p] = (byte) ((luma + (1 << (SHIFT - 1))) >> SHIFT);
            }
        } else if (have <= 2) {
            for (int p = 0, at = 0; p < pixels; p++, at += have) {
                byte level = in[at];
                out[3 * p] = level;
                out[3 * p + 1] = level;
                out[3 * p + 2] = level;
            }
        } else {
            for (int p = 0; p < pixels; p++) {
                System.arraycopy(in, p * 4, out, p * 3, 3);
            }
        }
        return new PixelBuffer(stored.width, stored.height, want, out);
    }
}
