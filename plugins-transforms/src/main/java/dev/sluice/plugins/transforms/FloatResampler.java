package dev.sluice.plugins.transforms;

/**
 * A separable resampler in float: a horizontal pass over the needed source rows into a float
 * buffer, then a vertical pass, each accumulating its taps in order as PyTorch's antialiased kernel
 * and OpenCV's INTER_AREA do, then rounding half to even and clamping to [0, 255].
 */
final class FloatResampler implements Resampler {
    private final AxisTable columns;
    private final AxisTable rows;

    FloatResampler(AxisTable columns, AxisTable rows) {
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
                    sum[i] += horizontal[next + i] * wk;
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
                r += (data[s] & 0xFF) * w;
                g += (data[s + 1] & 0xFF) * w;
                b += (data[s + 2] & 0xFF) * w;
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
                    sum += (data[rowStart + columns.index[t + k] * channels + c] & 0xFF) * columns.weight[t + k];
                }
                out[at++] = sum;
            }
        }
    }
}
