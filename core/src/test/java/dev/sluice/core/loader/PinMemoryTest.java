package dev.sluice.core.loader;

import static dev.sluice.core.loader.TestDatasets.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pin_memory: batches in direct buffers, reused once released. */
class PinMemoryTest {
    private static final int WIDTH = 1024;

    /** Each sample i becomes a row of WIDTH floats equal to i. */
    private static final Collate<Long, Map<String, Tensor>> ROWS = (samples, allocator) -> {
        ByteBuffer out = allocator.allocate(samples.size() * WIDTH * Float.BYTES);
        for (long sample : samples) {
            for (int k = 0; k < WIDTH; k++) {
                out.putFloat(sample);
            }
        }
        return Map.of("rows", Tensor.wrap(DType.FLOAT32, new int[] {samples.size(), WIDTH}, out.flip()));
    };

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    private static long directBuffers() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getCount();
            }
        }
        throw new AssertionError("no direct buffer pool bean");
    }

    @Test
    void pinnedBatchesAreDirectAndHeldInTheirSamples() {
        try (DataLoader<Long, Map<String, Tensor>> loader = DataLoader.builder(range(6)).batchSize(3).pinMemory(true)
                .collate(ROWS).build()) {
            for (Map<String, Tensor> batch : loader) {
                Tensor rows = batch.get("rows");
                assertTrue(rows.isDirect());
                float first = rows.getFloat(0);
                assertEquals(first + 2, rows.getFloat(2L * WIDTH));
            }
        }
    }

    @Test
    void unpinnedBatchesLiveOnTheHeap() {
        try (DataLoader<Long, Map<String, Tensor>> loader = DataLoader.builder(range(3)).batchSize(3).collate(ROWS)
                .build()) {
            assertFalse(loader.iterator().next().get("rows").isDirect());
        }
    }

    @Test
    void releasedBatchesAreReusedSoDirectMemoryStaysFlat() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (DataLoader<Long, Map<String, Tensor>> loader = DataLoader.builder(range(400)).batchSize(4)
                    .numWorkers(2).pinMemory(true).collate(ROWS).build()) {
                long before = directBuffers();
                long batches = 0;
                for (Map<String, Tensor> batch : loader) {
                    assertEquals(4 * batches, (long) batch.get("rows").getFloat(0), "contents are the right batch's");
                    loader.release(batch);
                    batches++;
                }
                assertEquals(100, batches);
                long created = directBuffers() - before;
                // In flight at most prefetch_factor * num_workers = 4 batches, plus the one being read.
                assertTrue(created <= 6, "direct buffers created for 100 released batches: " + created);
            }
        });
    }
}
