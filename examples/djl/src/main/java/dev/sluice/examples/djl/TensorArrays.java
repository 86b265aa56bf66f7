package dev.sluice.examples.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Turns Sluice {@link Tensor}s into DJL {@link NDArray}s, sharing the memory when the tensor is
 * direct (a loader with {@code pinMemory(true)} makes direct batches).
 *
 * <p>With DJL's PyTorch engine, {@code NDManager.create(ByteBuffer, Shape, DataType)} wraps a direct
 * buffer with {@code torch::from_blob}: the array reads and writes the tensor's own memory, and no
 * byte is copied. A heap tensor is copied once into memory DJL allocates. Other engines may copy
 * in both cases.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     NDArray images = TensorArrays.toNdArray(batch.images(), manager);   // float32 (N, 3, H, W)
 *     ...
 * }
 * loader.release(batch);   // only after every array made from it is closed
 * }</pre>
 */
public final class TensorArrays {
    private static final String PYTORCH = "PyTorch";

    private TensorArrays() {
    }

    /**
     * An array over {@code tensor}'s elements with the tensor's shape and element type.
     *
     * @see #toNdArray(Tensor, Shape, NDManager)
     */
    public static NDArray toNdArray(Tensor tensor, NDManager manager) {
        Objects.requireNonNull(tensor, "tensor");
        return toNdArray(tensor, shapeOf(tensor), manager);
    }

    /**
     * An array over {@code tensor}'s elements, viewed with {@code shape} (which must hold as many
     * elements), attached to {@code manager}. When the tensor {@linkplain Tensor#isDirect() is direct}
     * the array shares its memory: writes through the array are seen in the tensor, and the array
     * must be closed before the tensor's memory is given back to its loader
     * ({@code DataLoader.release}), which may then fill it with another batch. Otherwise the
     * elements are copied and the array is independent of the tensor.
     *
     * @param tensor the elements; not modified by this call
     * @param shape the array's shape; its size must equal {@code tensor.numel()}
     * @param manager the manager the array is attached to; closing it closes the array
     * @return a new array; never null
     * @throws IllegalArgumentException if {@code shape} holds another number of elements than the tensor
     * @throws IllegalStateException if the platform's byte order is not little-endian (Sluice stores
     *         tensors little-endian, and DJL's native libraries read them in native order)
     * @throws NullPointerException if an argument is null
     */
    public static NDArray toNdArray(Tensor tensor, Shape shape, NDManager manager) {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(manager, "manager");
        if (shape.size() != tensor.numel()) {
            throw new IllegalArgumentException("shape " + shape + " holds " + shape.size() + " elements, the tensor "
                    + tensor + " holds " + tensor.numel());
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("Sluice tensors are little-endian and this platform is "
                    + ByteOrder.nativeOrder() + "; DJL would read their bytes in the wrong order");
        }
        // The view is read-only only to Java code: native code reaches the same memory through its address.
        return manager.create(tensor.data(), shape, dataType(tensor.dtype()));
    }

    /**
     * Whether {@link #toNdArray(Tensor, Shape, NDManager)} shares {@code tensor}'s memory rather than
     * copying it: when the tensor is direct and the manager is PyTorch's (other engines are not
     * known to wrap direct buffers, so they count as copying).
     *
     * @throws NullPointerException if an argument is null
     */
    public static boolean sharesMemory(Tensor tensor, NDManager manager) {
        return tensor.isDirect() && PYTORCH.equals(manager.getEngine().getEngineName());
    }

    /** The DJL element type of a Sluice dtype: uint8, uint16, int32, int64, float32 or float64 alike. */
    public static DataType dataType(DType dtype) {
        return switch (Objects.requireNonNull(dtype, "dtype")) {
            case UINT8 -> DataType.UINT8;
            case UINT16 -> DataType.UINT16;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
        };
    }

    static Shape shapeOf(Tensor tensor) {
        long[] dims = new long[tensor.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = tensor.dim(i);
        }
        return new Shape(dims);
    }
}
