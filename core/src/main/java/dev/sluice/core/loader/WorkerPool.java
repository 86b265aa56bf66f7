package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.sampler.Seeds;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loader's worker threads, {@code sluice-worker-<id>}, each with its own inbox of jobs. A
 * worker marks its thread with its {@link WorkerInfo}, runs {@code worker_init_fn} once, then runs
 * jobs until the pool is closed. A worker whose inbox is empty first asks the current
 * {@link HelpSource} for work of another worker's to share, and waits only when there is none;
 * {@link #nudgeIdle} wakes the waiting ones when there may be some. Each worker owns the {@link DecodeBuffers} its jobs lend to the
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

    /** Where an idle worker finds samples of another worker's batch to load. */
    interface HelpSource {
        /**
         * A job that loads samples of a batch that has joined this worker, or null if there is
         * none; a job returned must be run.
         */
        Job nextHelp();
    }

    /** Wakes an idle worker to ask its help source again. */
    private static final Job LOOK_AGAIN = (initFailure, buffers) -> { };

    private final Thread[] threads;
    /** 1 while a worker has found its inbox empty and nothing to help with. */
    private final AtomicIntegerArray idle;
    private final AtomicReference<HelpSource> helpSource = new AtomicReference<>();
    private final BlockingQueue<Job>[] inboxes;
    private final Throwable[] initFailures;
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    WorkerPool(int count, long seed, long epoch, Object dataset, IntConsumer workerInitFn, SpareDecodeBuffers spares) {
        threads = new Thread[count];
        inboxes = new BlockingQueue[count];
        initFailures = new Throwable[count];
        idle = new AtomicIntegerArray(count);
        for (int id = 0; id < count; id++) {
            inboxes[id] = new LinkedBlockingQueue<>();
            WorkerInfo info = new WorkerInfo(id, count, Seeds.derive(seed, WORKER_STREAM, epoch, id), dataset);
            Thread thread = new Thread(() -> work(info, workerInitFn, spares), "sluice-worker-" + id);
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

    /** Makes {@code source} the place where idle workers look for help, replacing any earlier one. */
    void helpFrom(HelpSource source) {
        helpSource.set(source);
    }

    /** Forgets {@code source} if it is still the current help source (an iteration that ended). */
    void stopHelping(HelpSource source) {
        helpSource.compareAndSet(source, null);
    }

    /** Wakes every worker that waits with an empty inbox, to look for help again. */
    void nudgeIdle() {
        for (int id = 0; id < threads.length; id++) {
            if (idle.get(id) == 1 && inboxes[id].isEmpty()) {
                inboxes[id].add(LOOK_AGAIN);
            }
        }
    }

    /**
     * The next job of worker {@code id}: its own, else help with another's batch, else its own
     * when one comes. A worker whose init function failed loads no one else's samples.
     */
    private Job nextJob(int id) throws InterruptedException {
        Job own = inboxes[id].poll();
        if (own != null) {
            return own;
        }
        if (initFailures[id] != null) {
            return inboxes[id].take();
        }
        // Marked idle before looking, so that a batch started after the look finds this worker idle
        // and nudges it.
        idle.set(id, 1);
        try {
            HelpSource source = helpSource.get();
            Job help = source == null ? null : source.nextHelp();
            return help != null ? help : inboxes[id].take();
        } finally {
            idle.set(id, 0);
        }
    }

    private void work(WorkerInfo info, IntConsumer workerInitFn, SpareDecodeBuffers spares) {
        int id = info.id();
        DecodeBuffers buffers = spares.take();
        try (WorkerInfo.Scope scope = WorkerInfo.enter(info)) {
            if (workerInitFn != null) {
                try {
                    workerInitFn.accept(id);
                } catch (Throwable failure) {
                    initFailures[id] = failure;
                }
            }
            while (!closed) {
                Job job = nextJob(id);
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
        } finally {
            spares.giveBack(buffers);
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
