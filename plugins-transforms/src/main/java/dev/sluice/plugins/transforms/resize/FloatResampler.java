package dev.sluice.plugins.transforms.resize;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.sluice.plugins.transforms.Raster;
import java.lang.management.ManagementFactory;

/**
 * A separable resampler in float: a horizontal pass over the needed source rows, then a vertical
 * pass, each accumulating its taps in order as PyTorch's antialiased kernel and OpenCV's INTER_AREA
 * do, then rounding half to even and clamping to [0, 255].
 *
 * <p>Both passes run as loops over whole rows that JDK 17's compiler turns into vector
 * instructions: the needed part of the source is first copied into one plane per channel,
 * transposed (one array per source column, holding that column's rows; a strip of rows at a
 * time), so that the horizontal pass combines whole columns with one weight each, exactly as the
 * vertical pass combines whole rows. Its output, computed a column at a time, is written back into
 * rows for the vertical pass. Each lane computes what one pixel at a time would, in the same order,
 * so the values do not depend on the layout.
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
    /**
     * The most source rows copied into column planes at once: the eval pipeline's 330 in one strip, and a
     * tall photograph's planes a few megabytes instead of four times its pixels.
     */
    private static final int MAX_STRIP = 384;

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
        int width = window.width();
        int firstColumn = columns.firstSource(window.x0(), window.x1());
        int sourceColumns = columns.lastSource(window.x0(), window.x1()) - firstColumn + 1;
        int firstRow = rows.firstSource(window.y0(), window.y1());
        int sourceRows = rows.lastSource(window.y0(), window.y1()) - firstRow + 1;
        int strips = (sourceRows + MAX_STRIP - 1) / MAX_STRIP;
        int strip = (sourceRows + strips - 1) / strips;
        PassBuffers buffers = PassBuffers.forElements(
                (long) channels * ((long) sourceColumns * strip + (long) sourceRows * width));
        float[][] planes = buffers.planes(channels * sourceColumns, strip);
        float[][] horizontal = buffers.floatRows(channels * sourceRows, width);
        float[][] computed = buffers.columns(Transpose.BLOCK, strip);
        // Strips of source rows, each copied into the planes and combined on its own: rows do not mix in
        // this pass, and the planes stay a strip's size however tall the source is.
        for (int y = 0; y < sourceRows; y += strip) {
            int count = Math.min(strip, sourceRows - y);
            Transpose.planes(source, firstColumn, sourceColumns, firstRow + y, count, planes);
            for (int c = 0; c < channels; c++) {
                for (int x = 0; x < width; x += Transpose.BLOCK) {
                    int block = Math.min(Transpose.BLOCK, width - x);
                    for (int j = 0; j < block; j++) {
                        combine(columns, window.x0() + x + j, planes, c * sourceColumns - firstColumn, computed[j], count);
                    }
                    Transpose.columns(computed, block, horizontal, c * sourceRows + y, count, x);
                }
            }
        }
        float[] sum = buffers.sum(width);
        for (int c = 0; c < channels; c++) {
            for (int oy = window.y0(); oy < window.y1(); oy++) {
                combine(rows, oy, horizontal, c * sourceRows - firstRow, sum, width);
                round(sum, width);
                sink.planeRow(c, oy - window.y0(), sum);
            }
        }
    }

    /**
     * {@code sum[0 .. length)} = the weighted sum, in tap order, of the lines {@code lines[base + index]}
     * that output position {@code o} of {@code table} reads. Two to four taps with hardware FMA, the
     * common counts, run as one loop each; the result is the same as adding one tap at a time.
     */
    private void combine(AxisTable table, int o, float[][] lines, int base, float[] sum, int length) {
        int t = o * table.taps;
        int[] index = table.index;
        float[] weight = table.weight;
        int n = table.count[o];
        if (fused && HARDWARE_FMA && n >= 2 && n <= 4) {
            float[] a = lines[base + index[t]];
            float[] b = lines[base + index[t + 1]];
            if (n == 2) {
                fused2(a, weight[t], b, weight[t + 1], sum, length);
            } else if (n == 3) {
                fused3(a, weight[t], b, weight[t + 1], lines[base + index[t + 2]], weight[t + 2], sum, length);
            } else {
                fused4(a, weight[t], b, weight[t + 1], lines[base + index[t + 2]], weight[t + 2],
                        lines[base + index[t + 3]], weight[t + 3], sum, length);
            }
            return;
        }
        first(lines[base + index[t]], weight[t], sum, length);
        for (int k = 1; k < n; k++) {
            float[] line = lines[base + index[t + k]];
            float w = weight[t + k];
            if (!fused) {
                add(line, w, sum, length);
            } else if (HARDWARE_FMA) {
                addFused(line, w, sum, length);
            } else {
                addFusedInDouble(line, w, sum, length);
            }
        }
    }

    private static void fused2(float[] a, float wa, float[] b, float wb, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = Math.fma(b[i], wb, a[i] * wa);
        }
    }

    private static void fused3(float[] a, float wa, float[] b, float wb, float[] c, float wc, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = Math.fma(c[i], wc, Math.fma(b[i], wb, a[i] * wa));
        }
    }

    private static void fused4(float[] a, float wa, float[] b, float wb, float[] c, float wc, float[] d, float wd,
            float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = Math.fma(d[i], wd, Math.fma(c[i], wc, Math.fma(b[i], wb, a[i] * wa)));
        }
    }

    // Each loop reads whole arrays from index 0, the form the compiler vectorises.

    private static void first(float[] line, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = line[i] * w;
        }
    }

    private static void add(float[] line, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] += line[i] * w;
        }
    }

    private static void addFused(float[] line, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = Math.fma(line[i], w, sum[i]);
        }
    }

    private static void addFusedInDouble(float[] line, float w, float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = (float) (line[i] * (double) w + sum[i]);
        }
    }

    /** Rounds half to even ({@code sum + 1.5 * 2^23} lies where a float's step is 1) and clamps to [0, 255]. */
    private static void round(float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            float v = (sum[i] + ROUNDING) - ROUNDING;
            sum[i] = Math.min(Math.max(v, 0f), 255f);
        }
    }
}
