package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/**
 * One resize kernel with its tables built for one source region and output size. Stateless after
 * construction, so one instance may run on several threads; working memory is each thread's own
 * ({@link PassBuffers}).
 */
public interface Resampler {

    /** The output size the tables were built for. */
    int outputWidth();

    int outputHeight();

    /** Computes the {@code window} of the output from {@code source} and hands it to {@code sink} row by row. */
    void resample(Raster source, Window window, RowSink sink);
}
