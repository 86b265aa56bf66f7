package dev.sluice.plugins.transforms.resize;

/**
 * How one axis of an output image samples the same axis of its source: for each output position,
 * up to {@link #taps} source positions and their weights. Positions are absolute (they include the
 * origin of a cropped source region) and already clamped into the region, so the resamplers never
 * check bounds. Built once per call by {@link AxisTables}; never modified afterwards.
 */
final class AxisTable {
    /** Output positions. */
    final int size;
    /** The stride between the taps of two consecutive output positions. */
    final int taps;
    /** Taps used by each output position, {@code 1..taps}. */
    final int[] count;
    /** Source position of each tap, {@code size * taps} entries. */
    final int[] index;
    /** Floating-point weight of each tap; null for tables that only carry {@link #fixed} weights. */
    final float[] weight;
    /** OpenCV's 11-bit fixed-point weight of each tap; null for floating-point tables. */
    final int[] fixed;

    AxisTable(int size, int taps, int[] count, int[] index, float[] weight, int[] fixed) {
        this.size = size;
        this.taps = taps;
        this.count = count;
        this.index = index;
        this.weight = weight;
        this.fixed = fixed;
    }

    /** The smallest source position any tap of outputs {@code [from, to)} reads. */
    int firstSource(int from, int to) {
        int min = Integer.MAX_VALUE;
        for (int o = from; o < to; o++) {
            for (int k = 0; k < count[o]; k++) {
                min = Math.min(min, index[o * taps + k]);
            }
        }
        return min;
    }

    /** The largest source position any tap of outputs {@code [from, to)} reads. */
    int lastSource(int from, int to) {
        int max = Integer.MIN_VALUE;
        for (int o = from; o < to; o++) {
            for (int k = 0; k < count[o]; k++) {
                max = Math.max(max, index[o * taps + k]);
            }
        }
        return max;
    }
}
