package dev.sluice.plugins.transforms.resize;

import java.util.Arrays;

/**
 * Builds the per-axis sampling tables of each resize kernel, reproducing the arithmetic of the
 * library it matches down to the float/double choices, because the last bit of a weight decides
 * rounding ties:
 * <ul>
 *   <li>OpenCV 4.x {@code cv::resize} on 8-bit images (INTER_NEAREST, INTER_LINEAR, INTER_CUBIC,
 *       INTER_AREA), whose linear and cubic weights are 11-bit fixed point;</li>
 *   <li>PyTorch's antialiased interpolation ({@code _upsample_bilinear2d_aa}, {@code _bicubic2d_aa}),
 *       which torchvision's {@code resize(antialias=True)} calls: PIL's scheme of a filter widened
 *       by the downscale factor, in float.</li>
 * </ul>
 * Each table covers a source segment {@code [origin, origin + sourceSize)} of the axis, so that a
 * crop followed by a resize reads the crop in place.
 */
public final class AxisTables {
    /** OpenCV's INTER_RESIZE_COEF_SCALE: linear and cubic weights are multiples of 1/2048. */
    static final int FIXED_ONE = 2048;

    private AxisTables() {
    }

    /**
     * OpenCV INTER_LINEAR, or the bilinear emulation INTER_AREA uses when enlarging
     * ({@code areaMode}). Columns ({@code clampWeights}) fold an out-of-range neighbour into the edge
     * pixel with weight 1; rows keep the raw weights and clamp only the row index, as OpenCV does.
     *
     * @param inverseScale OpenCV's {@code inv_scale}: output size over source size, or the given factor
     */
    static AxisTable openCvLinear(int origin, int sourceSize, int outputSize, double inverseScale,
            boolean areaMode, boolean clampWeights) {
        double scale = 1.0 / inverseScale;
        int[] count = new int[outputSize];
        int[] index = new int[outputSize * 2];
        int[] fixed = new int[outputSize * 2];
        for (int d = 0; d < outputSize; d++) {
            int s;
            float f;
            if (!areaMode) {
                f = (float) ((d + 0.5) * scale - 0.5);
                s = (int) Math.floor(f);
                f -= s;
            } else {
                s = (int) Math.floor(d * scale);
                f = (float) ((d + 1) - (s + 1) * inverseScale);
                f = f <= 0 ? 0f : f - (float) Math.floor(f);
            }
            if (clampWeights) {
                if (s < 0) {
                    f = 0;
                    s = 0;
                }
                if (s >= sourceSize - 1) {
                    f = 0;
                    s = sourceSize - 1;
                }
            }
            count[d] = 2;
            index[2 * d] = origin + clamp(s, sourceSize);
            index[2 * d + 1] = origin + clamp(s + 1, sourceSize);
            fixed[2 * d] = (int) Math.rint((1f - f) * FIXED_ONE);
            fixed[2 * d + 1] = (int) Math.rint(f * FIXED_ONE);
        }
        return new AxisTable(outputSize, 2, count, index, null, fixed);
    }

