package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/**
 * OpenCV's 8-bit INTER_LINEAR and INTER_CUBIC ({@code resizeGeneric_}): a horizontal pass in
 * integers with 11-bit weights, then a vertical pass computed as OpenCV's SIMD code computes it on
 * x86 (which is what {@code cv2.resize} runs there): for linear, each row product is shifted down to
 * 16 bits before the sum ({@code VResizeLinearVec_32s8u}); for cubic, the four row products are
 * summed in float from the last row to the first ({@code VResizeCubicVec_32s8u}).
 */
final class FixedPointResampler implements Resampler {
    private static final float CUBIC_SCALE = 1f / (AxisTables.FIXED_ONE * AxisTables.FIXED_ONE);
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 half to even, as v_round. */
    private static final float ROUNDING = 12582912f;
    private final AxisTable columns;
    private final AxisTable rows;

    /** Both tables must come from the same kernel: two taps (linear) or four (cubic). */
    FixedPointResampler(AxisTable columns, AxisTable rows) {
        if (columns.taps != rows.taps || (columns.taps != 2 && columns.taps != 4)) {
            throw new IllegalArgumentException("fixed-point tables need 2 or 4 taps on both axes, got "
                    + columns.taps + " and " + rows.taps);
        }
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public int outputWidth() {
        return columns.size;
    }

    @Override
    public int outputHeight() {
        return rows.size;
    }

    @Override
    public void resample(Raster source, Window window, RowSink sink) {
        int channels = source.channels;
        int rowLength = window.width() * channels;
        int firstRow = rows.firstSource(window.y0(), window.y1());
        int lastRow = rows.lastSource(window.y0(), window.y1());
        PassBuffers buffers = PassBuffers.forElements((long) (lastRow - firstRow + 2) * rowLength);
        int[][] horizontal = buffers.intRows(lastRow - firstRow + 1, rowLength);
        for (int r = firstRow; r <= lastRow; r++) {
            int rowStart = r * source.rowBytes();
            int[] row = horizontal[r - firstRow];
            if (columns.taps == 2 && channels == 3) {
                horizontalLinearRgb(source.data, rowStart, window.x0(), window.x1(), row);
            } else if (columns.taps == 2) {
                horizontalLinear(source.data, rowStart, channels, window.x0(), window.x1(), row);
            } else {
                horizontalCubic(source.data, rowStart, channels, window.x0(), window.x1(), row);
            }
        }
        int[] out = buffers.out(rowLength);
        int taps = rows.taps;
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int t = oy * taps;
            if (taps == 2) {
                verticalLinear(horizontal[rows.index[t] - firstRow], horizontal[rows.index[t + 1] - firstRow],
                        rows.fixed[t], rows.fixed[t + 1], out, rowLength);
            } else {
                verticalCubic(horizontal, t, firstRow, out, rowLength);
            }
            sink.row(oy - window.y0(), out);
        }
    }

    private void horizontalLinear(byte[] data, int rowStart, int channels, int x0, int x1, int[] out) {
        int[] index = columns.index;
        int[] fixed = columns.fixed;
        int at = 0;
        for (int ox = x0; ox < x1; ox++) {
            int s0 = rowStart + index[2 * ox] * channels;
            int s1 = rowStart + index[2 * ox + 1] * channels;
            int a0 = fixed[2 * ox];
            int a1 = fixed[2 * ox + 1];
            for (int c = 0; c < channels; c++) {
                out[at++] = (data[s0 + c] & 0xFF) * a0 + (data[s1 + c] & 0xFF) * a1;
            }
        }
    }

    /** {@link #horizontalLinear} for three channels, the common case, with the channel loop unrolled. */
    private void horizontalLinearRgb(byte[] data, int rowStart, int x0, int x1, int[] out) {
        int[] index = columns.index;
        int[] fixed = columns.fixed;
        int at = 0;
        for (int ox = x0; ox < x1; ox++) {
            int s0 = rowStart + index[2 * ox] * 3;
            int s1 = rowStart + index[2 * ox + 1] * 3;
            int a0 = fixed[2 * ox];
            int a1 = fixed[2 * ox + 1];
            out[at] = (data[s0] & 0xFF) * a0 + (data[s1] & 0xFF) * a1;
            out[at + 1] = (data[s0 + 1] & 0xFF) * a0 + (data[s1 + 1] & 0xFF) * a1;
            out[at + 2] = (data[s0 + 2] & 0xFF) * a0 + (data[s1 + 2] & 0xFF) * a1;
            at += 3;
        }
    }

    private void horizontalCubic(byte[] data, int rowStart, int channels, int x0, int x1, int[] out) {
        int[] index = columns.index;
        int[] fixed = columns.fixed;
        int at = 0;
        for (int ox = x0; ox < x1; ox++) {
            int t = 4 * ox;
            int s0 = rowStart + index[t] * channels;
            int s1 = rowStart + index[t + 1] * channels;
            int s2 = rowStart + index[t + 2] * channels;
            int s3 = rowStart + index[t + 3] * channels;
            for (int c = 0; c < channels; c++) {
                out[at++] = (data[s0 + c] & 0xFF) * fixed[t] + (data[s1 + c] & 0xFF) * fixed[t + 1]
                        + (data[s2 + c] & 0xFF) * fixed[t + 2] + (data[s3 + c] & 0xFF) * fixed[t + 3];
            }
        }
    }

    /**
     * Each row read from index 0 and the result clamped to [0, 255] with shifts and masks instead of
     * {@code Math.min}/{@code max}: the form JDK 17's compiler turns into vector instructions.
     */
    private static void verticalLinear(int[] top, int[] bottom, int b0, int b1, int[] out, int length) {
        for (int i = 0; i < length; i++) {
            int v = ((((top[i] >> 4) * b0) >> 16) + (((bottom[i] >> 4) * b1) >> 16) + 2) >> 2;
            v &= ~(v >> 31);
            out[i] = (v | ((255 - v) >> 31)) & 255;
        }
    }

    private void verticalCubic(int[][] horizontal, int t, int firstRow, int[] out, int length) {
        int[] h0 = horizontal[rows.index[t] - firstRow];
        int[] h1 = horizontal[rows.index[t + 1] - firstRow];
        int[] h2 = horizontal[rows.index[t + 2] - firstRow];
        int[] h3 = horizontal[rows.index[t + 3] - firstRow];
        float b0 = rows.fixed[t] * CUBIC_SCALE;
        float b1 = rows.fixed[t + 1] * CUBIC_SCALE;
        float b2 = rows.fixed[t + 2] * CUBIC_SCALE;
        float b3 = rows.fixed[t + 3] * CUBIC_SCALE;
        for (int i = 0; i < length; i++) {
            float sum = h3[i] * b3;
            sum = h2[i] * b2 + sum;
            sum = h1[i] * b1 + sum;
            sum = h0[i] * b0 + sum;
            int v = (int) ((sum + ROUNDING) - ROUNDING);
            out[i] = Math.max(0, Math.min(v, 255));
        }
    }
}
