package dev.sluice.examples.cli;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the command prints tensors: {@code float32 [7, 3, 96, 96]}, and label rows {@code [[2, 3], [1, 0]]}. */
final class Shapes {
    private Shapes() {
    }

    /** The dtype and shape: {@code float32 [7, 3, 96, 96]}. */
    static String describe(Tensor tensor) {
        return tensor.dtype() + " " + shape(tensor.shape());
    }

    static String shape(int[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(']').toString();
    }

    /** An integer N x K tensor's rows: {@code [[2, 3], [1, 0]]}. */
    static String rows(Tensor labels) {
        StringBuilder text = new StringBuilder("[");
        for (int row = 0; row < labels.dim(0); row++) {
            text.append(row == 0 ? "" : ", ").append(row(labels, row));
        }
        return text.append(']').toString();
    }

    /**
     * Row {@code row} of an N x K tensor: {@code [2, 3]} for integer labels, {@code [0, 0.27, 0.73]}
     * for soft ones (MixUp, CutMix), to three decimals.
     */
    static String row(Tensor labels, int row) {
        int columns = labels.rank() < 2 ? 1 : labels.dim(1);
        boolean soft = labels.dtype() == DType.FLOAT32 || labels.dtype() == DType.FLOAT64;
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < columns; k++) {
            long at = (long) row * columns + k;
            text.append(k == 0 ? "" : ", ").append(soft ? BigDecimal.valueOf(labels.getAsDouble(at))
                    .setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() : labels.getLong(at));
        }
        return text.append(']').toString();
    }

    /** {@code [0, 1, 2]}. */
    static String list(long[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append(']').toString();
    }
}
