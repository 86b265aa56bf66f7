package dev.sluice.examples.cli;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.nio.ByteBuffer;

/**
 * Makes a batch's stacked inputs drawable by the {@code contact_sheet} transform, which takes uint8
 * N x H x W x C images or float N x C x H x W tensors in [0, 1]. Those pass unchanged (a float
 * N x H x W batch as N x 1 x H x W). Float tensors outside [0, 1], such as normalised ones, whose
 * mean and std the command cannot know, are stretched from each picture's own minimum to its
 * maximum into uint8 N x H x W x C: that shows the picture, but not its absolute levels.
 */
final class BatchPictures {
    private BatchPictures() {
    }

    /**
     * @throws IllegalArgumentException naming the dtype and shape when the batch does not hold pictures
     */
    static Tensor drawable(Tensor inputs) {
        int[] shape = inputs.shape();
        if (inputs.dtype() == DType.UINT8 && shape.length == 4 && shape[3] >= 1 && shape[3] <= 4) {
            return inputs;
        }
        boolean floating = inputs.dtype() == DType.FLOAT32 || inputs.dtype() == DType.FLOAT64;
        if (floating && shape.length == 3) {
            return drawable(Tensor.wrap(inputs.dtype(), new int[] {shape[0], 1, shape[1], shape[2]}, inputs.data()));
        }
        if (!floating || shape.length != 4 || (shape[1] != 1 && shape[1] != 3 && shape[1] != 4)) {
            throw new IllegalArgumentException("cannot draw a batch of " + Shapes.describe(inputs)
                    + "; pictures are uint8 N x H x W x C or float N x C x H x W with C of 1, 3 or 4");
        }
        long count = inputs.numel();
        boolean unit = true;
        for (long i = 0; i < count && unit; i++) {
            double value = inputs.getAsDouble(i);
            unit = value >= 0 && value <= 1;
        }
        return unit && inputs.dtype() == DType.FLOAT32 ? inputs : stretched(inputs, shape[0], shape[1], shape[2],
                shape[3]);
    }

    private static Tensor stretched(Tensor inputs, int count, int channels, int height, int width) {
        int plane = height * width;
        int size = channels * plane;
        byte[] hwc = new byte[count * size];
        double[] values = new double[size];
        for (int n = 0; n < count; n++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long base = (long) n * size;
            for (int i = 0; i < size; i++) {
                double value = inputs.getAsDouble(base + i);
                values[i] = value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            double scale = max > min ? 255 / (max - min) : 0;
            int out = n * size;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    long level = Math.round((values[c * plane + p] - min) * scale);
                    hwc[out + p * channels + c] = (byte) Math.max(0, Math.min(255, level));
                }
            }
        }
        return Tensor.wrap(DType.UINT8, new int[] {count, height, width, channels}, ByteBuffer.wrap(hwc));
    }
}
