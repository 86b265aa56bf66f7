package dev.sluice.core.collate;

import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Heap buffers, remembering each one handed out and each one given back, by identity. */
final class RecordingAllocator implements TensorAllocator {
    final List<ByteBuffer> allocated = new ArrayList<>();
    final List<ByteBuffer> recycled = new ArrayList<>();

    @Override
    public synchronized ByteBuffer allocate(int bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        allocated.add(buffer);
        return buffer;
    }

    @Override
    public synchronized void recycle(ByteBuffer buffer) {
        recycled.add(buffer);
    }

    /** Whether every buffer handed out came back, each exactly once. */
    synchronized boolean everythingCameBack() {
        if (allocated.size() != recycled.size()) {
            return false;
        }
        for (ByteBuffer buffer : allocated) {
            if (recycled.stream().filter(back -> back == buffer).count() != 1) {
                return false;
            }
        }
        return true;
    }
}
