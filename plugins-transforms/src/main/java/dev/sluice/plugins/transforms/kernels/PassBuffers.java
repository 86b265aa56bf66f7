package dev.sluice.plugins.transforms.kernels;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

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
        buffers.floatRows = rows(buffers.floatRows, rowCount, rowLength, row -> row.length, float[]::new);
        return buffers.withRow(rowLength);
    }

    /** Buffers with {@code rowCount} {@link #intRows} and rows of {@code rowLength}. */
    static PassBuffers forIntRows(int rowCount, int rowLength) {
        PassBuffers buffers = own(rowCount, rowLength);
        buffers.intRows = rows(buffers.intRows, rowCount, rowLength, row -> row.length, int[]::new);
        return buffers.withRow(rowLength);
    }

    /** {@code rows}, or a longer copy, with its first {@code count} rows at least {@code length} long. */
    private static <R> R[] rows(R[] rows, int count, int length, ToIntFunction<R> lengthOf, IntFunction<R> allocate) {
        R[] grown = rows.length < count ? Arrays.copyOf(rows, count) : rows;
        for (int r = 0; r < count; r++) {
            if (grown[r] == null || lengthOf.applyAsInt(grown[r]) < length) {
                grown[r] = allocate.apply(length);
            }
        }
        return grown;
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
