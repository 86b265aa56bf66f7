package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerInfoTest {
    private static final WorkerInfo WORKER_1 = new WorkerInfo(1, 4, 99L, "dataset");

    @Test
    void currentIsEmptyOutsideAWorker() throws Exception {
        assertEquals(Optional.empty(), WorkerInfo.current());
        assertEquals(Optional.empty(), onAnotherThread());
    }

    @Test
    void enterMarksTheThreadUntilTheScopeCloses() {
        try (WorkerInfo.Scope scope = WorkerInfo.enter(WORKER_1)) {
            assertEquals(Optional.of(WORKER_1), WorkerInfo.current());
        }
        assertEquals(Optional.empty(), WorkerInfo.current());
    }

    @Test
    void closingANestedScopeRestoresTheOuterWorker() {
        WorkerInfo worker2 = new WorkerInfo(2, 4, 100L, "dataset");
        try (WorkerInfo.Scope outer = WorkerInfo.enter(WORKER_1)) {
            try (WorkerInfo.Scope inner = WorkerInfo.enter(worker2)) {
                assertEquals(Optional.of(worker2), WorkerInfo.current());
            }
            assertEquals(Optional.of(WORKER_1), WorkerInfo.current());
        }
        assertEquals(Optional.empty(), WorkerInfo.current());
    }

    @Test
    void otherThreadsDoNotSeeThisThreadsWorker() throws Exception {
        try (WorkerInfo.Scope scope = WorkerInfo.enter(WORKER_1)) {
            assertEquals(Optional.empty(), onAnotherThread());
        }
    }

    private static Optional<WorkerInfo> onAnotherThread() throws InterruptedException {
        AtomicReference<Optional<WorkerInfo>> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> seen.set(WorkerInfo.current()), "worker-info-test");
        thread.start();
        thread.join();
        return seen.get();
    }

    @Test
    void idAndWorkerCountAreValidatedNamingTheValue() {
        assertEquals("numWorkers must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new WorkerInfo(0, 0, 0L, "d")).getMessage());
        assertEquals("id must be in [0, 3), was 3", assertThrows(IllegalArgumentException.class,
                () -> new WorkerInfo(3, 3, 0L, "d")).getMessage());
        assertEquals("id must be in [0, 3), was -1", assertThrows(IllegalArgumentException.class,
                () -> new WorkerInfo(-1, 3, 0L, "d")).getMessage());
        assertEquals("dataset", assertThrows(NullPointerException.class,
                () -> new WorkerInfo(0, 1, 0L, null)).getMessage());
        assertThrows(NullPointerException.class, () -> WorkerInfo.enter(null));
    }

    @Test
    void singleIsWorkerZeroOfOne() {
        assertEquals(0, WorkerInfo.SINGLE.id());
        assertEquals(1, WorkerInfo.SINGLE.numWorkers());
    }
}
