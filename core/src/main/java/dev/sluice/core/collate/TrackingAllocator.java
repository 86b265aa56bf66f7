package dev.sluice.core.collate;

import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The caller's allocator, remembering what one collate call took from it, so that a call that fails
 * half-way (the second key of a map refused after the first was stacked) gives the memory back to a
 * pooling allocator instead of leaking it. Confined to the thread of that call.
 */
final class TrackingAllocator implements TensorAllocator {
    private final TensorAllocator delegate;
    private final List<ByteBuffer> taken = new ArrayList<>();

    TrackingAllocator(TensorAllocator delegate) {
        this.delegate = delegate;
    }

    @Override
    public ByteBuffer allocate(int bytes) {
        ByteBuffer buffer = delegate.allocate(bytes);
        taken.add(buffer);
        return buffer;
    }

    @Override
    public void recycle(ByteBuffer buffer) {
        delegate.recycle(buffer);
    }

    /**
     * Runs {@code work} with a tracking view of {@code allocator}; if it fails, gives back everything
     * it took before rethrowing.
     */
    static <R> R recyclingOnFailure(TensorAllocator allocator, Function<TensorAllocator, R> work) {
        TrackingAllocator tracked = new TrackingAllocator(allocator);
        try {
            return work.apply(tracked);
        } catch (RuntimeException failure) {
            try {
                for (ByteBuffer buffer : tracked.taken) {
                    allocator.recycle(buffer);
                }
            } catch (RuntimeException recycling) {
                failure.addSuppressed(recycling);
            }
            throw failure;
        }
    }
}
