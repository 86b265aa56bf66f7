package dev.sluice.examples.cli;

import dev.sluice.core.loader.LoaderState;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The saving side of {@code sluice run --resume FILE}: remembers the state after the last batch
 * the run finished with, writes it every N batches and, from a shutdown hook, when the JVM is told
 * to stop (Ctrl-C, SIGTERM).
 *
 * <p>A batch counts once its work is done, not when the loader hands it out: the run calls
 * {@link #startBatch()} before working on a batch and {@link #finishBatch(LoaderState)} after.
 * The hook takes the same lock, so it waits for the batch in hand, saves the state that includes
 * it, and makes every later {@code startBatch()} refuse: no batch is worked on that the saved
 * state does not count, and none the state counts is left undone.
 */
final class Checkpoints implements AutoCloseable {
    /**
     * How long the shutdown hook waits, after saving, for the run to print its epoch summary and
     * close: the JVM stops when the hooks return, cutting off whatever the run was still printing.
     */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private final StateFile file;
    private final long every;
    private final PrintStream err;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread hook = new Thread(this::saveOnShutdown, "sluice-save-state");
    /** Opened by {@link #close()}: the run has printed what it had to say, and the JVM may stop. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Duration closeWait;
    private LoaderState last;
    private long sinceSaved;
    private boolean stopping;

    /**
     * Registers the shutdown hook.
     *
     * @param every save after this many finished batches, {@code >= 1}
     * @param start the state to save if no batch finishes
     */
    Checkpoints(StateFile file, long every, LoaderState start, PrintStream err) {
        this(file, every, start, err, CLOSE_WAIT);
    }

    /** @param closeWait how long the shutdown hook waits for the run to close, after saving */
    Checkpoints(StateFile file, long every, LoaderState start, PrintStream err, Duration closeWait) {
        this.closeWait = closeWait;
        this.file = file;
        this.every = every;
        this.err = err;
        this.last = start;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Before working on a batch: false when the JVM is stopping, and the batch must be left alone. */
    boolean startBatch() {
        lock.lock();
        if (stopping) {
            lock.unlock();
            return false;
        }
        return true;
    }

    /**
     * After the work on the batch {@link #startBatch()} allowed: {@code state} counts it; null when
     * the work failed, which counts nothing and only lets the shutdown hook in again.
     */
    void finishBatch(LoaderState state) throws IOException {
        try {
            if (state != null) {
                last = state;
                if (++sinceSaved >= every) {
                    save();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** At the natural end of an epoch: saves {@code state}, the start of the next one. */
    void finishEpoch(LoaderState state) throws IOException {
        lock.lock();
        try {
            if (!stopping) {
                last = state;
                save();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the JVM is stopping, so that the run starts no further epoch. */
    boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    private void save() throws IOException {
        file.write(last);
        sinceSaved = 0;
    }

    /**
     * What the shutdown hook does; package-private so that a test can play the JVM stopping. After
     * saving it lets the run finish its epoch's summary and close, waiting at most {@code closeWait}.
     */
    void saveOnShutdown() {
        lock.lock();
        try {
            stopping = true;
            save();
            err.println("sluice run: stopped; saved " + last + " to " + file.path());
        } catch (IOException | RuntimeException e) {
            err.println("sluice run: stopped, but could not save the loader state to " + file.path() + ": " + e);
        } finally {
            lock.unlock();
            err.flush();
        }
        try {
            closed.await(closeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves the last state, unless the shutdown hook did, and removes the hook. */
    @Override
    public void close() throws IOException {
        try {
            saveAndUnhook();
        } finally {
            closed.countDown();
        }
    }

    private void saveAndUnhook() throws IOException {
        lock.lock();
        boolean stopped = stopping;
        try {
            if (!stopped) {
                save();
            }
        } finally {
            lock.unlock();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) and saves the same state; nothing to undo.
            if (!stopped) {
                err.println("sluice run: the JVM is shutting down; the shutdown hook saves the state to " + file.path());
            }
        }
    }
}
