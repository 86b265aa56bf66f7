package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;
import java.nio.ByteBuffer;

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
    public void resample(Image source, Window window, RowSink sink) {
        ByteBuffer data = source.pixels();
        int channels = source.channels();
        int rowBytes = source.width() * channels;
        // Each source row read is copied out of the image's buffer (heap or direct) once, for the gather.
        byte[] line = new byte[rowBytes];
        int lineRow = -1;
        int[] out = new int[window.width() * channels];
        for (int oy = window.y0(); oy < window.y1(); oy++) {
            if (rows.index[oy] != lineRow) {
                lineRow = rows.index[oy];
                data.get(lineRow * rowBytes, line, 0, rowBytes);
            }
            int at = 0;
            for (int ox = window.x0(); ox < window.x1(); ox++) {
                int s = columns.index[ox] * channels;
                for (int c = 0; c < channels; c++) {
                    out[at++] = line[s + c] & 0xFF;
                }
            }
            sink.row(oy - window.y0(), out);
        }
    }
}
