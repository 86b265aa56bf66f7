package dev.sluice.plugins.transforms.resize;

import java.util.Arrays;

/**
 * A separable resampler's working memory for one call: sets of rows (float or int, each an array of
 * its own) and single rows. Each row is an array of its own so that the passes read every row from
 * index 0: JDK 17's compiler turns such loops into vector instructions, but not loops that read an
 * array from a variable offset.
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

    private float[][] planes = new float[0][];
    private int[][] intRows = new int[0][];
    private float[][] columns = new float[0][];
    private float[][] ring = new float[0][];
    private float[][] ringRows = new float[0][];
    private float[] sum = new float[0];
    private int[] out = new int[0];
    private byte[] bytes = new byte[0];

    private PassBuffers() {
    }

    /** This thread's buffers, or fresh ones when the call needs more than {@link #KEPT_ELEMENTS} elements. */
    static PassBuffers forElements(long elements) {
        return elements > KEPT_ELEMENTS ? new PassBuffers() : OWN.get();
    }

    /** {@code count} float rows of at least {@code length}, for a transposed source. */
    float[][] planes(int count, int length) {
        planes = floatRows(planes, count, length);
        return planes;
    }

    /** {@code count} int rows of at least {@code length}. */
    int[][] intRows(int count, int length) {
        intRows = grown(intRows, count);
        for (int r = 0; r < count; r++) {
            if (intRows[r] == null || intRows[r].length < length) {
                intRows[r] = new int[length];
            }
        }
        return intRows;
    }

    /** {@code count} float rows of at least {@code length}, for the columns a transposed pass computes. */
    float[][] columns(int count, int length) {
        columns = floatRows(columns, count, length);
        return columns;
    }

    /**
     * Rows {@code [c * rows, (c + 1) * rows)} of channel c, each at least {@code length} long, of which only
     * the last {@code kept} written are held: row r of channel c is {@code kept} rows' storage, reused in
     * turn, so writing row r overwrites row {@code r - kept}.
     */
    float[][] ring(int channels, int rows, int kept, int length) {
        ring = floatRows(ring, channels * kept, length);
        if (ringRows.length < channels * rows) {
            ringRows = new float[channels * rows][];
        }
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < rows; r++) {
                ringRows[c * rows + r] = ring[c * kept + r % kept];
            }
        }
        return ringRows;
    }

    /** One float row of at least {@code length}, for sums. */
    float[] sum(int length) {
        if (sum.length < length) {
            sum = new float[length];
        }
        return sum;
    }

    /** One int row of at least {@code length}, for output samples. */
    int[] out(int length) {
        if (out.length < length) {
            out = new int[length];
        }
        return out;
    }

    /** One byte array of at least {@code length}, for source samples copied out of an image's buffer. */
    byte[] bytes(int length) {
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        return bytes;
    }

    /**
     * {@code rows}, or a longer copy, with its first {@code count} rows at least {@code length} long. Float
     * rows and int rows each have their own: one generic method storing both into its {@code R[]} failed
     * the compiled array-store check, and was deoptimised, each time a thread that runs both kinds of
     * kernel grew its rows ({@code array_check} in JFR's deoptimisation events).
     */
    private static float[][] floatRows(float[][] rows, int count, int length) {
        float[][] grown = grown(rows, count);
        for (int r = 0; r < count; r++) {
            if (grown[r] == null || grown[r].length < length) {
                grown[r] = new float[length];
            }
        }
        return grown;
    }

    private static <R> R[] grown(R[] rows, int count) {
        return rows.length < count ? Arrays.copyOf(rows, count) : rows;
    }
}
