package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link ThreadCpu}: real threads' CPU time, by kind, from this process's own /proc files. */
class ThreadCpuTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Spins until the calling thread has used {@code nanos} of CPU time. */
    private static void burn(long nanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        long sink = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                sink += i * sink + 1;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
    }

    /**
     * Waits until no task of this process has the name {@code name}: a joined Java thread's system
     * thread can still be in /proc/self/task for a moment, where it counts as a live thread.
     */
    private static void awaitTaskGone(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean present = false;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    try {
                        present |= Files.readString(task.resolve("comm")).strip().equals(name);
                    } catch (IOException gone) {
                        // the task ended while being listed
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!present) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the task " + name + " is still listed 10 s after its thread was joined");
    }

    @Test
    void aLiveWorkerAndAThreadThatEndedAreEachCountedWithTheirCpuTime() throws InterruptedException {
        ThreadCpu before = ThreadCpu.now().orElseThrow();
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            burn(300_000_000L);
            burnt.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-worker-7");
        Thread ended = new Thread(() -> burn(300_000_000L), "some-helper");
        worker.start();
        ended.start();
        ended.join();
        awaitTaskGone("some-helper");
        burnt.await();
        Map<ThreadCpu.Kind, Double> spent = ThreadCpu.now().orElseThrow().since(before);
        release.countDown();
        worker.join();
        assertTrue(spent.get(ThreadCpu.Kind.WORKERS) >= 0.28, spent::toString);
        assertTrue(spent.get(ThreadCpu.Kind.ENDED) >= 0.28, spent::toString);
        assertTrue(spent.get(ThreadCpu.Kind.WORKERS) < 0.5 + spent.get(ThreadCpu.Kind.OTHER), spent::toString);
    }

    /** Reading a thread's stat as it ends fails with ESRCH ("No such process"), not a missing file; seen in a bench run. */
    @Test
    void snapshotsTakenWhileThreadsKeepEndingDoNotFail() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                Thread brief = new Thread(() -> { });
                brief.start();
                try {
                    brief.join();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        churn.start();
        try {
            for (int i = 0; i < 3_000; i++) {
                assertTrue(ThreadCpu.now().isPresent());
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void threadsAreSortedByTheNamesTheJvmAndTheLoaderGiveThem() {
        assertEquals(ThreadCpu.Kind.WORKERS, ThreadCpu.Kind.of("sluice-worker-0"));
        assertEquals(ThreadCpu.Kind.CONSUMER, ThreadCpu.Kind.of("main"));
        assertEquals(ThreadCpu.Kind.CONSUMER, ThreadCpu.Kind.of("java"));
        assertEquals(ThreadCpu.Kind.GC, ThreadCpu.Kind.of("GC Thread#1"));
        assertEquals(ThreadCpu.Kind.GC, ThreadCpu.Kind.of("G1 Conc#0"));
        assertEquals(ThreadCpu.Kind.JIT, ThreadCpu.Kind.of("C2 CompilerThre"));
        assertEquals(ThreadCpu.Kind.OTHER, ThreadCpu.Kind.of("VM Thread"));
    }

    @Test
    void aStatLineIsReadAfterTheNameWhateverTheNameHolds() throws IOException {
        String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194368 5 0 0 0 137 21 0 0 20 0 30 0 100 0 0";
        assertEquals(158, ThreadCpu.ticks(stat));
        assertThrows(IOException.class, () -> ThreadCpu.ticks("4242 (main) S 1 2 3"));
    }

    @Test
    void perImageJsonGivesEachKindAndTheTotalInMilliseconds() {
        Map<ThreadCpu.Kind, Double> seconds = new java.util.EnumMap<>(ThreadCpu.Kind.class);
        for (ThreadCpu.Kind kind : ThreadCpu.Kind.values()) {
            seconds.put(kind, 0.0);
        }
        seconds.put(ThreadCpu.Kind.WORKERS, 2.0);
        seconds.put(ThreadCpu.Kind.GC, 0.5);
        assertEquals("{\"workers\": 1.0000, \"consumer\": 0.0000, \"gc\": 0.2500, \"jit\": 0.0000, \"other\": 0.0000, "
                + "\"ended\": 0.0000, \"total\": 1.2500}", ThreadCpu.jsonPerImage(seconds, 2000));
    }
}
