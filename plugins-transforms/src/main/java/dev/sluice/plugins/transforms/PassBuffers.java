package dev.sluice.plugins.transforms;

/**
 * A separable resampler's working memory for one call: the horizontal pass's output rows (floats or
 * integers, by kernel), one row of vertical sums and one output row. Each thread keeps one set, grown
 * to the largest image it has resized: a loader's workers resize image after image, and a fresh
 * megabyte per image showed as most of their allocation. Sets larger than {@link #KEPT_ELEMENTS}
 * are made for the call and dropped, so that one huge image does not pin its memory to the thread.
 * Only a resampler's {@code resample} uses them, and it never calls another.
 */
final class PassBuffers {
    /** 16 Mi elements: a 12-megapixel photograph's rows narrowed to 1,000 RGB columns. */
    static final int KEPT_ELEMENTS = 4 << 20;
    private static final ThreadLocal<PassBuffers> OWN = ThreadLocal.withInitial(PassBuffers::new);

    float[] floatRows = new float[0];
    int[] intRows = new int[0];
    float[] sum = new float[0];
    int[] out = new int[0];

    private PassBuffers() {
    }

    /** Buffers whose {@link #floatRows} hold {@code rowsLength} and whose rows hold {@code rowLength}. */
    static PassBuffers forFloatRows(int rowsLength, int rowLength) {
        PassBuffers buffers = rowsLength > KEPT_ELEMENTS ? new PassBuffers() : OWN.get();
        if (buffers.floatRows.length < rowsLength) {
            buffers.floatRows = new float[rowsLength];
        }
        return buffers.withRow(rowLength);
    }

    /** Buffers whose {@link #intRows} hold {@code rowsLength} and whose rows hold {@code rowLength}. */
    static PassBuffers forIntRows(int rowsLength, int rowLength) {
        PassBuffers buffers = rowsLength > KEPT_ELEMENTS ? new PassBuffers() : OWN.get();
        if (buffers.intRows.length < rowsLength) {
            buffers.intRows = new int[rowsLength];
        }
        return buffers.withRow(rowLength);
    }

    private PassBuffers withRow(int rowLength) {
        if (out.length < rowLength) {
            sum = new float[rowLength];
            out = new int[rowLength];
        }
        return this;
    }
}
