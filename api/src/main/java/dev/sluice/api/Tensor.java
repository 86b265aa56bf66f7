package dev.sluice.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An n-dimensional array of one {@link DType}, row-major (C order), stored little-endian in a
 * {@link ByteBuffer} that is direct (off-heap, readable by native code without a copy) when the
 * loader pins memory, and on the heap otherwise.
 *
 * <p>A tensor is immutable through this class: {@link #data()} is a read-only view. Whoever
 * {@linkplain #wrap wraps} a buffer hands it over and must not write to it afterwards.
 * Instances are safe to share between threads once published.
 *
 * <pre>{@code
 * Tensor labels = Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
 * long first = labels.getLong(0);          // 1
 * int rows = labels.dim(0);                // 2
 * }</pre>
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final ByteBuffer data;
    private final AtomicBoolean released = new AtomicBoolean();

    private Tensor(DType dtype, int[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps a buffer without copying it. The buffer's contents from its position to its limit are
     * the elements; their number of bytes must be the product of {@code shape} times the element size.
     *
     * @param dtype the element type
     * @param shape the dimensions, each {@code >= 0}; an empty array is a scalar
     * @param data the elements; ownership passes to the tensor
     * @throws IllegalArgumentException if a dimension is negative or the byte count does not match
     * @throws NullPointerException if an argument is null
     */
    public static Tensor wrap(DType dtype, int[] shape, ByteBuffer data) {
        if (dtype == null || shape == null || data == null) {
            throw new NullPointerException("dtype, shape and data must not be null");
        }
        int[] dims = shape.clone();
        long elements = elementCount(dims);
        long expected = elements * dtype.byteSize();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("a " + dtype + " tensor of shape " + Arrays.toString(dims)
                    + " needs " + expected + " bytes, the buffer has " + data.remaining());
        }
        // A whole buffer is kept as it is, so that the allocator that made it can recognise it on release.
        boolean whole = data.position() == 0 && data.limit() == data.capacity() && !data.isReadOnly();
        ByteBuffer kept = (whole ? data : data.slice()).order(ByteOrder.LITTLE_ENDIAN);
        return new Tensor(dtype, dims, kept);
    }

    /** A float32 tensor holding a copy of {@code values}, whose length must match {@code shape}. */
    public static Tensor ofFloats(int[] shape, float... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.FLOAT32);
        buffer.asFloatBuffer().put(values);
        return wrap(DType.FLOAT32, shape, buffer);
    }

    /** A float64 tensor holding a copy of {@code values}, whose length must match {@code shape}. */
    public static Tensor ofDoubles(int[] shape, double... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.FLOAT64);
        buffer.asDoubleBuffer().put(values);
        return wrap(DType.FLOAT64, shape, buffer);
    }

    /** An int64 tensor holding a copy of {@code values}, whose length must match {@code shape}. */
    public static Tensor ofLongs(int[] shape, long... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.INT64);
        buffer.asLongBuffer().put(values);
        return wrap(DType.INT64, shape, buffer);
    }

    /** An int32 tensor holding a copy of {@code values}, whose length must match {@code shape}. */
    public static Tensor ofInts(int[] shape, int... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.INT32);
        buffer.asIntBuffer().put(values);
        return wrap(DType.INT32, shape, buffer);
    }

    /** A uint8 tensor holding a copy of {@code values}, whose length must match {@code shape}. */
    public static Tensor ofBytes(int[] shape, byte... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.UINT8);
        buffer.put(values).flip();
        return wrap(DType.UINT8, shape, buffer);
    }

    /**
     * A uint16 tensor holding a copy of {@code values}, whose length must match {@code shape}; each
     * short is read unsigned (0 to 65535), so {@code (short) 65535} is the largest value.
     */
    public static Tensor ofUint16(int[] shape, short... values) {
        ByteBuffer buffer = allocate(shape, values.length, DType.UINT16);
        buffer.asShortBuffer().put(values);
        return wrap(DType.UINT16, shape, buffer);
    }

    private static ByteBuffer allocate(int[] shape, int length, DType dtype) {
        long elements = elementCount(shape);
        if (elements != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements
                    + " elements, " + length + " values were given");
        }
        return ByteBuffer.allocate(Math.multiplyExact(length, dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long elementCount(int[] shape) {
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("shape[" + i + "] must be >= 0, was " + shape[i]);
            }
            count = Math.multiplyExact(count, shape[i]);
        }
        return count;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the dimensions; empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /**
     * The size of dimension {@code axis}.
     *
     * @throws IndexOutOfBoundsException if {@code axis} is not in {@code [0, rank())}
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The number of elements: the product of the dimensions (1 for a scalar). */
    public long numel() {
        return elementCount(shape);
    }

    /** The number of bytes of the elements. */
    public long byteSize() {
        return (long) data.capacity();
    }

    /** Whether the elements live in off-heap memory that native code can read without a copy. */
    public boolean isDirect() {
        return data.isDirect();
    }

    /**
     * A read-only, little-endian view of the elements, positioned at 0. Each call returns a new view,
     * so callers may move its position freely.
     */
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The element at row-major position {@code flatIndex}, converted to double whatever the dtype
     * (uint8 and uint16 are read unsigned).
     *
     * @throws IndexOutOfBoundsException if {@code flatIndex} is not in {@code [0, numel())}
     */
    public double getAsDouble(long flatIndex) {
        int at = byteOffset(flatIndex);
        return switch (dtype) {
            case UINT8 -> data.get(at) & 0xFF;
            case UINT16 -> data.getShort(at) & 0xFFFF;
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
            case FLOAT32 -> data.getFloat(at);
            case FLOAT64 -> data.getDouble(at);
        };
    }

    /**
     * The float32 element at row-major position {@code flatIndex}.
     *
     * @throws IllegalStateException if the dtype is not float32
     */
    public float getFloat(long flatIndex) {
        requireDtype(DType.FLOAT32);
        return data.getFloat(byteOffset(flatIndex));
    }

    /**
     * The integer element at row-major position {@code flatIndex}, for uint8 and uint16 (unsigned), int32 and
     * int64 tensors.
     *
     * @throws IllegalStateException if the dtype is a floating-point one
     */
    public long getLong(long flatIndex) {
        int at = byteOffset(flatIndex);
        return switch (dtype) {
            case UINT8 -> data.get(at) & 0xFF;
            case UINT16 -> data.getShort(at) & 0xFFFF;
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
            default -> throw new IllegalStateException("getLong needs an integer tensor, this one is " + dtype);
        };
    }

    /**
     * A copy of the elements as floats.
     *
     * @throws IllegalStateException if the dtype is not float32
     */
    public float[] toFloatArray() {
        requireDtype(DType.FLOAT32);
        float[] out = new float[Math.toIntExact(numel())];
        data().asFloatBuffer().get(out);
        return out;
    }

    /**
     * A copy of the elements as longs.
     *
     * @throws IllegalStateException if the dtype is not int64
     */
    public long[] toLongArray() {
        requireDtype(DType.INT64);
        long[] out = new long[Math.toIntExact(numel())];
        data().asLongBuffer().get(out);
        return out;
    }

    /** A copy of the raw little-endian bytes of the elements. */
    public byte[] toByteArray() {
        byte[] out = new byte[data.capacity()];
        data().get(out);
        return out;
    }

    /**
     * Gives this tensor's memory back to the allocator that made it, for reuse by a later batch
     * ({@link TensorAllocator#recycle}). Afterwards this tensor must not be read: its memory may
     * hold another batch. Allocators ignore buffers they did not make. Only the first call gives
     * the memory back; later calls do nothing, so a batch released twice cannot corrupt another.
     */
    public void releaseTo(TensorAllocator allocator) {
        if (released.compareAndSet(false, true)) {
            allocator.recycle(data);
        }
    }

    private void requireDtype(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("this tensor is " + dtype + ", not " + wanted);
        }
    }

    private int byteOffset(long flatIndex) {
        long count = numel();
        if (flatIndex < 0 || flatIndex >= count) {
            throw new IndexOutOfBoundsException("index " + flatIndex + " is outside [0, " + count + ")");
        }
        return Math.toIntExact(flatIndex * dtype.byteSize());
    }

    /** Equal when dtype, shape and every element byte are equal; whether memory is direct does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor that
                && dtype == that.dtype
                && Arrays.equals(shape, that.shape)
                && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + data.hashCode();
    }

    /**
     * The values, shape and dtype, as NumPy and PyTorch print a tensor, on one line:
     * {@code tensor([[1, 2, 3], [4, 5, 6]], shape=[2, 3], dtype=int64)}. Floating-point values have
     * at most four decimal places ({@code 0.485}, {@code -2.1179}), scientific below 1e-4 and from
     * 1e8 on ({@code 1.5e-07}). A tensor of more than 1000 elements (NumPy's threshold) is
     * summarised: the last axis shows its first and last three values around {@code ...}, every
     * other axis only its first entry and {@code ...}:
     * {@code tensor([[[[-2.1179, -2.1179, -2.0357, ..., 0.2453, 0.2967, 0.3481], ...], ...], ...],
     * shape=[64, 3, 224, 224], dtype=float32)}. Whether the memory is direct is not shown, as it
     * does not take part in {@link #equals}. Must not be called after {@link #releaseTo}.
     */
    @Override
    public String toString() {
        return TensorText.of(this);
    }
}
