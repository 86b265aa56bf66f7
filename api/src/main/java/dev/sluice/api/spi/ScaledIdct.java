package dev.sluice.api.spi;

/**
 * The inverse DCTs of a scaled JPEG decode: an 8x8 block of dequantised coefficients (natural
 * order) to 1x1, 2x2, 4x4 or 8x8 samples, with the integer arithmetic of libjpeg's "islow" method
 * and of its reduced-size inverse transforms (IJG jidctint.c and jidctred.c, which libjpeg-turbo
 * keeps), so that the samples equal those of cv2's and PIL's scaled decodes: 13-bit constants, two
 * extra bits between the column and the row pass, the DC term at the level of the full decode.
 * The reduced transforms use only the coefficients their output can show (2x2: rows and columns
 * 0, 1, 3, 5, 7; 4x4: all but row and column 4). Outputs wrap to 10 bits and are clamped as
 * libjpeg's range-limit table does.
 */
final class ScaledIdct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    private static final int C0_211164243 = fix(0.211164243);
    private static final int C0_298631336 = fix(0.298631336);
    private static final int C0_390180644 = fix(0.390180644);
    private static final int C0_509795579 = fix(0.509795579);
    private static final int C0_541196100 = fix(0.541196100);
    private static final int C0_601344887 = fix(0.601344887);
    private static final int C0_720959822 = fix(0.720959822);
    private static final int C0_765366865 = fix(0.765366865);
    private static final int C0_850430095 = fix(0.850430095);
    private static final int C0_899976223 = fix(0.899976223);
    private static final int C1_061594337 = fix(1.061594337);
    private static final int C1_175875602 = fix(1.175875602);
    private static final int C1_272758580 = fix(1.272758580);
    private static final int C1_451774981 = fix(1.451774981);
    private static final int C1_501321110 = fix(1.501321110);
    private static final int C1_847759065 = fix(1.847759065);
    private static final int C1_961570560 = fix(1.961570560);
    private static final int C2_053119869 = fix(2.053119869);
    private static final int C2_172734803 = fix(2.172734803);
    private static final int C2_562915447 = fix(2.562915447);
    private static final int C3_072711026 = fix(3.072711026);
    private static final int C3_624509785 = fix(3.624509785);

    /** Between the passes, reused by one decode on one thread. */
    private final int[] work = new int[64];
    /** One row's outputs before they become levels. */
    private final int[] rowResult = new int[8];

    /** Transforms {@code in} to {@code size x size} samples (size 1, 2, 4 or 8) at {@code out[at]}, rows {@code stride} apart. */
    void transform(int size, int[] in, byte[] out, int at, int stride) {
        switch (size) {
            case 1 -> out[at] = sample(descale(in[0], 3));
            case 2 -> twoByTwo(in, out, at, stride);
            case 4 -> fourByFour(in, out, at, stride);
            case 8 -> eightByEight(in, out, at, stride);
            default -> throw new IllegalArgumentException("a scaled inverse DCT is 1, 2, 4 or 8 samples wide, not " + size);
        }
    }

    private void twoByTwo(int[] in, byte[] out, int at, int stride) {
        for (int column = 0; column < 8; column++) {
            if (column == 2 || column == 4 || column == 6) {
                continue;
            }
            if ((in[8 + column] | in[24 + column] | in[40 + column] | in[56 + column]) == 0) {
                work[column] = in[column] << PASS1_BITS;
                work[8 + column] = work[column];
                continue;
            }
            long even = (long) in[column] << (CONST_BITS + 2);
            long odd = oddTwo(in[56 + column], in[40 + column], in[24 + column], in[8 + column]);
            work[column] = descale(even + odd, CONST_BITS - PASS1_BITS + 2);
            work[8 + column] = descale(even - odd, CONST_BITS - PASS1_BITS + 2);
        }
        for (int row = 0; row < 2; row++, at += stride) {
            int w = row * 8;
            if ((work[w + 1] | work[w + 3] | work[w + 5] | work[w + 7]) == 0) {
                byte level = sample(descale(work[w], PASS1_BITS + 3));
                out[at] = level;
                out[at + 1] = level;
                continue;
            }
            long even = (long) work[w] << (CONST_BITS + 2);
            long odd = oddTwo(work[w + 7], work[w + 5], work[w + 3], work[w + 1]);
            out[at] = sample(descale(even + odd, CONST_BITS + PASS1_BITS + 3 + 2));
            out[at + 1] = sample(descale(even - odd, CONST_BITS + PASS1_BITS + 3 + 2));
        }
    }

    private static long oddTwo(long c7, long c5, long c3, long c1) {
        return -c7 * C0_720959822 + c5 * C0_850430095 - c3 * C1_272758580 + c1 * C3_624509785;
    }

    private void fourByFour(int[] in, byte[] out, int at, int stride) {
        for (int column = 0; column < 8; column++) {
            if (column == 4) {
                continue;
            }
            if ((in[8 + column] | in[16 + column] | in[24 + column] | in[40 + column] | in[48 + column]
                    | in[56 + column]) == 0) {
                int dc = in[column] << PASS1_BITS;
                work[column] = dc;
                work[8 + column] = dc;
                work[16 + column] = dc;
                work[24 + column] = dc;
                continue;
            }
            fourPoint(in[column], in[8 + column], in[16 + column], in[24 + column], in[40 + column], in[48 + column],
                    in[56 + column], CONST_BITS - PASS1_BITS + 1, work, column, 8);
        }
        for (int row = 0; row < 4; row++, at += stride) {
            int w = row * 8;
            if ((work[w + 1] | work[w + 2] | work[w + 3] | work[w + 5] | work[w + 6] | work[w + 7]) == 0) {
                byte level = sample(descale(work[w], PASS1_BITS + 3));
                for (int x = 0; x < 4; x++) {
                    out[at + x] = level;
                }
                continue;
            }
            fourPoint(work[w], work[w + 1], work[w + 2], work[w + 3], work[w + 5], work[w + 6], work[w + 7],
                    CONST_BITS + PASS1_BITS + 3 + 1, rowResult, 0, 1);
            for (int x = 0; x < 4; x++) {
                out[at + x] = sample(rowResult[x]);
            }
        }
    }

    /** The four outputs of one 4-point pass, descaled by {@code shift}, into {@code into[at + i * step]}. */
    private void fourPoint(long c0, long c1, long c2, long c3, long c5, long c6, long c7, int shift, int[] into, int at,
            int step) {
        long zero = c0 << (CONST_BITS + 1);
        long two = c2 * C1_847759065 - c6 * C0_765366865;
        long even0 = zero + two;
        long even1 = zero - two;
        long odd0 = -c7 * C0_211164243 + c5 * C1_451774981 - c3 * C2_172734803 + c1 * C1_061594337;
        long odd1 = -c7 * C0_509795579 - c5 * C0_601344887 + c3 * C0_899976223 + c1 * C2_562915447;
        into[at] = descale(even0 + odd1, shift);
        into[at + 3 * step] = descale(even0 - odd1, shift);
        into[at + step] = descale(even1 + odd0, shift);
        into[at + 2 * step] = descale(even1 - odd0, shift);
    }

    private void eightByEight(int[] in, byte[] out, int at, int stride) {
        for (int column = 0; column < 8; column++) {
            if ((in[8 + column] | in[16 + column] | in[24 + column] | in[32 + column] | in[40 + column] | in[48 + column]
                    | in[56 + column]) == 0) {
                int dc = in[column] << PASS1_BITS;
                for (int y = 0; y < 8; y++) {
                    work[8 * y + column] = dc;
                }
                continue;
            }
            eightPoint(in, column, 8, CONST_BITS - PASS1_BITS, work, column, 8);
        }
        for (int row = 0; row < 8; row++, at += stride) {
            int w = row * 8;
            if ((work[w + 1] | work[w + 2] | work[w + 3] | work[w + 4] | work[w + 5] | work[w + 6] | work[w + 7]) == 0) {
                byte level = sample(descale(work[w], PASS1_BITS + 3));
                for (int x = 0; x < 8; x++) {
                    out[at + x] = level;
                }
                continue;
            }
            eightPoint(work, w, 1, CONST_BITS + PASS1_BITS + 3, rowResult, 0, 1);
            for (int x = 0; x < 8; x++) {
                out[at + x] = sample(rowResult[x]);
            }
        }
    }

    /** One 8-point pass (the Loeffler-Ligtenberg-Moschytz flow graph of jidctint.c) over {@code in[from + i * step]}. */
    private static void eightPoint(int[] in, int from, int step, int shift, int[] into, int at, int intoStep) {
        long c0 = in[from];
        long c1 = in[from + step];
        long c2 = in[from + 2 * step];
        long c3 = in[from + 3 * step];
        long c4 = in[from + 4 * step];
        long c5 = in[from + 5 * step];
        long c6 = in[from + 6 * step];
        long c7 = in[from + 7 * step];
        long z1 = (c2 + c6) * C0_541196100;
        long even2 = z1 - c6 * C1_847759065;
        long even3 = z1 + c2 * C0_765366865;
        long even0 = (c0 + c4) << CONST_BITS;
        long even1 = (c0 - c4) << CONST_BITS;
        long t10 = even0 + even3;
        long t13 = even0 - even3;
        long t11 = even1 + even2;
        long t12 = even1 - even2;

        long sum73 = c7 + c3;
        long sum51 = c5 + c1;
        long z5 = (sum73 + sum51) * C1_175875602;
        long a = (c7 + c1) * -C0_899976223;
        long b = (c5 + c3) * -C2_562915447;
        long c = sum73 * -C1_961570560 + z5;
        long d = sum51 * -C0_390180644 + z5;
        long odd0 = c7 * C0_298631336 + a + c;
        long odd1 = c5 * C2_053119869 + b + d;
        long odd2 = c3 * C3_072711026 + b + c;
        long odd3 = c1 * C1_501321110 + a + d;

        into[at] = descale(t10 + odd3, shift);
        into[at + 7 * intoStep] = descale(t10 - odd3, shift);
        into[at + intoStep] = descale(t11 + odd2, shift);
        into[at + 6 * intoStep] = descale(t11 - odd2, shift);
        into[at + 2 * intoStep] = descale(t12 + odd1, shift);
        into[at + 5 * intoStep] = descale(t12 - odd1, shift);
        into[at + 3 * intoStep] = descale(t13 + odd0, shift);
        into[at + 4 * intoStep] = descale(t13 - odd0, shift);
    }

    /** Rounds {@code value / 2^shift} half up, as libjpeg's DESCALE. */
    private static int descale(long value, int shift) {
        return (int) ((value + (1L << (shift - 1))) >> shift);
    }

    /** A level from an inverse-DCT output around 0: wrapped to 10 bits, then moved to 0..255 and clamped. */
    private static byte sample(int value) {
        int wrapped = (value << 22) >> 22;
        return (byte) Math.max(0, Math.min(255, wrapped + 128));
    }

    private static int fix(double value) {
        return (int) (value * (1 << CONST_BITS) + 0.5);
    }
}