    /** OpenCV INTER_CUBIC (Keys, a = -0.75): four taps, edge pixels repeated beyond the border. */
    static AxisTable openCvCubic(int origin, int sourceSize, int outputSize, double inverseScale) {
        double scale = 1.0 / inverseScale;
        int[] count = new int[outputSize];
        int[] index = new int[outputSize * 4];
        int[] fixed = new int[outputSize * 4];
        float[] coefficients = new float[4];
        for (int d = 0; d < outputSize; d++) {
            float f = (float) ((d + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            f -= s;
            openCvCubicCoefficients(f, coefficients);
            count[d] = 4;
            for (int k = 0; k < 4; k++) {
                index[4 * d + k] = origin + clamp(s - 1 + k, sourceSize);
                fixed[4 * d + k] = (int) Math.rint(coefficients[k] * FIXED_ONE);
            }
        }
        return new AxisTable(outputSize, 4, count, index, null, fixed);
    }

    /** OpenCV's {@code interpolateCubic}, in float as OpenCV evaluates it. */
    private static void openCvCubicCoefficients(float x, float[] out) {
        final float a = -0.75f;
        out[0] = ((a * (x + 1) - 5 * a) * (x + 1) + 8 * a) * (x + 1) - 4 * a;
        out[1] = ((a + 2) * x - (a + 3)) * x * x + 1;
        out[2] = ((a + 2) * (1 - x) - (a + 3)) * (1 - x) * (1 - x) + 1;
        out[3] = 1f - out[0] - out[1] - out[2];
    }

    /**
     * OpenCV INTER_AREA when shrinking ({@code computeResizeAreaTab}): each output position averages
     * the source pixels its footprint covers, partly covered ones by the covered fraction.
     *
     * @param scale source size over output size, {@code >= 1}
     */
    static AxisTable openCvArea(int origin, int sourceSize, int outputSize, double scale) {
        int taps = (int) Math.ceil(scale) + 1;
        int[] count = new int[outputSize];
        int[] index = new int[outputSize * taps];
        float[] weight = new float[outputSize * taps];
        for (int d = 0; d < outputSize; d++) {
            double start = d * scale;
            double end = start + scale;
            double cellWidth = Math.min(scale, sourceSize - start);
            int first = (int) Math.ceil(start);
            int last = Math.min((int) Math.floor(end), sourceSize - 1);
            first = Math.min(first, last);
            int at = d * taps;
            int n = 0;
            if (first - start > 1e-3) {
                index[at + n] = origin + first - 1;
                weight[at + n++] = (float) ((first - start) / cellWidth);
            }
            for (int s = first; s < last; s++) {
                index[at + n] = origin + s;
                weight[at + n++] = (float) (1.0 / cellWidth);
            }
            if (end - last > 1e-3) {
                index[at + n] = origin + last;
                weight[at + n++] = (float) (Math.min(Math.min(end - last, 1.0), cellWidth) / cellWidth);
            }
            count[d] = n;
        }
        return new AxisTable(outputSize, taps, count, index, weight, null);
    }

    /**
     * The source position of each output position under {@link #nearest}, from 0: what a mask
     * resampled as the image is with nearest sampling reads.
     */
    public static int[] nearestPositions(int sourceSize, int outputSize, double inverseScale) {
        AxisTable table = nearest(0, sourceSize, outputSize, inverseScale);
        int[] positions = new int[outputSize];
        for (int d = 0; d < outputSize; d++) {
            positions[d] = table.index[d];
        }
        return positions;
    }

    /** OpenCV INTER_NEAREST: {@code min(floor(d / inverseScale), size - 1)}. */
    static AxisTable nearest(int origin, int sourceSize, int outputSize, double inverseScale) {
        double scale = 1.0 / inverseScale;
        int[] count = new int[outputSize];
        int[] index = new int[outputSize];
        Arrays.fill(count, 1);
        for (int d = 0; d < outputSize; d++) {
            index[d] = origin + Math.min((int) Math.floor(d * scale), sourceSize - 1);
        }
        return new AxisTable(outputSize, 1, count, index, new float[] {1f}, null);
    }

    /**
     * PyTorch's antialiased bilinear ({@code bicubic == false}, triangle filter) or bicubic (Keys,
     * a = -0.5, as PIL) weights: when shrinking by {@code scale = in / out}, the filter is stretched
     * by {@code scale}, so every source pixel contributes; when enlarging it is the plain
     * half-pixel-centre interpolation with edge renormalisation.
     */
    static AxisTable torchAntialiased(int origin, int sourceSize, int outputSize, boolean bicubic) {
        int interpSize = bicubic ? 4 : 2;
        float scale = (float) sourceSize / outputSize;
        float support = (float) (scale >= 1.0 ? (interpSize * 0.5) * scale : interpSize * 0.5);
        float inverseScale = (float) (scale >= 1.0 ? 1.0 / scale : 1.0);
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] count = new int[outputSize];
        int[] index = new int[outputSize * taps];
        float[] weight = new float[outputSize * taps];
        for (int i = 0; i < outputSize; i++) {
            float center = (float) (scale * (i + 0.5));
            int min = Math.max((int) ((center - support) + 0.5), 0);
            int size = Math.min((int) ((center + support) + 0.5), sourceSize) - min;
            int at = i * taps;
            float total = 0f;
            for (int j = 0; j < size; j++) {
                float x = (float) (((float) (j + min) - center + 0.5) * inverseScale);
                float w = bicubic ? keysHalf(x) : triangle(x);
                weight[at + j] = w;
                total += w;
            }
            for (int j = 0; j < size; j++) {
                if (total != 0f) {
                    weight[at + j] /= total;
                }
                index[at + j] = origin + j + min;
            }
            count[i] = size;
        }
        return new AxisTable(outputSize, taps, count, index, weight, null);
    }

    /** Output position i reads source position {@code origin + i} with weight 1: a plain crop. */
    public static AxisTable identity(int origin, int size) {
        int[] count = new int[size];
        int[] index = new int[size];
        float[] weight = new float[size];
        for (int i = 0; i < size; i++) {
            count[i] = 1;
            index[i] = origin + i;
            weight[i] = 1f;
        }
        return new AxisTable(size, 1, count, index, weight, null);
    }

    private static float triangle(float x) {
        float a = x < 0 ? -x : x;
        return a < 1.0f ? (float) (1.0 - a) : 0f;
    }

    /** Keys' cubic with a = -0.5, mixing float and double steps exactly as PyTorch's {@code aa_filter}. */
    private static float keysHalf(float x) {
        final double a = -0.5;
        float v = x < 0 ? -x : x;
        if (v < 1.0f) {
            return (float) (((a + 2.0) * v - (a + 3.0)) * v * v + 1);
        }
        if (v < 2.0f) {
            return (float) ((((v - 5) * v + 8) * v - 4) * a);
        }
        return 0f;
    }

    private static int clamp(int position, int size) {
        return position < 0 ? 0 : Math.min(position, size - 1);
    }
}
