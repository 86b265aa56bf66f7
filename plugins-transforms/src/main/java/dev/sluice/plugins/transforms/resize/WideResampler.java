package dev.sluice.plugins.transforms.resize;

import dev.sluice.plugins.transforms.Raster;

/**
 * The resize of 16-bit images: the tables of the kernel {@link ResizeKernels} chooses for 8-bit
 * images, applied in float as OpenCV's {@code cv::resize} does for {@code CV_16U} (float weights,
 * a horizontal pass, then a vertical pass, rounded half to even and clamped to [0, 65535]) and as
 * torchvision resizes an integer tensor other than uint8 (in float, then rounded). Kept apart from
 * the 8-bit kernels, which are tuned for bytes; speed is not its aim.
 */
final class WideResampler {
    private final AxisTable columns;
    private final AxisTable rows;

    /** Tables with float weights; a single-tap table (nearest, a plain crop) reads its one tap with weight 1. */
    WideResampler(AxisTable columns, AxisTable rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** The whole output, from a 16-bit {@code source}, as a new 16-bit raster. */
    Raster resample(Raster source) {
        if (source.sampleBytes != 2) {
            throw new IllegalArgumentException("the wide resampler takes 16-bit samples, got " + source.sampleBytes + "-byte ones");
        }
        int channels = source.channels;
        int outWidth = columns.size;
        int outHeight = rows.size;
        int firstRow = rows.firstSource(0, outHeight);
        int lastRow = rows.lastSource(0, outHeight);
        // Horizontal pass over every source row the vertical pass reads.
        float[] horizontal = new float[(lastRow - firstRow + 1) * outWidth * channels];
        for (int sy = firstRow; sy <= lastRow; sy++) {
            int rowAt = sy * source.width;
            int to = (sy - firstRow) * outWidth * channels;
            for (int ox = 0; ox < outWidth; ox++) {
                for (int c = 0; c < channels; c++) {
                    float sum = 0f;
                    for (int k = 0; k < columns.count[ox]; k++) {
                        int tap = ox * columns.taps + k;
                        sum += level(source.data, (rowAt + columns.index[tap]) * channels + c) * weight(columns, tap);
                    }
                    horizontal[to++] = sum;
                }
            }
        }
        byte[] out = new byte[outWidth * outHeight * channels * 2];
        int at = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int i = 0; i < outWidth * channels; i++) {
                float sum = 0f;
                for (int k = 0; k < rows.count[oy]; k++) {
                    int tap = oy * rows.taps + k;
                    sum += horizontal[(rows.index[tap] - firstRow) * outWidth * channels + i] * weight(rows, tap);
                }
                int value = (int) Math.rint(sum);
                value = value < 0 ? 0 : Math.min(value, 65535);
                out[at++] = (byte) value;
                out[at++] = (byte) (value >> 8);
            }
        }
        return source.withPixels(out, outWidth, outHeight);
    }

    private static float weight(AxisTable table, int tap) {
        return table.taps == 1 ? 1f : table.weight[tap];
    }

    private static int level(byte[] data, int sample) {
        return (data[2 * sample] & 0xFF) | (data[2 * sample + 1] & 0xFF) << 8;
    }
}
