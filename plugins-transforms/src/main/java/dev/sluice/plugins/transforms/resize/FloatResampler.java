package dev.sluice.plugins.transforms.resize;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.sluice.api.Image;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

/**
 * A separable resampler in float: a horizontal pass over the needed source rows, then a vertical
 * pass, each accumulating its taps in order as PyTorch's antialiased kernel and OpenCV's INTER_AREA
 * do, then rounding half to even and clamping to [0, 255].
 *
 * <p>Both passes run as loops over whole rows that JDK 17's compiler turns into vector
 * instructions: the needed part of the source (copied out of the image's own buffer, heap or direct,
 * a strip of at most 384 rows at a time and only the columns the window reads, rather than
 * the whole image) is copied into one plane per channel,
 * transposed (one array per source column, holding that column's rows; a strip of rows and the
 * columns of a band of outputs at a time), so that the horizontal pass combines whole columns with one weight each, exactly as the
 * vertical pass combines whole rows. Its output, computed a column at a time, is written back into
 * rows for the vertical pass, which finishes each output row as soon as the strips it reads are
 * done. Each lane computes what one pixel at a time would, in the same order,
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
     * Bytes that a strip's working memory should fit in: its bytes, a band's column planes and its
     * rows of the horizontal pass, per source row, times the strip's rows. The eval pipeline's 330 source
     * rows then go in three strips of 110 (about 530 KB) instead of one (1.6 MB), inside a core's 1 MB
     * second-level cache with room for the tensor being written; an enlarging resize to 1,000 columns
     * holds 64 rows of them (0.8 MB) instead of 384 (4.6 MB). Measured against one strip of 384, new/old
     * CPU, medians of six runs: one thread 1.00 (0.95-1.05), two threads at once 0.98 (0.85-1.01)
     * (BENCHMARKS.md, "Issue 14, eighth round").
     */
    private static final long STRIP_BYTES = 640 << 10;
    /**
     * The fewest source rows in a strip however wide the window: shorter strips make the vectorised
     * loops down the columns too short to pay for their calls.
     */
    private static final int MIN_STRIP = 64;
    /** The most source rows in a strip, so that a tall photograph's planes stay a few megabytes. */
    private static final int MAX_STRIP = 384;
    /**
     * Output columns computed from one set of column planes: the planes of the source columns they
     * read (about 100 for a 3:2 downscale) stay a few hundred kilobytes, in the core's cache until the
     * horizontal pass reads them back, instead of megabytes copied out and read back from memory.
     */
    private static final int BAND = 64;
    /**
     * Taps per position up to which a sum with weights of at least 0 cannot round outside [0, 255]: the
     * weights add up to 1 within {@code taps} float steps, and each pass adds at most one more rounding
     * per tap, so two passes stay within {@code 255 * 4 * 1024 * 2^-24}, 0.07, of [0, 255].
     */
    private static final int UNCLAMPED_TAPS = 1024;

    private final AxisTable columns;
    private final AxisTable rows;
    private final boolean fused;
    /**
     * Whether a sum can round outside [0, 255]: only with a negative weight (bicubic's lobes) or more
     * than {@link #UNCLAMPED_TAPS} taps; otherwise clamping changes nothing and is skipped.
     */
    private final boolean clamps;

    FloatResampler(AxisTable columns, AxisTable rows, boolean fused) {
        this.columns = columns;
        this.rows = rows;
        this.fused = fused;
        this.clamps = !staysInRange(columns) || !staysInRange(rows);
    }

    private static boolean staysInRange(AxisTable table) {
        return table.nonNegative && table.mostTaps <= UNCLAMPED_TAPS;
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
    public void resample(Image source, Window window, RowSink sink) {
        ByteBuffer data = source.pixels();
        int channels = source.channels();
        int stride = source.width() * channels;
        int width = window.width();
        int firstRow = rows.firstSource(window.y0(), window.y1());
        int sourceRows = rows.lastSource(window.y0(), window.y1()) - firstRow + 1;
        int band = Math.min(width, BAND);
        int bandColumns = bandSourceColumns(window, band);
        int firstColumn = columns.firstSource(window.x0(), window.x1());
        // The bytes of a strip's rows that the window reads: at most the image's, so no overflow.
        int regionStride = (columns.lastSource(window.x0(), window.x1()) - firstColumn + 1) * channels;
        int most = stripRows(regionStride, channels, bandColumns, width);
        int strips = (sourceRows + most - 1) / most;
        int strip = (sourceRows + strips - 1) / strips;
        int kept = keptRows(window, strip, sourceRows);
        PassBuffers buffers = PassBuffers.forElements(
                (long) channels * ((long) bandColumns * strip + (long) kept * width) + (long) regionStride * strip / 4);
        float[][] planes = buffers.planes(channels * bandColumns, strip);
        float[][] horizontal = buffers.ring(channels, sourceRows, kept, width);
        float[][] computed = buffers.columns(Transpose.BLOCK, strip);
        float[] sum = buffers.sum(width);
        // One byte more than the region: Transpose.planes reads each pixel's three bytes as four.
        byte[] region = buffers.bytes(regionStride * strip + 1);
        int oy = window.y0();
        // Strips of source rows, each copied out of the image's buffer (heap or direct) as the window
        // reads it, then into column planes a band of output columns at a time and combined on its own
        // (rows do not mix in this pass); after each strip, every output row whose taps are all computed
        // is finished, so that only a strip and the few rows before it are held.
        for (int y = 0; y < sourceRows; y += strip) {
            int count = Math.min(strip, sourceRows - y);
            copyRows(data, stride, firstRow + y, count, firstColumn * channels, region, regionStride);
            for (int x0 = 0; x0 < width; x0 += band) {
                int x1 = Math.min(width, x0 + band);
                int bandFirst = columns.firstSource(window.x0() + x0, window.x0() + x1);
                int bandCount = columns.lastSource(window.x0() + x0, window.x0() + x1) - bandFirst + 1;
                Transpose.planes(region, regionStride, channels, bandFirst - firstColumn, bandCount, count, planes);
                for (int c = 0; c < channels; c++) {
                    for (int x = x0; x < x1; x += Transpose.BLOCK) {
                        int block = Math.min(Transpose.BLOCK, x1 - x);
                        for (int j = 0; j < block; j++) {
                            combine(columns, window.x0() + x + j, planes, c * bandCount - bandFirst, computed[j], count);
                        }
                        Transpose.columns(computed, block, horizontal, c * sourceRows + y, count, x);
                    }
                }
            }
            int computedTo = firstRow + y + count;
            for (; oy < window.y1() && rows.lastSource(oy, oy + 1) < computedTo; oy++) {
                for (int c = 0; c < channels; c++) {
                    combine(rows, oy, horizontal, c * sourceRows - firstRow, sum, width);
                    if (clamps) {
                        roundAndClamp(sum, width);
                    } else {
                        round(sum, width);
                    }
                    sink.planeRow(c, oy - window.y0(), sum);
                }
            }
        }
    }

    /**
     * The most source rows a strip holds: as many as fit in {@link #STRIP_BYTES} with the strip's bytes
     * ({@code regionStride} per row), a band's planes ({@code bandColumns} floats per channel and row)
     * and the rows of the horizontal pass ({@code width} floats per channel and row), within
     * [{@link #MIN_STRIP}, {@link #MAX_STRIP}].
     */
    private static int stripRows(int regionStride, int channels, int bandColumns, int width) {
        long rowBytes = regionStride + (long) Float.BYTES * channels * (bandColumns + width);
        return (int) Math.max(MIN_STRIP, Math.min(MAX_STRIP, STRIP_BYTES / rowBytes));
    }

    /**
     * Rows {@code [first, first + count)} of {@code data} ({@code stride} bytes each), from byte {@code skip}
     * of each row, {@code length} bytes of each, into {@code into} one after the other: in one copy when
     * they are whole rows, which lie one after the other in the image too.
     */
    private static void copyRows(ByteBuffer data, int stride, int first, int count, int skip, byte[] into, int length) {
        if (length == stride) {
            data.get(first * stride, into, 0, count * stride);
            return;
        }
        for (int row = 0; row < count; row++) {
            data.get((first + row) * stride + skip, into, row * length, length);
        }
    }

    /** The most source columns any band of {@code band} output columns of the window reads. */
    private int bandSourceColumns(Window window, int band) {
        int most = 0;
        for (int x0 = window.x0(); x0 < window.x1(); x0 += band) {
            int x1 = Math.min(window.x1(), x0 + band);
            most = Math.max(most, columns.lastSource(x0, x1) - columns.firstSource(x0, x1) + 1);
        }
        return most;
    }

    /**
     * How many rows of the horizontal pass's output must be held at once: a strip and the rows an
     * unfinished output row may still read before it. That holds when each output row's taps start
     * and end no earlier than the previous row's, as in every table built here; otherwise all rows.
     */
    private int keptRows(Window window, int strip, int sourceRows) {
        int span = 0;
        int first = Integer.MIN_VALUE;
        int last = Integer.MIN_VALUE;
        for (int o = window.y0(); o < window.y1(); o++) {
            int oFirst = rows.firstSource(o, o + 1);
            int oLast = rows.lastSource(o, o + 1);
            if (oFirst < first || oLast < last) {
                return sourceRows;
            }
            first = oFirst;
            last = oLast;
            span = Math.max(span, oLast - oFirst + 1);
        }
        return Math.min(sourceRows, strip + span);
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

    /** Rounds half to even: {@code sum + 1.5 * 2^23} lies where a float's step is 1. */
    private static void round(float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            sum[i] = (sum[i] + ROUNDING) - ROUNDING;
        }
    }

    /** Rounds half to even, as {@link #round}, and clamps to [0, 255]. */
    private static void roundAndClamp(float[] sum, int length) {
        for (int i = 0; i < length; i++) {
            float v = (sum[i] + ROUNDING) - ROUNDING;
            sum[i] = Math.min(Math.max(v, 0f), 255f);
        }
    }
}
