package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/** Nearest neighbour: every output pixel copies the source pixel its tables point at. */
public final class NearestResampler implements Resampler {
    private final AxisTable columns;
    private final AxisTable rows;

    public NearestResampler(AxisTable columns, AxisTable rows) {
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
        int[] out = new int[window.width() * channels];
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            int rowStart = rows.index[oy] * source.rowBytes();
            int at = 0;
            for (int ox = window.x0(); ox < window.x1(); ox++) {
                int s = rowStart + columns.index[ox] * channels;
                for (int c = 0; c < channels; c++) {
                    out[at++] = source.data[s + c] & 0xFF;
                }
            }
            sink.row(oy - window.y0(), out);
        }
    }
}
