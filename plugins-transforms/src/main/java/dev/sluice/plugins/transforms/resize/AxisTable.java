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
    /** The smallest and the largest source position each output position reads. */
    private final int[] first;
    private final int[] last;
    /**
     * Whether each output position's first and last source are no smaller than the previous
     * position's, as in every table built here: then the sources of a range of outputs are looked up
     * at its ends instead of scanned (the scans were 5% of the eval kernel's samples).
     */
    private final boolean ordered;
    /** The most taps any output position uses. */
    final int mostTaps;
    /** Whether every float weight of a used tap is at least 0 (false for tables without float weights). */
    final boolean nonNegative;

    AxisTable(int size, int taps, int[] count, int[] index, float[] weight, int[] fixed) {
        this.size = size;
        this.taps = taps;
        this.count = count;
        this.index = index;
        this.weight = weight;
        this.fixed = fixed;
        this.first = new int[size];
        this.last = new int[size];
        boolean inOrder = true;
        int most = 0;
        boolean positive = weight != null && weight.length >= size * taps;
        for (int o = 0; o < size; o++) {
            most = Math.max(most, count[o]);
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int k = 0; k < count[o]; k++) {
                min = Math.min(min, index[o * taps + k]);
                max = Math.max(max, index[o * taps + k]);
                positive = positive && weight[o * taps + k] >= 0f;
            }
            first[o] = min;
            last[o] = max;
            inOrder &= o == 0 || (min >= first[o - 1] && max >= last[o - 1]);
        }
        this.ordered = inOrder;
        this.mostTaps = most;
        this.nonNegative = positive;
    }

    /** The smallest source position any tap of outputs {@code [from, to)} reads. */
    int firstSource(int from, int to) {
        if (ordered && from < to) {
            return first[from];
        }
        int min = Integer.MAX_VALUE;
        for (int o = from; o < to; o++) {
            min = Math.min(min, first[o]);
        }
        return min;
    }

    /** The largest source position any tap of outputs {@code [from, to)} reads. */
    int lastSource(int from, int to) {
        if (ordered && from < to) {
            return last[to - 1];
        }
        int max = Integer.MIN_VALUE;
        for (int o = from; o < to; o++) {
            max = Math.max(max, last[o]);
        }
        return max;
    }
}
