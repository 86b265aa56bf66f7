package dev.sluice.core.dataset;

import dev.sluice.api.IterableDataset;
import java.util.Iterator;

/**
 * An iterable dataset whose streams can say where they are and start again from there, so that a
 * {@link dev.sluice.core.loader.DataLoader} over it can {@linkplain dev.sluice.core.loader.DataLoader#state() save}
 * its place in an epoch and a new loader can
 * {@linkplain dev.sluice.core.loader.DataLoader#restore(dev.sluice.core.loader.LoaderState) continue} from it, as it does for
 * map-style datasets.
 *
 * <p>After each batch a worker takes from its stream, the loader asks the stream for its
 * {@link PositionedIterator#position() position}; the loader's state keeps, per worker stream, the
 * position after the last batch handed to the caller. A resumed loader opens each worker's stream
 * with {@link #iterator(long, String)} at that position. A stream is therefore a pure function of
 * (epoch, the calling worker, the position it starts from); positions are only meaningful to a
 * loader with the same number of workers, and to a dataset built the same way.
 *
 * <pre>{@code
 * ResumableDataset<Long> counting = (epoch, position) -> new PositionedIterator<>() {
 *     long next = position == null ? 0 : Long.parseLong(position);
 *     public boolean hasNext() { return next < 100; }
 *     public Long next() { return next++; }
 *     public String position() { return Long.toString(next); }
 * };
 * }</pre>
 *
 * @param <T> the sample type
 */
@FunctionalInterface
public interface ResumableDataset<T> extends IterableDataset<T> {

    /**
     * A new stream over the samples of {@code epoch} for the calling worker, from its start or from
     * {@code position}. Called by a loader on the worker's thread, as {@link #iterator(long)} is.
     *
     * @param epoch the loader's epoch, from 0
     * @param position a value this dataset's stream for the same epoch and worker returned from
     *        {@link PositionedIterator#position()}, or null to start at the beginning
     * @throws IllegalArgumentException if {@code position} does not belong to this dataset, epoch or worker
     */
    PositionedIterator<T> iterator(long epoch, String position);

    /**
     * Whether the streams shuffle, so that their order depends on the seed: a saved state is then
     * refused by a loader over the dataset built not to shuffle, and the other way round. The
     * default says no.
     */
    default boolean shuffles() {
        return false;
    }

    /** The stream from its start: {@code iterator(epoch, null)}. */
    @Override
    default Iterator<T> iterator(long epoch) {
        return iterator(epoch, null);
    }

    /**
     * A stream that knows its position. Used by one thread. The loader closes it when the worker
     * is done with it, at its end or when the iteration stops early.
     *
     * @param <T> the sample type
     */
    interface PositionedIterator<T> extends Iterator<T>, AutoCloseable {

        /**
         * Where the stream is: {@link ResumableDataset#iterator(long, String)} given this value
         * yields exactly the samples this stream has not yet returned from {@code next()}, in the
         * same order. Printable ASCII, without spaces or commas, not empty and not {@code "-"}.
         */
        String position();

        /** Releases what the stream holds open (files, connections). The default does nothing. */
        @Override
        default void close() {
        }
    }
}
