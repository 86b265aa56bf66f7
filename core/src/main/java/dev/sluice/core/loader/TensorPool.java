package dev.sluice.core.loader;

import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Batch buffers, direct (off-heap) for pinned batches and on the heap otherwise, reused once the
 * caller releases a batch, so that a loader whose batches are released allocates nothing in the
 * steady state. Buffers
 * are pooled by exact size, since a loader's batches come in one or two sizes. A buffer that is
 * never released is simply garbage-collected: the pool keeps only weak track of what it lent.
 */
final class TensorPool implements TensorAllocator {
    private final boolean direct;
    private final int maxIdlePerSize;
    private final Map<Integer, Queue<ByteBuffer>> idle = new ConcurrentHashMap<>();
    private final IdentityWeakSet<ByteBuffer> lent = new IdentityWeakSet<>();

    /**
     * @param direct whether new buffers are direct (pinned) or heap buffers
     * @param maxIdlePerSize how many released buffers of one size to keep for reuse
     */
    TensorPool(boolean direct, int maxIdlePerSize) {
        this.direct = direct;
        this.maxIdlePerSize = maxIdlePerSize;
    }

    @Override
    public ByteBuffer allocate(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
        Queue<ByteBuffer> queue = idle.get(bytes);
        ByteBuffer buffer = queue == null ? null : queue.poll();
        if (buffer == null) {
            buffer = (direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes)).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        lent.add(buffer);
        return buffer;
    }

    @Override
    public void recycle(ByteBuffer buffer) {
        if (!lent.remove(buffer)) {
            return;
        }
        Queue<ByteBuffer> queue = idle.computeIfAbsent(buffer.capacity(), size -> new ConcurrentLinkedQueue<>());
        if (queue.size() < maxIdlePerSize) {
            queue.add(buffer);
        }
    }
}
