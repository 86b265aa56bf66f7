package dev.sluice.core.collate;

import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

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

    /** Gives back everything taken so far; the call that took it is failing and returns nothing. */
    void recycleAll() {
        for (ByteBuffer buffer : taken) {
            delegate.recycle(buffer);
        }
        taken.clear();
    }
}
