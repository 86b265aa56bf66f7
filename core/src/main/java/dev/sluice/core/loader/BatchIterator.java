package dev.sluice.core.loader;

import java.util.Iterator;

/**
 * One epoch of a {@link DataLoader}. Close it when leaving the loop early (try-with-resources) so
 * that its worker threads stop at once; an iterator that is simply dropped stops its workers when
 * the next epoch starts, when the loader is closed, or when it is garbage-collected.
 *
 * <p>Used by one consumer thread. {@code hasNext()} may wait for the next batch.
 * {@code next()} throws a {@link dev.sluice.core.dataset.SampleLoadException} when a sample fails,
 * and a {@link LoaderException} when the collate function or a worker's init fails (a
 * {@link LoaderTimeoutException} after {@code timeout}); the iteration goes on with the following
 * batch if the caller calls {@code next()} again.
 *
 * @param <B> the batch type
 */
public interface BatchIterator<B> extends Iterator<B>, AutoCloseable {

    /**
     * The dataset indices of the samples in the batch the last {@code next()} returned, in batch
     * order (skipped samples left out); empty before the first batch and for iterable datasets,
     * whose samples have no index.
     */
    long[] indices();

    /** What this iteration has delivered so far; final once {@code hasNext()} has returned false. */
    EpochReport report();

    /** Stops this iteration's workers (unless they are persistent) and ends the iteration. Idempotent. */
    @Override
    void close();
}
