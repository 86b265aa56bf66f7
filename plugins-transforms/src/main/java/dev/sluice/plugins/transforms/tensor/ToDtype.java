package dev.sluice.plugins.transforms.tensor;

import dev.sluice.plugins.transforms.KeepsSize;
import dev.sluice.plugins.transforms.KeepsTargets;
import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * {@code to_dtype}: torchvision's {@code ToDtype} (and {@code ConvertImageDtype} when scaling). The
 * input is a {@link Tensor} or an {@link Image}, which first becomes its uint8 (or, for a 16-bit
 * image, uint16) [C, H, W] tensor unscaled (so {@code {dtype: uint8}} on an 8-bit image is
 * torchvision's {@code pil_to_tensor}).
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code dtype} ({@link #of(DType)}; required): {@code uint8}, {@code uint16}, {@code int32},
 *       {@code int64}, {@code float32} or {@code float64};</li>
 *   <li>{@code scale} ({@link #scale(boolean)}; false): with it, integers become floats divided by the
 *       integer type's maximum (255 for uint8, 65535 for uint16), floats become integers by multiplying by
 *       {@code max + 1 - 0.001} and truncating (float32 to int32 or int64, and float64 to int64, are
 *       refused as torchvision refuses them), and integer widths are converted by the ratio of their
 *       ranges. Without it values are cast: floats truncate toward zero.</li>
 * </ul>
 * Where PyTorch's cast is undefined (a float beyond the integer range, NaN), this one saturates to
 * the range (NaN becomes 0); a narrowing integer cast wraps, as PyTorch's does.
 *
 * <pre>{@code
 * - to_dtype: {dtype: float32, scale: true}     # YAML
 * ToDtype.of(DType.FLOAT32).scale(true)         // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; a tensor already of the
 * dtype is returned as it is. It throws {@link IllegalArgumentException} for another input type or a
 * refused scaled cast.
 */
public final class ToDtype implements KeepsTargets<Object, Tensor>, KeepsSize<Object, Tensor> {
    private static final double EPS = 1e-3;

    private final DType dtype;
    private final boolean scale;

    private ToDtype(DType dtype, boolean scale) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.scale = scale;
    }

    /** A cast to {@code dtype}, without scaling. */
    public static ToDtype of(DType dtype) {
        return new ToDtype(dtype, false);
    }

    /** This conversion, scaling values to the new type's range when {@code scale}. */
    public ToDtype scale(boolean scale) {
        return new ToDtype(dtype, scale);
    }

    @Override
    public Tensor apply(Object input, RandomGenerator random) {
        Tensor tensor;
        if (input instanceof Image image) {
            tensor = chw(image);
        } else if (input instanceof Tensor t) {
            tensor = t;
        } else {
            throw new IllegalArgumentException("to_dtype takes an Image or a Tensor, got " + input.getClass().getName());
        }
        if (tensor.dtype() == dtype) {
            return tensor;
        }
        if (scale && tensor.dtype() == DType.FLOAT32 && (dtype == DType.INT32 || dtype == DType.INT64)) {
            throw new IllegalArgumentException("The cast from " + tensor.dtype() + " to " + dtype + " cannot be performed safely.");
        }
        if (scale && tensor.dtype() == DType.FLOAT64 && dtype == DType.INT64) {
            throw new IllegalArgumentException("The cast from float64 to int64 cannot be performed safely.");
        }
        int n = Math.toIntExact(tensor.numel());
        ByteBuffer out = HeapBuffers.allocate(n, dtype);
        boolean fromFloat = isFloat(tensor.dtype());
        for (int i = 0; i < n; i++) {
            if (fromFloat) {
                writeReal(out, i, fromFloat(tensor, i));
            } else if (isFloat(dtype)) {
                writeReal(out, i, integerToFloat(tensor, i));
            } else {
                writeInteger(out, i, integerToInteger(tensor.getLong(i), tensor.dtype()));
            }
        }
        return Tensor.wrap(dtype, tensor.shape(), out);
    }

    /** The image's samples as a tensor of its depth (uint8 or uint16) of shape [C, H, W]. */
    static Tensor chw(Image image) {
        int channels = image.channels();
        int plane = image.width() * image.height();
        if (image.dtype() == DType.UINT16) {
            short[] hwc = new short[plane * channels];
            image.copyTo(hwc, 0);
            short[] out = new short[hwc.length];
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    out[c * plane + p] = hwc[p * channels + c];
                }
            }
            return Tensor.ofUint16(new int[] {channels, image.height(), image.width()}, out);
        }
        byte[] hwc = image.toArray();
        byte[] out = new byte[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[c * plane + p] = hwc[p * channels + c];
            }
        }
        return Tensor.ofBytes(new int[] {channels, image.height(), image.width()}, out);
    }

    private double fromFloat(Tensor tensor, int i) {
        boolean single = tensor.dtype() == DType.FLOAT32;
        double x = single ? tensor.getFloat(i) : tensor.getAsDouble(i);
        if (scale && !isFloat(dtype)) {
            // torchvision: image.mul(max + 1 - eps) in the tensor's own precision, then truncation
            double factor = max(dtype) + 1.0 - EPS;
            x = single ? (float) x * (float) factor : x * factor;
        }
        return x;
    }

    private double integerToFloat(Tensor tensor, int i) {
        long v = tensor.getLong(i);
        if (!scale) {
            return v;
        }
        return dtype == DType.FLOAT32 ? (double) ((float) v / (float) max(tensor.dtype())) : v / max(tensor.dtype());
    }

    private long integerToInteger(long v, DType from) {
        if (!scale) {
            return v;
        }
        double inputMax = max(from);
        double outputMax = max(dtype);
        if (inputMax > outputMax) {
            return Math.floorDiv(v, (long) ((inputMax + 1) / (outputMax + 1)));
        }
        return v * (long) ((outputMax + 1) / (inputMax + 1));
    }

    /** A real value into the output: floats as they are, integers truncated toward zero and saturated (NaN is 0). */
    private void writeReal(ByteBuffer out, int i, double value) {
        switch (dtype) {
            case FLOAT32 -> out.putFloat(i * 4, (float) value);
            case FLOAT64 -> out.putDouble(i * 8, value);
            case UINT8 -> writeInteger(out, i, saturate(value, 0, 255));
            case UINT16 -> writeInteger(out, i, saturate(value, 0, 65535));
            case INT32 -> writeInteger(out, i, saturate(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT64 -> writeInteger(out, i, saturate(value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    /** An integer into an integer output, wrapping when it narrows, as a C cast does. */
    private void writeInteger(ByteBuffer out, int i, long value) {
        switch (dtype) {
            case UINT8 -> out.put(i, (byte) value);
            case UINT16 -> out.putShort(i * 2, (short) value);
            case INT32 -> out.putInt(i * 4, (int) value);
            case INT64 -> out.putLong(i * 8, value);
            default -> throw new IllegalStateException("not an integer dtype: " + dtype);
        }
    }

    private static long saturate(double value, long min, long max) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
        if (truncated <= min) {
            return min;
        }
        return truncated >= max ? max : (long) truncated;
    }

    private static boolean isFloat(DType type) {
        return type == DType.FLOAT32 || type == DType.FLOAT64;
    }

    private static double max(DType type) {
        return switch (type) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Long.MAX_VALUE;
            default -> 1.0;
        };
    }

    @Override
    public Class<?> outputType() {
        return Tensor.class;
    }

    /** Converts value by value: the count it gets. */
    @Override
    public OptionalInt outputChannels(OptionalInt input) {
        return input;
    }

    @Override
    public String toString() {
        return "to_dtype(dtype=" + dtype + ", scale=" + scale + ")";
    }
}
