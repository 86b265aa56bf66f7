package dev.sluice.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where a {@link Collate} gets the memory for batch tensors. A loader with {@code pin_memory} hands
 * out direct buffers from a pool, reused once the caller releases a batch; otherwise heap buffers.
 * Implementations are safe for concurrent use.
 */
@FunctionalInterface
public interface TensorAllocator {

    /**
     * A little-endian buffer of exactly {@code bytes} bytes, positioned at 0 with its limit at
     * {@code bytes}. Its contents are unspecified: the caller writes every byte it uses.
     *
     * @throws IllegalArgumentException if {@code bytes < 0}
     */
    ByteBuffer allocate(int bytes);

    /**
     * Takes back a buffer this allocator handed out, for reuse. Called through
     * {@link Tensor#releaseTo(TensorAllocator)} when the caller is done with a batch. An allocator that
     * does not pool, or a buffer it did not make, is ignored. The default does nothing.
     */
    default void recycle(ByteBuffer buffer) {
    }

    /** Fresh zeroed heap buffers: what a loader without {@code pin_memory} uses. */
    static TensorAllocator heap() {
        return bytes -> {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
            }
            return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        };
    }
}
