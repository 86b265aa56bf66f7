package dev.sluice.plugins.transforms.geometry;

/**
 * Where each output pixel of a warp reads the input: for output row {@code i}, the input coordinates
 * (in pixels, pixel centres at whole numbers plus 0, as PyTorch's {@code grid_sample} unnormalises
 * them with {@code align_corners=False}) of every output column.
 */
interface SourceGrid {

    /** Fills {@code xs[j]} and {@code ys[j]} with the input coordinates of output pixel (row {@code i}, column {@code j}). */
    void row(int i, float[] xs, float[] ys);
}
