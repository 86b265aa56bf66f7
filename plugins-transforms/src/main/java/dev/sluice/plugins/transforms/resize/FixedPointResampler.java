package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * OpenCV's 8-bit INTER_LINEAR and INTER_CUBIC ({@code resizeGeneric_}): a horizontal pass in
 * integers with 11-bit weights, then a vertical pass computed as OpenCV's SIMD code computes it on
 * x86 (which is what {@code cv2.resize} runs there): for linear, each row product is shifted down to
 * 16 bits before the sum ({@code VResizeLinearVec_32s8u}); for cubic, the four row products are
 * summed in float from the last row to the first ({@code VResizeCubicVec_32s8u}).
 *
 * <p>The horizontal pass (a scalar gather: each output column reads its own source pixels) resamples a
 * source row only when an output row first needs it, together with the next row (the two copied out of
 * the image's buffer, heap or direct, into a small array that the gather's loads find in the first-level
 * cache; the image is not copied whole), and writes one row per channel into a ring one row longer than
 * an output row reads; the vertical pass, vectorised along each channel's row, then reads them from the
 * core's first-level cache, and its rows go to the sink one channel at a time. The integer operations and their order are OpenCV's, whatever the layout.
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
    public void resample(Image source, Window window, RowSink sink) {
        ByteBuffer pixels = source.pixels();
        int channels = source.channels();
        int rowBytes = source.width() * channels;
        int width = window.width();
        int taps = columns.taps;
        // Per output column of the window and tap k: the tap's byte offset in a source row and its weight.
        int[] offsets = new int[taps * width];
        int[] weights = new int[taps * width];
        for (int x = 0; x < width; x++) {
            for (int k = 0; k < taps; k++) {
                offsets[k * width + x] = columns.index[(window.x0() + x) * taps + k] * channels;
                weights[k * width + x] = columns.fixed[(window.x0() + x) * taps + k];
            }
        }
        int lastRow = rows.lastSource(window.y0(), window.y1());
        // One slot more than an output row reads, so that the next row can be computed with the one asked for.
        int slots = rowSpan(window) + 1;
        PassBuffers buffers = PassBuffers.forElements((long) (channels * slots + 1) * width + rowBytes / 2);
        int[][] ring = buffers.intRows(channels * slots, width);
        int[] held = new int[slots];
        Arrays.fill(held, -1);
        int[][] tapRows = new int[taps][];
        int[] out = buffers.out(width);
        byte[] lines = buffers.bytes(2 * rowBytes);
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int t = oy * taps;
            for (int k = 0; k < taps; k++) {
                int r = rows.index[t + k];
                if (held[r % slots] != r) {
                    boolean pair = r < lastRow && held[(r + 1) % slots] != r + 1;
                    // Read where the image lies (heap or direct), the two rows in one copy into an array
                    // that stays in the first-level cache, for the gather's loads.
                    pixels.get(r * rowBytes, lines, 0, (pair ? 2 : 1) * rowBytes);
                    horizontal(lines, rowBytes, channels, r, pair, offsets, weights, ring, slots, width);
                    held[r % slots] = r;
                    if (pair) {
                        held[(r + 1) % slots] = r + 1;
                    }
                }
            }
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < taps; k++) {
                    tapRows[k] = ring[c * slots + rows.index[t + k] % slots];
                }
                if (taps == 2) {
                    verticalLinear(tapRows[0], tapRows[1], rows.fixed[t], rows.fixed[t + 1], out, width);
                } else {
                    verticalCubic(tapRows, rows.fixed, t, out, width);
                }
                sink.planeSamples(c, oy - window.y0(), out);
            }
        }
    }

    /**
     * The ring's length: the most consecutive source rows one output row of the window reads. Each
     * output row's taps lie within that many consecutive rows, so they never share a slot.
     */
    private int rowSpan(Window window) {
        int span = 1;
        for (int o = window.y0(); o < window.y1(); o++) {
            span = Math.max(span, rows.lastSource(o, o + 1) - rows.firstSource(o, o + 1) + 1);
        }
        return span;
    }

    /**
     * Source row {@code r} (and {@code r + 1} too when {@code pair}), copied into {@code lines} (row r
     * from index 0, the next from {@code rowBytes}), resampled horizontally into its slot of each
     * channel's ring.
     */
    private void horizontal(byte[] lines, int rowBytes, int channels, int r, boolean pair, int[] offsets,
            int[] weights, int[][] ring, int slots, int width) {
        if (columns.taps == 2 && channels == 3 && pair) {
            int slot = r % slots;
            int next = (r + 1) % slots;
            linearRgbPair(lines, 0, rowBytes, offsets, weights, ring[slot], ring[slots + slot], ring[2 * slots + slot],
                    ring[next], ring[slots + next], ring[2 * slots + next], width);
            return;
        }
        for (int i = 0; i < (pair ? 2 : 1); i++) {
            int slot = (r + i) % slots;
            int rowStart = i * rowBytes;
            if (columns.taps == 2 && channels == 3) {
                linearRgb(lines, rowStart, offsets, weights, ring[slot], ring[slots + slot], ring[2 * slots + slot], width);
                continue;
            }
            for (int c = 0; c < channels; c++) {
                if (columns.taps == 2) {
                    linear(lines, rowStart + c, offsets, weights, ring[c * slots + slot], width);
                } else {
                    cubic(lines, rowStart + c, offsets, weights, ring[c * slots + slot], width);
                }
            }
        }
    }

    /** Two taps, three channels: the seed pipeline's pass, each pixel's offsets and weights read once for all three. */
    private static void linearRgb(byte[] data, int rowStart, int[] offsets, int[] weights, int[] red, int[] green,
            int[] blue, int width) {
        for (int x = 0; x < width; x++) {
            int s0 = rowStart + offsets[x];
            int s1 = rowStart + offsets[width + x];
            int a0 = weights[x];
            int a1 = weights[width + x];
            red[x] = (data[s0] & 0xFF) * a0 + (data[s1] & 0xFF) * a1;
            green[x] = (data[s0 + 1] & 0xFF) * a0 + (data[s1 + 1] & 0xFF) * a1;
            blue[x] = (data[s0 + 2] & 0xFF) * a0 + (data[s1 + 2] & 0xFF) * a1;
        }
    }

    /** {@link #linearRgb} for two rows at once, sharing each pixel's offsets and weights: a fifth faster. */
    private static void linearRgbPair(byte[] data, int rowStart, int nextStart, int[] offsets, int[] weights,
            int[] red, int[] green, int[] blue, int[] nextRed, int[] nextGreen, int[] nextBlue, int width) {
        for (int x = 0; x < width; x++) {
            int o0 = offsets[x];
            int o1 = offsets[width + x];
            int a0 = weights[x];
            int a1 = weights[width + x];
            int s0 = rowStart + o0;
            int s1 = rowStart + o1;
            red[x] = (data[s0] & 0xFF) * a0 + (data[s1] & 0xFF) * a1;
            green[x] = (data[s0 + 1] & 0xFF) * a0 + (data[s1 + 1] & 0xFF) * a1;
            blue[x] = (data[s0 + 2] & 0xFF) * a0 + (data[s1 + 2] & 0xFF) * a1;
            s0 = nextStart + o0;
            s1 = nextStart + o1;
            nextRed[x] = (data[s0] & 0xFF) * a0 + (data[s1] & 0xFF) * a1;
            nextGreen[x] = (data[s0 + 1] & 0xFF) * a0 + (data[s1 + 1] & 0xFF) * a1;
            nextBlue[x] = (data[s0 + 2] & 0xFF) * a0 + (data[s1 + 2] & 0xFF) * a1;
        }
    }

    /** Two taps, one channel: {@code rowStart} includes the channel's byte. */
    private static void linear(byte[] data, int rowStart, int[] offsets, int[] weights, int[] out, int width) {
        for (int x = 0; x < width; x++) {
            out[x] = (data[rowStart + offsets[x]] & 0xFF) * weights[x]
                    + (data[rowStart + offsets[width + x]] & 0xFF) * weights[width + x];
        }
    }

    private static void cubic(byte[] data, int rowStart, int[] offsets, int[] weights, int[] out, int width) {
        for (int x = 0; x < width; x++) {
            out[x] = (data[rowStart + offsets[x]] & 0xFF) * weights[x]
                    + (data[rowStart + offsets[width + x]] & 0xFF) * weights[width + x]
                    + (data[rowStart + offsets[2 * width + x]] & 0xFF) * weights[2 * width + x]
                    + (data[rowStart + offsets[3 * width + x]] & 0xFF) * weights[3 * width + x];
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

    private static void verticalCubic(int[][] tapRows, int[] fixed, int t, int[] out, int length) {
        int[] h0 = tapRows[0];
        int[] h1 = tapRows[1];
        int[] h2 = tapRows[2];
        int[] h3 = tapRows[3];
        float b0 = fixed[t] * CUBIC_SCALE;
        float b1 = fixed[t + 1] * CUBIC_SCALE;
        float b2 = fixed[t + 2] * CUBIC_SCALE;
        float b3 = fixed[t + 3] * CUBIC_SCALE;
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
