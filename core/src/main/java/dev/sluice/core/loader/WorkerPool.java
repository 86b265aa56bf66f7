package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.sampler.Seeds;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loader's worker threads, {@code sluice-worker-<id>}, each with its own inbox of jobs. A
 * worker marks its thread with its {@link WorkerInfo}, runs {@code worker_init_fn} once, then runs
 * jobs until the pool is closed. Each worker owns the {@link DecodeBuffers} its jobs lend to the
 * decoder: made on its thread, handed to each of its jobs, used by no other thread.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final long JOIN_MILLIS = 10_000;
    /** Tags the workers' seeds apart from every other use of the loader's seed. */
    private static final long WORKER_STREAM = 0x574F524B4552L;

    /**
     * A unit of work for one worker; it learns whether the worker's init function failed, and gets the
     * worker's decode buffers, which it may use until it returns.
     */
    @FunctionalInterface
    interface Job {
        void run(Throwable initFailure, DecodeBuffers buffers);
    }

    private final Thread[] threads;
    private final BlockingQueue<Job>[] inboxes;
    private final Throwable[] initFailures;
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    WorkerPool(int count, long seed, long epoch, Object dataset, IntConsumer workerInitFn) {
        threads = new Thread[count];
        inboxes = new BlockingQueue[count];
        initFailures = new Throwable[count];
        for (int id = 0; id < count; id++) {
            inboxes[id] = new LinkedBlockingQueue<>();
            WorkerInfo info = new WorkerInfo(id, count, Seeds.derive(seed, WORKER_STREAM, epoch, id), dataset);
            Thread thread = new Thread(() -> work(info, workerInitFn), "sluice-worker-" + id);
            thread.setDaemon(true);
            threads[id] = thread;
        }
        for (Thread thread : threads) {
            thread.start();
        }
    }

    int size() {
        return threads.length;
    }

    /** Queues {@code job} for worker {@code id}. */
    void submit(int id, Job job) {
        if (closed) {
            throw new IllegalStateException("the loader's workers are stopped");
        }
        inboxes[id].add(job);
    }

    private void work(WorkerInfo info, IntConsumer workerInitFn) {
        int id = info.id();
        DecodeBuffers buffers = new DecodeBuffers();
        try (WorkerInfo.Scope scope = WorkerInfo.enter(info)) {
            if (workerInitFn != null) {
                try {
                    workerInitFn.accept(id);
                } catch (Throwable failure) {
                    initFailures[id] = failure;
                }
            }
            while (!closed) {
                Job job = inboxes[id].take();
                try {
                    job.run(initFailures[id], buffers);
                } catch (RuntimeException | Error escaped) {
                    // Jobs report their own failures; one that escapes is a bug, and the worker must live on
                    // to serve the jobs queued behind it.
                    LOG.error("{}: a job failed outside its own error handling", Thread.currentThread().getName(),
                            escaped);
                }
            }
        } catch (InterruptedException stop) {
            // close() interrupts a worker waiting for its next job: that is how it ends.
        }
    }

    /** Stops every worker: interrupts them and waits until they have ended. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within {} ms of close(); it is still inside a sample", thread.getName(),
                        JOIN_MILLIS);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
