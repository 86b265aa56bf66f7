package dev.sluice.api.spi;

/**
 * libjpeg's YCbCr to RGB (jdcolor.c, JFIF's BT.601 equations in 16-bit fixed point, rounded as its
 * tables round), which the JDK's reader and libjpeg-turbo share, so that a scaled decode's colours
 * match theirs.
 */
final class YccColours {
    private static final int SCALE_BITS = 16;
    private static final int HALF = 1 << (SCALE_BITS - 1);
    private static final int[] RED_FROM_CR = new int[256];
    private static final int[] BLUE_FROM_CB = new int[256];
    private static final int[] GREEN_FROM_CR = new int[256];
    /** With the rounding half added, as libjpeg adds it once here. */
    private static final int[] GREEN_FROM_CB = new int[256];

    static {
        for (int level = 0; level < 256; level++) {
            int x = level - 128;
            RED_FROM_CR[level] = (fix(1.40200) * x + HALF) >> SCALE_BITS;
            BLUE_FROM_CB[level] = (fix(1.77200) * x + HALF) >> SCALE_BITS;
            GREEN_FROM_CR[level] = -fix(0.71414) * x;
            GREEN_FROM_CB[level] = -fix(0.34414) * x + HALF;
        }
    }

    private YccColours() {
    }

    /** The first {@code width} samples of the three rows as RGB triples at {@code out[at]}. */
    static void toRgb(byte[] luma, byte[] cb, byte[] cr, int width, byte[] out, int at) {
        for (int x = 0; x < width; x++, at += 3) {
            int y = luma[x] & 0xFF;
            int blue = cb[x] & 0xFF;
            int red = cr[x] & 0xFF;
            out[at] = clamp(y + RED_FROM_CR[red]);
            out[at + 1] = clamp(y + ((GREEN_FROM_CB[blue] + GREEN_FROM_CR[red]) >> SCALE_BITS));
            out[at + 2] = clamp(y + BLUE_FROM_CB[blue]);
        }
    }

    private static byte clamp(int level) {
        return (byte) Math.max(0, Math.min(255, level));
    }

    private static int fix(double value) {
        return (int) (value * (1 << SCALE_BITS) + 0.5);
    }
}
