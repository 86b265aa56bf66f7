package dev.sluice.plugins.transforms.resize;

/**
 * Receives a resampler's output one row at a time, so that the same pixel loops can fill an image
 * or write normalised floats straight into a tensor. A resampler calls one of the three methods for
 * all its rows: interleaved rows, or one row of one channel at a time (as integers or as floats),
 * whichever its passes produce.
 */
public interface RowSink {

    /**
     * Row {@code y} (0 at the top of the window) of the output: HWC samples in {@code [0, 255]},
     * {@code samples[0 .. width * channels)}. The array is reused for the next row.
     */
    void row(int y, int[] samples);

    /**
     * Row {@code y} of channel {@code channel} alone: {@code levels[0 .. width)}, whole numbers in
     * {@code [0, 255]} held as floats. The array is reused for the next row.
     */
    void planeRow(int channel, int y, float[] levels);

    /**
     * Row {@code y} of channel {@code channel} alone: {@code samples[0 .. width)}, in {@code [0, 255]}.
     * The array is reused for the next row.
     */
    void planeSamples(int channel, int y, int[] samples);
}
