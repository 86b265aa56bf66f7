package dev.sluice.plugins.transforms.resize;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The two copies that let both passes of a separable resampler run along arrays: a source region
 * into per-channel planes stored by column, and computed columns back into rows. Plain scalar
 * copies; everything between them is vectorised.
 */
final class Transpose {
    /** Four bytes of a byte array at any index, little-endian: one load for a pixel's three samples. */
    private static final VarHandle FOUR_BYTES = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Each byte's value as a float: a load instead of an int-to-float conversion, which is slower here. */
    private static final float[] LEVELS = levels();
    /** Columns computed and written back together. */
    static final int BLOCK = 8;

    private Transpose() {
    }

    private static float[] levels() {
        float[] levels = new float[256];
        for (int v = 0; v < 256; v++) {
            levels[v] = v;
        }
        return levels;
    }

    /**
     * Columns {@code [firstColumn, firstColumn + columnCount)} of {@code rowCount} rows of {@code channels}
     * samples, HWC from index 0 of {@code data}, {@code stride} bytes apart, as floats:
     * {@code planes[c * columnCount + x][y]} is channel c of the region's pixel (x, y). Three-channel
     * pixels are read as four bytes at once (one load instead of three: 0.88 of the time of this copy),
     * so {@code data} must hold one byte after the last pixel read.
     */
    static void planes(byte[] data, int stride, int channels, int firstColumn, int columnCount, int rowCount,
            float[][] planes) {
        int start = firstColumn * channels;
        if (channels == 3) {
            for (int x = 0; x < columnCount; x++) {
                float[] r = planes[x];
                float[] g = planes[columnCount + x];
                float[] b = planes[2 * columnCount + x];
                for (int y = 0, at = start + 3 * x; y < rowCount; y++, at += stride) {
                    int pixel = (int) FOUR_BYTES.get(data, at);
                    r[y] = LEVELS[pixel & 0xFF];
                    g[y] = LEVELS[(pixel >>> 8) & 0xFF];
                    b[y] = LEVELS[(pixel >>> 16) & 0xFF];
                }
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int x = 0; x < columnCount; x++) {
                float[] plane = planes[c * columnCount + x];
                for (int y = 0, at = start + channels * x + c; y < rowCount; y++, at += stride) {
                    plane[y] = LEVELS[data[at] & 0xFF];
                }
            }
        }
    }

    /**
     * {@code rows[base + y][x + j] = columns[j][y]} for {@code j < count} and {@code y < length}: a block of
     * computed columns written back into rows, {@link #BLOCK} values into each row at a time.
     */
    static void columns(float[][] columns, int count, float[][] rows, int base, int length, int x) {
        if (count == BLOCK) {
            float[] c0 = columns[0];
            float[] c1 = columns[1];
            float[] c2 = columns[2];
            float[] c3 = columns[3];
            float[] c4 = columns[4];
            float[] c5 = columns[5];
            float[] c6 = columns[6];
            float[] c7 = columns[7];
            for (int y = 0; y < length; y++) {
                float[] row = rows[base + y];
                row[x] = c0[y];
                row[x + 1] = c1[y];
                row[x + 2] = c2[y];
                row[x + 3] = c3[y];
                row[x + 4] = c4[y];
                row[x + 5] = c5[y];
                row[x + 6] = c6[y];
                row[x + 7] = c7[y];
            }
            return;
        }
        for (int j = 0; j < count; j++) {
            float[] column = columns[j];
            for (int y = 0; y < length; y++) {
                rows[base + y][x + j] = column[y];
            }
        }
    }
}
