package dev.sluice.plugins.transforms.kernels;

/**
 * Receives a resampler's output one row at a time, so that the same pixel loops can fill an image
 * or write normalised floats straight into a tensor.
 */
public interface RowSink {

    /**
     * Row {@code y} (0 at the top of the window) of the output: HWC samples in {@code [0, 255]},
     * {@code samples[0 .. width * channels)}. The array is reused for the next row.
     */
    void row(int y, int[] samples);
}
