package dev.sluice.plugins.transforms.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.sluice.plugins.transforms.Raster;
import java.lang.management.ManagementFactory;

/**
 * A separable resampler in float: a horizontal pass over the needed source rows into a float
 * buffer, then a vertical pass, each accumulating its taps in order as PyTorch's antialiased kernel
 * and OpenCV's INTER_AREA do, then rounding half to even and clamping to [0, 255].
 *
 * <p>PyTorch's CPU kernel is compiled with fused multiply-add on AVX2 machines, so after the first
 * tap it accumulates {@code fma(x, w, sum)}; with {@code fused} this class does the same. Where the
 * JVM has no FMA instruction ({@code Math.fma} would then be computed with BigDecimal), the product is
 * formed exactly in double instead and the sum rounded once to float, which gives the same float
 * except in double-rounding cases too rare to have been seen. OpenCV's area kernel is plain SSE2
 * code: {@code fused} false.
 */
final class FloatResampler implements Resampler {
    private static final boolean HARDWARE_FMA = hardwareFma();
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 half to even. */
    private static final float ROUNDING = 12582912f;
    private static final int ROUNDING_BITS = Float.floatToRawIntBits(ROUNDING);

    private final AxisTable columns;
    private final AxisTable rows;
    private final boolean fused;

    FloatResampler(AxisTable columns, AxisTable rows, boolean fused) {
        this.columns = columns;
        this.rows = rows;
        this.fused = fused;
    }

    private static boolean hardwareFma() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            // Not HotSpot, or no such flag: take the exact-in-double path, which needs no FMA unit.
            return false;
        }
    }

    /** {@code sum + x * w}: rounded once when fused, twice otherwise. */
    private static float accumulate(float sum, float x, float w, boolean fused) {
        if (!fused) {
            return sum + x * w;
        }
        return HARDWARE_FMA ? Math.fma(x, w, sum) : (float) (x * (double) w + sum);
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
        int rowLength = window.width() * source.channels;
        int firstRow = rows.firstSource(window.y0(), window.y1());
        int lastRow = rows.lastSource(window.y0(), window.y1());
        PassBuffers buffers = PassBuffers.forFloatRows(lastRow - firstRow + 1, rowLength);
        float[][] horizontal = buffers.floatRows;
        if (source.channels == 3) {
            for (int r = firstRow; r <= lastRow; r += 2) {
                int second = Math.min(r + 1, lastRow);
                horizontalRgbRows(source.data, r * source.rowBytes(), second * source.rowBytes(), window.x0(),
                        window.x1(), horizontal[r - firstRow], horizontal[second - firstRow]);
            }
        } else {
            for (int r = firstRow; r <= lastRow; r++) {
                horizontal(source.data, r * source.rowBytes(), source.channels, window.x0(), window.x1(),
                        horizontal[r - firstRow]);
            }
        }
        float[] sum = buffers.sum;
        int[] out = buffers.out;
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int t = oy * rows.taps;
            first(horizontal[rows.index[t] - firstRow], rows.weight[t], sum, rowLength);
            for (int k = 1; k < rows.count[oy]; k++) {
                float[] next = horizontal[rows.index[t + k] - firstRow];
                float wk = rows.weight[t + k];
                if (!fused) {
                    add(next, wk, sum, rowLength);
                } else if (HARDWARE_FMA) {
                    addFused(next, wk, sum, rowLength);
                } else {
                    addFusedInDouble(next, wk, sum, rowLength);
                }
            }
            round(sum, out, rowLength);
            sink.row(oy - window.y0(), out);
        }
    }

    // The vertical pass's loops each read whole arrays from index 0, the form the compiler vectorises.

    private static void first(float[] row, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = row[i] * w;
        }
    }

    private static void add(float[] row, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] += row[i] * w;
        }
    }

    private static void addFused(float[] row, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = Math.fma(row[i], w, sum[i]);
        }
    }

    private static void addFusedInDouble(float[] row, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = (float) (row[i] * (double) w + sum[i]);
        }
    }

    private static void round(float[] sum, int[] out, int length) {
        for (int i = 0; i < length; i++) {
            // sum + 1.5 * 2^23 lies in [2^23, 2^24), where a float's step is 1: its bits minus the constant's
            // are (sum + 1.5 * 2^23) - 1.5 * 2^23 exactly, without the float-to-int conversion's overflow check.
            int v = Float.floatToRawIntBits(sum[i] + ROUNDING) - ROUNDING_BITS;
            out[i] = Math.max(0, Math.min(v, 255));
        }
    }

    /**
     * The horizontal pass for RGB over two source rows at once: each output pixel's taps and weights are
     * read once for both rows, and the six sums are independent chains, which the processor overlaps
     * (one chain of three would be bound by its latency). Each sum still adds its own taps in order, so
     * the values are those of one row at a time. An odd last row is passed as both rows.
     */
    private void horizontalRgbRows(byte[] data, int first, int second, int x0, int x1, float[] outFirst,
            float[] outSecond) {
        int[] index = columns.index;
        float[] weight = columns.weight;
        int[] count = columns.count;
        int taps = columns.taps;
        boolean fma = fused;
        for (int ox = x0, at = 0; ox < x1; ox++, at += 3) {
            int t = ox * taps;
            int s = index[t] * 3;
            float w = weight[t];
            float r0 = (data[first + s] & 0xFF) * w;
            float g0 = (data[first + s + 1] & 0xFF) * w;
            float b0 = (data[first + s + 2] & 0xFF) * w;
            float r1 = (data[second + s] & 0xFF) * w;
            float g1 = (data[second + s + 1] & 0xFF) * w;
            float b1 = (data[second + s + 2] & 0xFF) * w;
            for (int k = 1, n = count[ox]; k < n; k++) {
                s = index[t + k] * 3;
                w = weight[t + k];
                r0 = accumulate(r0, data[first + s] & 0xFF, w, fma);
                r1 = accumulate(r1, data[second + s] & 0xFF, w, fma);
                g0 = accumulate(g0, data[first + s + 1] & 0xFF, w, fma);
                g1 = accumulate(g1, data[second + s + 1] & 0xFF, w, fma);
                b0 = accumulate(b0, data[first + s + 2] & 0xFF, w, fma);
                b1 = accumulate(b1, data[second + s + 2] & 0xFF, w, fma);
            }
            outFirst[at] = r0;
            outFirst[at + 1] = g0;
            outFirst[at + 2] = b0;
            outSecond[at] = r1;
            outSecond[at + 1] = g1;
            outSecond[at + 2] = b1;
        }
    }

    private void horizontal(byte[] data, int rowStart, int channels, int x0, int x1, float[] out) {
        int taps = columns.taps;
        int at = 0;
        for (int ox = x0; ox < x1; ox++) {
            int t = ox * taps;
            int n = columns.count[ox];
            for (int c = 0; c < channels; c++) {
                float sum = (data[rowStart + columns.index[t] * channels + c] & 0xFF) * columns.weight[t];
                for (int k = 1; k < n; k++) {
                    sum = accumulate(sum, data[rowStart + columns.index[t + k] * channels + c] & 0xFF,
                            columns.weight[t + k], fused);
                }
                out[at++] = sum;
            }
        }
    }
}
