package dev.sluice.plugins.transforms;

import java.util.Arrays;

/**
 * A separable resampler's working memory for one call: the horizontal pass's output rows (floats or
 * integers, by kernel), one row of vertical sums and one output row. Each horizontal row is an array
 * of its own, so that the vertical pass reads every row from index 0: JDK 17's compiler turns such
 * loops into vector instructions, but not loops that read an array from a variable offset.
 *
 * <p>Each thread keeps one set, grown to the largest image it has resized: a loader's workers resize
 * image after image, and a fresh megabyte per image showed as most of their allocation. Sets larger
 * than {@link #KEPT_ELEMENTS} are made for the call and dropped, so that one huge image does not pin
 * its memory to the thread. Only a resampler's {@code resample} uses them, and it never calls another.
 */
final class PassBuffers {
    /** 4 Mi elements: a 12-megapixel photograph's rows narrowed to 1,000 RGB columns. */
    static final int KEPT_ELEMENTS = 4 << 20;
    private static final ThreadLocal<PassBuffers> OWN = ThreadLocal.withInitial(PassBuffers::new);

    float[][] floatRows = new float[0][];
    int[][] intRows = new int[0][];
    float[] sum = new float[0];
    int[] out = new int[0];

    private PassBuffers() {
    }

    /** Buffers with {@code rowCount} {@link #floatRows} and rows of {@code rowLength}. */
    static PassBuffers forFloatRows(int rowCount, int rowLength) {
        PassBuffers buffers = own(rowCount, rowLength);
        if (buffers.floatRows.length < rowCount) {
            buffers.floatRows = Arrays.copyOf(buffers.floatRows, rowCount);
        }
        for (int r = 0; r < rowCount; r++) {
            if (buffers.floatRows[r] == null || buffers.floatRows[r].length < rowLength) {
                buffers.floatRows[r] = new float[rowLength];
            }
        }
        return buffers.withRow(rowLength);
    }

    /** Buffers with {@code rowCount} {@link #intRows} and rows of {@code rowLength}. */
    static PassBuffers forIntRows(int rowCount, int rowLength) {
        PassBuffers buffers = own(rowCount, rowLength);
        if (buffers.intRows.length < rowCount) {
            buffers.intRows = Arrays.copyOf(buffers.intRows, rowCount);
        }
        for (int r = 0; r < rowCount; r++) {
            if (buffers.intRows[r] == null || buffers.intRows[r].length < rowLength) {
                buffers.intRows[r] = new int[rowLength];
            }
        }
        return buffers.withRow(rowLength);
    }

    private static PassBuffers own(int rowCount, int rowLength) {
        return (long) rowCount * rowLength > KEPT_ELEMENTS ? new PassBuffers() : OWN.get();
    }

    private PassBuffers withRow(int rowLength) {
        if (out.length < rowLength) {
            sum = new float[rowLength];
            out = new int[rowLength];
        }
        return this;
    }
}
