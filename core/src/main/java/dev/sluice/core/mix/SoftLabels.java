package dev.sluice.core.mix;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A batch's labels as float32 {@code [N, num_classes]}, as torchvision's MixUp and CutMix take
 * them: class indices {@code [N]} one-hot encoded, or probabilities {@code [N, num_classes]} as
 * they are; and their mixture with the labels rolled by one sample.
 */
final class SoftLabels {
    private SoftLabels() {
    }

    /**
     * The labels as rows of {@code numClasses} floats, row-major.
     *
     * @throws IllegalArgumentException naming the sample and the value when the labels are not
     *         integer class indices in {@code [0, numClasses)} (one per sample) nor float
     *         probabilities {@code [N, numClasses]}
     */
    static float[] of(String who, Tensor labels, int numClasses) {
        int n = labels.dim(0);
        boolean integers = labels.dtype() == DType.INT64 || labels.dtype() == DType.INT32
                || labels.dtype() == DType.UINT8;
        if (labels.rank() == 1 && integers) {
            float[] rows = new float[Math.multiplyExact(n, numClasses)];
            for (int i = 0; i < n; i++) {
                long label = labels.dtype() == DType.INT64 ? labels.getLong(i) : (long) labels.getAsDouble(i);
                if (label < 0 || label >= numClasses) {
                    throw new IllegalArgumentException(who + ": the label of sample " + i + " of the batch is "
                            + label + ", outside [0, " + numClasses + ") for num_classes=" + numClasses);
                }
                rows[i * numClasses + (int) label] = 1f;
            }
            return rows;
        }
        if (labels.rank() == 2 && labels.dtype() == DType.FLOAT32) {
            if (labels.dim(1) != numClasses) {
                throw new IllegalArgumentException(who + ": probability labels must be [N, num_classes]; the batch "
                        + "has " + labels.dim(1) + " per sample, num_classes is " + numClasses);
            }
            float[] rows = new float[Math.multiplyExact(n, numClasses)];
            labels.data().asFloatBuffer().get(rows);
            return rows;
        }
        if (labels.rank() == 2 && integers) {
            throw new IllegalArgumentException(who + ": each sample has " + labels.dim(1) + " labels; mixing needs "
                    + "one class index per sample (int64 [N]), or probabilities float32 [N, num_classes]");
        }
        if (labels.rank() == 1) {
            throw new IllegalArgumentException(who + ": labels of one value per sample must be integer class "
                    + "indices, these are " + labels.dtype());
        }
        throw new IllegalArgumentException(who + ": labels must be class indices [N] or probabilities "
                + "[N, num_classes], these are " + labels.dtype() + " of rank " + labels.rank());
    }

    /**
     * {@code lambda * y + (1 - lambda) * roll(y, 1)}: each row mixed with the row before it (the first
     * with the last), rounded as torchvision rounds it in float32.
     */
    static float[] mixed(float[] rows, int n, int numClasses, double lambda) {
        float kept = (float) lambda;
        float taken = (float) (1.0 - lambda);
        float[] out = new float[rows.length];
        for (int i = 0; i < n; i++) {
            int row = i * numClasses;
            int before = ((i + n - 1) % n) * numClasses;
            for (int k = 0; k < numClasses; k++) {
                float fromBefore = rows[before + k] * taken;
                float own = rows[row + k] * kept;
                out[row + k] = fromBefore + own;
            }
        }
        return out;
    }

    /** The rows as a float32 {@code [n, numClasses]} tensor in memory from {@code allocator}. */
    static Tensor tensor(float[] rows, int n, int numClasses, TensorAllocator allocator) {
        ByteBuffer buffer = allocator.allocate(Math.multiplyExact(rows.length, Float.BYTES));
        FloatBuffer floats = buffer.asFloatBuffer();
        floats.put(rows);
        return Tensor.wrap(DType.FLOAT32, new int[] {n, numClasses}, buffer);
    }
}
