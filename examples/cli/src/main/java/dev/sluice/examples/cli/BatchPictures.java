package dev.sluice.examples.cli;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch's stacked inputs back into pictures to look at: uint8 N x H x W x C images as they
 * are; float N x C x H x W (or N x H x W) tensors with C of 1, 3 or 4 back to HWC bytes. Values in
 * [0, 1] (to_tensor's range) are scaled by 255; anything else, such as normalised values, is
 * stretched from each picture's own minimum to its maximum, which shows the picture but not its
 * absolute levels.
 */
final class BatchPictures {
    private BatchPictures() {
    }

    /**
     * @throws IllegalArgumentException naming the dtype and shape when the batch does not hold pictures
     */
    static List<Image> of(Tensor inputs) {
        int[] shape = inputs.shape();
        if (inputs.dtype() == DType.UINT8 && shape.length == 4 && shape[3] >= 1 && shape[3] <= 4) {
            return fromBytes(inputs, shape);
        }
        boolean floating = inputs.dtype() == DType.FLOAT32 || inputs.dtype() == DType.FLOAT64;
        if (floating && shape.length == 4 && (shape[1] == 1 || shape[1] == 3 || shape[1] == 4)) {
            return fromChw(inputs, shape[0], shape[1], shape[2], shape[3]);
        }
        if (floating && shape.length == 3) {
            return fromChw(inputs, shape[0], 1, shape[1], shape[2]);
        }
        throw new IllegalArgumentException("cannot draw a batch of " + Shapes.describe(inputs)
                + "; pictures are uint8 N x H x W x C or float N x C x H x W with C of 1, 3 or 4");
    }

    private static List<Image> fromBytes(Tensor inputs, int[] shape) {
        byte[] all = inputs.toByteArray();
        int size = shape[1] * shape[2] * shape[3];
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < shape[0]; n++) {
            byte[] one = new byte[size];
            System.arraycopy(all, n * size, one, 0, size);
            images.add(Image.wrap(shape[2], shape[1], shape[3], one));
        }
        return images;
    }

    private static List<Image> fromChw(Tensor inputs, int count, int channels, int height, int width) {
        int plane = height * width;
        int size = channels * plane;
        List<Image> images = new ArrayList<>();
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
            boolean unit = min >= 0 && max <= 1;
            double offset = unit ? 0 : min;
            double scale = unit ? 255 : max > min ? 255 / (max - min) : 0;
            byte[] hwc = new byte[size];
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    long level = Math.round((values[c * plane + p] - offset) * scale);
                    hwc[p * channels + c] = (byte) Math.max(0, Math.min(255, level));
                }
            }
            images.add(Image.wrap(width, height, channels, hwc));
        }
        return images;
    }
}
