package dev.sluice.plugins.transforms;

/**
 * A separable resampler in float: a horizontal pass over the needed source rows into a float
 * buffer, then a vertical pass, each accumulating its taps in order as PyTorch's antialiased kernel
 * and OpenCV's INTER_AREA do, then rounding half to even and clamping to [0, 255].
 *
 * <p>PyTorch's CPU kernel is compiled with fused multiply-add on AVX2 machines, so after the first
 * tap it accumulates {@code fma(x, w, sum)}; with {@code fused} this class does the same, computing
 * the product exactly in double (a float product always fits) and rounding the sum once to float.
 * OpenCV's area kernel is plain SSE2 code: {@code fused} false.
 */
final class FloatResampler implements Resampler {
    private final AxisTable columns;
    private final AxisTable rows;
    private final boolean fused;

    FloatResampler(AxisTable columns, AxisTable rows, boolean fused) {
        this.columns = columns;
        this.rows = rows;
        this.fused = fused;
    }

    /** {@code sum + x * w}, rounded once when fused, twice otherwise. */
    private static float accumulate(float sum, float x, float w, boolean fused) {
        return fused ? (float) (x * (double) w + sum) : sum + x * w;
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
        float[] horizontal = new float[(lastRow - firstRow + 1) * rowLength];
        for (int r = firstRow; r <= lastRow; r++) {
            int at = (r - firstRow) * rowLength;
            if (source.channels == 3) {
                horizontalRgb(source.data, r * source.rowBytes(), window.x0(), window.x1(), horizontal, at);
            } else {
                horizontal(source.data, r * source.rowBytes(), source.channels, window.x0(), window.x1(), horizontal, at);
            }
        }
        float[] sum = new float[rowLength];
        int[] out = new int[rowLength];
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int t = oy * rows.taps;
            int base = (rows.index[t] - firstRow) * rowLength;
            float w = rows.weight[t];
            for (int i = 0; i < rowLength; i++) {
                sum[i] = horizontal[base + i] * w;
            }
            for (int k = 1; k < rows.count[oy]; k++) {
                int next = (rows.index[t + k] - firstRow) * rowLength;
                float wk = rows.weight[t + k];
                for (int i = 0; i < rowLength; i++) {
                    sum[i] = accumulate(sum[i], horizontal[next + i], wk, fused);
                }
            }
            for (int i = 0; i < rowLength; i++) {
                int v = (int) Math.rint(sum[i]);
                out[i] = v < 0 ? 0 : Math.min(v, 255);
            }
            sink.row(oy - window.y0(), out);
        }
    }

    private void horizontalRgb(byte[] data, int rowStart, int x0, int x1, float[] out, int at) {
        int[] index = columns.index;
        float[] weight = columns.weight;
        int taps = columns.taps;
        for (int ox = x0; ox < x1; ox++) {
            int t = ox * taps;
            int s = rowStart + index[t] * 3;
            float w = weight[t];
            float r = (data[s] & 0xFF) * w;
            float g = (data[s + 1] & 0xFF) * w;
            float b = (data[s + 2] & 0xFF) * w;
            for (int k = 1, n = columns.count[ox]; k < n; k++) {
                s = rowStart + index[t + k] * 3;
                w = weight[t + k];
                r = accumulate(r, data[s] & 0xFF, w, fused);
                g = accumulate(g, data[s + 1] & 0xFF, w, fused);
                b = accumulate(b, data[s + 2] & 0xFF, w, fused);
            }
            out[at++] = r;
            out[at++] = g;
            out[at++] = b;
        }
    }

    private void horizontal(byte[] data, int rowStart, int channels, int x0, int x1, float[] out, int at) {
        int taps = columns.taps;
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
