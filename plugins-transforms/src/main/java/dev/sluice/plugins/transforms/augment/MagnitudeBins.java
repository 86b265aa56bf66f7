package dev.sluice.plugins.transforms.augment;

/**
 * The magnitude tables of torchvision 0.14's AutoAugment family, value for value: they are compared
 * with integers (translate pixels, solarize thresholds, posterize bits), so the last bit matters.
 */
final class MagnitudeBins {
    /** The length of the vectors PyTorch 1.13's CPU {@code linspace} fills, for float32 on AVX2. */
    private static final int LANES = 8;

    private MagnitudeBins() {
    }

    /**
     * {@code torch.linspace(start, end, n)} in float32 as PyTorch 1.13's CPU kernel computes it: the
     * step {@code (end - start) / (n - 1)}; the first half counted up from {@code start} and the rest
     * down from {@code end}, each by one fused multiply-add; except that while at least two vectors of
     * {@link #LANES} values remain, a vector's first value is found that way and the others by adding
     * {@code lane * step} to it.
     */
    static float[] linspace(double start, double end, int n) {
        float from = (float) start;
        float to = (float) end;
        float[] out = new float[n];
        if (n == 1) {
            out[0] = from;
            return out;
        }
        float step = (to - from) / (float) (n - 1);
        int i = 0;
        for (; i <= n - 2 * LANES; i += 2 * LANES) {
            for (int vector = i; vector < i + 2 * LANES; vector += LANES) {
                float base = counted(from, to, step, vector, n);
                for (int lane = 0; lane < LANES; lane++) {
                    out[vector + lane] = base + lane * step;
                }
            }
        }
        for (; i < n; i++) {
            out[i] = counted(from, to, step, i, n);
        }
        return out;
    }

    private static float counted(float from, float to, float step, int index, int n) {
        return index < n / 2 ? Math.fma(step, (float) index, from) : Math.fma(-step, (float) (n - index - 1), to);
    }

    /**
     * Posterize's bits by bin: {@code top - round(k / ((n - 1) / levels))}, the division in float32 and
     * the rounding half to even, as {@code top - (torch.arange(n) / ((n - 1) / levels)).round().int()}.
     */
    static float[] posterizeBits(int top, int levels, int n) {
        float divisor = (float) ((n - 1) / (double) levels);
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = top - (float) Math.rint((float) k / divisor);
        }
        return out;
    }
}
