package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The buffers of the tensors this package makes: on the heap, little-endian, as {@code Tensor} stores values. */
final class HeapBuffers {
    private HeapBuffers() {
    }

    /** A new buffer for {@code elements} values of {@code dtype}. */
    static ByteBuffer allocate(long elements, DType dtype) {
        return ByteBuffer.allocate(Math.toIntExact(elements * dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }
}
