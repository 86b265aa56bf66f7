package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sluice.api.DecodeBuffers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpareDecodeBuffersTest {

    @Test
    void aLaterPoolsWorkersDecodeIntoTheBuffersAnEarlierPoolsWorkersGrew() throws Exception {
        SpareDecodeBuffers spares = new SpareDecodeBuffers(2);
        List<DecodeBuffers> first = lentInOnePool(spares, 2);
        List<DecodeBuffers> second = lentInOnePool(spares, 2);

        assertNotSame(first.get(0), first.get(1), "each worker has buffers of its own");
        assertEquals(identities(first), identities(second));
    }

    @Test
    void twoPoolsAliveAtOnceNeverShareBuffers() throws Exception {
        SpareDecodeBuffers spares = new SpareDecodeBuffers(1);
        spares.giveBack(spares.take());
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        DecodeBuffers[] seen = new DecodeBuffers[2];
        List<WorkerPool> pools = new ArrayList<>();
        try {
            for (int p = 0; p < 2; p++) {
                int which = p;
                WorkerPool pool = new WorkerPool(1, 0, 0, "dataset", null, spares);
                pools.add(pool);
                pool.submit(0, (failure, buffers) -> {
                    seen[which] = buffers;
                    bothRunning.countDown();
                    await(release);
                });
            }
            assertEquals(true, bothRunning.await(10, TimeUnit.SECONDS));
            assertNotSame(seen[0], seen[1]);
        } finally {
            release.countDown();
            pools.forEach(WorkerPool::close);
        }
    }

    @Test
    void noMoreThanTheLoadersWorkerCountIsKept() {
        SpareDecodeBuffers spares = new SpareDecodeBuffers(1);
        DecodeBuffers a = spares.take();
        DecodeBuffers b = spares.take();
        spares.giveBack(a);
        spares.giveBack(b);
        assertSame(a, spares.take());
        assertNotSame(b, spares.take(), "the second was dropped: a new one is made");
    }

    /** The buffers each of {@code workers} workers of a new pool is given, after which the pool ends. */
    private static List<DecodeBuffers> lentInOnePool(SpareDecodeBuffers spares, int workers) throws InterruptedException {
        DecodeBuffers[] lent = new DecodeBuffers[workers];
        CountDownLatch ran = new CountDownLatch(workers);
        WorkerPool pool = new WorkerPool(workers, 0, 0, "dataset", null, spares);
        try {
            for (int id = 0; id < workers; id++) {
                int worker = id;
                pool.submit(id, (failure, buffers) -> {
                    lent[worker] = buffers;
                    ran.countDown();
                });
            }
            assertEquals(true, ran.await(10, TimeUnit.SECONDS));
        } finally {
            pool.close();
        }
        return List.of(lent);
    }

    private static Map<DecodeBuffers, Boolean> identities(List<DecodeBuffers> buffers) {
        Map<DecodeBuffers, Boolean> set = new IdentityHashMap<>();
        buffers.forEach(b -> set.put(b, true));
        return set;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
