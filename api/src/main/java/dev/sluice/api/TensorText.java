package dev.sluice.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link Tensor#toString()}: the values nested by axis as NumPy prints them, on one line, then the
 * shape and the dtype. A tensor of more than {@link #THRESHOLD} elements is summarised: its last
 * axis shows the first and last {@link #EDGE_ITEMS} values around {@code ...} (NumPy's
 * {@code edgeitems}), and every other axis only its first entry followed by {@code ...}, so that a
 * batch of images takes one short line.
 */
final class TensorText {
    /** NumPy's {@code threshold}: up to this many elements, every value is shown. */
    static final long THRESHOLD = 1000;
    /** NumPy's {@code edgeitems}. */
    static final int EDGE_ITEMS = 3;
    /** Decimal places of a floating-point value, as PyTorch's default {@code precision}. */
    private static final int DECIMALS = 4;

    private TensorText() {
    }

    static String of(Tensor tensor) {
        int[] shape = tensor.shape();
        StringBuilder text = new StringBuilder("tensor(");
        if (shape.length == 0) {
            text.append(value(tensor, 0));
        } else {
            boolean summarise = tensor.numel() > THRESHOLD;
            appendAxis(text, tensor, shape, strides(shape), 0, 0, summarise);
        }
        return text.append(", shape=").append(Arrays.toString(shape)).append(", dtype=").append(tensor.dtype())
                .append(')').toString();
    }

    private static long[] strides(int[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    private static void appendAxis(StringBuilder text, Tensor tensor, int[] shape, long[] strides, int axis,
            long offset, boolean summarise) {
        int size = shape[axis];
        boolean last = axis == shape.length - 1;
        int head = size;
        int tail = 0;
        if (summarise && last && size > 2 * EDGE_ITEMS) {
            head = EDGE_ITEMS;
            tail = EDGE_ITEMS;
        } else if (summarise && !last && size > 1) {
            head = 1;
        }
        text.append('[');
        for (int i = 0; i < head; i++) {
            appendEntry(text, tensor, shape, strides, axis, offset + i * strides[axis], summarise, i > 0);
        }
        if (head < size) {
            text.append(", ...");
        }
        for (int i = size - tail; i < size; i++) {
            appendEntry(text, tensor, shape, strides, axis, offset + i * strides[axis], summarise, true);
        }
        text.append(']');
    }

    private static void appendEntry(StringBuilder text, Tensor tensor, int[] shape, long[] strides, int axis,
            long offset, boolean summarise, boolean separated) {
        if (separated) {
            text.append(", ");
        }
        if (axis == shape.length - 1) {
            text.append(value(tensor, offset));
        } else {
            appendAxis(text, tensor, shape, strides, axis + 1, offset, summarise);
        }
    }

    private static String value(Tensor tensor, long flatIndex) {
        return switch (tensor.dtype()) {
            case UINT8, UINT16, INT32, INT64 -> Long.toString(tensor.getLong(flatIndex));
            case FLOAT32, FLOAT64 -> decimal(tensor.getAsDouble(flatIndex));
        };
    }

    /**
     * At most four decimal places, trailing zeros dropped but one kept ({@code 0.5}, {@code -2.1179},
     * {@code 3.0}); scientific below 1e-4 and from 1e8 on ({@code 1.5e-07}); {@code nan},
     * {@code inf} and {@code -inf} as NumPy writes them.
     */
    static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e8)) {
            String scientific = String.format(Locale.ROOT, "%." + DECIMALS + "e", value);
            int exponent = scientific.indexOf('e');
            return trimmed(scientific.substring(0, exponent)) + scientific.substring(exponent);
        }
        String plain = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
        return trimmed(plain);
    }

    /** {@code "2.5000"} to {@code "2.5"}, {@code "3.0000"} to {@code "3.0"}. */
    private static String trimmed(String fixed) {
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0' && fixed.charAt(end - 2) != '.') {
            end--;
        }
        return fixed.substring(0, end);
    }
}
