package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;

/**
 * One resize kernel with its tables built for one source region and output size. Stateless after
 * construction, so one instance may run on several threads; working memory is each thread's own
 * ({@link PassBuffers}).
 */
public interface Resampler {

    /** The output size the tables were built for. */
    int outputWidth();

    int outputHeight();

    /**
     * Computes the {@code window} of the output from the 8-bit {@code source}, read in place (its buffer may be
     * on the heap or direct), and hands it to {@code sink} row by row.
     */
    void resample(Image source, Window window, RowSink sink);
}
