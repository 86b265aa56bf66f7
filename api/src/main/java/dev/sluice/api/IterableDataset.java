package dev.sluice.api;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * A stream-style dataset, for data that cannot be indexed (a socket, a tar stream, a query), as
 * PyTorch's {@code IterableDataset}.
 *
 * <p>Each loader worker calls {@link #iterator(long)} on its own thread and consumes the iterator
 * alone. Every worker sees the same dataset object, so an implementation shards its stream by
 * {@link WorkerInfo#current()}; without sharding every worker yields every sample.
 *
 * <pre>{@code
 * IterableDataset<Long> numbers = epoch -> {
 *     WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
 *     return LongStream.range(0, 100)
 *             .filter(i -> i % worker.numWorkers() == worker.id())
 *             .boxed().iterator();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface IterableDataset<T> {

    /**
     * A new iterator over the samples of {@code epoch} for the calling worker.
     *
     * @param epoch the loader's epoch, from 0; use it to reshuffle shards
     */
    Iterator<T> iterator(long epoch);

    /**
     * The number of samples in one epoch over all workers, when known; used only for the loader's
     * length, as PyTorch uses {@code len(dataset)}. Empty by default.
     */
    default OptionalLong size() {
        return OptionalLong.empty();
    }
}
