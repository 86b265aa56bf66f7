package dev.sluice.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Which loader worker the current thread is, as PyTorch's {@code get_worker_info()}.
 *
 * <p>Inside a loader worker thread {@link #current()} returns the worker's info; on any other thread
 * (including the caller's thread when a loader has no workers) it is empty.
 *
 * @param id the worker's number, in {@code [0, numWorkers)}
 * @param numWorkers how many workers the loader runs, {@code >= 1}
 * @param seed the worker's seed, derived from the loader's seed, the epoch its threads started in, and {@code id}
 * @param dataset the dataset the worker reads (shared by all workers: workers are threads)
 */
public record WorkerInfo(int id, int numWorkers, long seed, Object dataset) {

    /** What a single-threaded reader should assume: worker 0 of 1. */
    public static final WorkerInfo SINGLE = new WorkerInfo(0, 1, 0L, "none");

    private static final ThreadLocal<WorkerInfo> CURRENT = new ThreadLocal<>();

    /**
     * @throws IllegalArgumentException if {@code numWorkers < 1} or {@code id} is outside {@code [0, numWorkers)}
     */
    public WorkerInfo {
        if (numWorkers < 1) {
            throw new IllegalArgumentException("numWorkers must be >= 1, was " + numWorkers);
        }
        if (id < 0 || id >= numWorkers) {
            throw new IllegalArgumentException("id must be in [0, " + numWorkers + "), was " + id);
        }
        Objects.requireNonNull(dataset, "dataset");
    }

    /** The info of the worker running on this thread, or empty outside a loader worker. */
    public static Optional<WorkerInfo> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Marks the calling thread as worker {@code info} until the returned scope is closed. Called by
     * loaders at the start of each worker thread; other code has no reason to call it.
     */
    public static Scope enter(WorkerInfo info) {
        Objects.requireNonNull(info, "info");
        WorkerInfo previous = CURRENT.get();
        CURRENT.set(info);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Ends a {@link #enter(WorkerInfo)}; closing it restores what the thread was before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
