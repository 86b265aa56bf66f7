package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

/**
 * The batches of one iteration of a map-style loader, with the epoch-relative position of each
 * batch's first sample. For an endless dataset the passes follow each other without end, pass
 * {@code p} sampled as epoch {@code epoch + p}, and batches run on across pass boundaries.
 */
final class BatchPlan {
    private final Iterator<long[]> batches;
    private final PassCounter passes;
    private long nextPosition;

    private BatchPlan(Iterator<long[]> batches, PassCounter passes) {
        this.batches = batches;
        this.passes = passes;
    }

    /** One finite epoch of {@code batchSampler}. */
    static BatchPlan finite(BatchSampler batchSampler, long epoch) {
        return new BatchPlan(batchSampler.batches(epoch), new PassCounter(1));
    }

    /** Endless passes of {@code sampler}, cut into batches of {@code batchSize}. */
    static BatchPlan endless(Sampler sampler, int batchSize, long epoch) {
        PassCounter passes = new PassCounter(0);
        return new BatchPlan(new EndlessBatches(sampler, batchSize, epoch, passes), passes);
    }

    /** Endless passes of a user's {@code batchSampler}, one after the other. */
    static BatchPlan endless(BatchSampler batchSampler, long epoch) {
        PassCounter passes = new PassCounter(0);
        Iterator<long[]> chained = new Iterator<>() {
            private Iterator<long[]> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (!current.hasNext()) {
                    current = batchSampler.batches(epoch + passes.count);
                    passes.count++;
                    if (!current.hasNext()) {
                        throw new IllegalStateException("the batch sampler gave no batch for epoch "
                                + (epoch + passes.count - 1) + ", so an endless loader would wait forever");
                    }
                }
                return true;
            }

            @Override
            public long[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return new BatchPlan(chained, passes);
    }

    boolean hasNext() {
        return batches.hasNext();
    }

    /** The position in the iteration of the first sample of the batch {@link #next()} returns. */
    long nextPosition() {
        return nextPosition;
    }

    long[] next() {
        long[] batch = batches.next();
        nextPosition += batch.length;
        return batch;
    }

    /** How many passes over the data this iteration has started. */
    long passesStarted() {
        return passes.count;
    }

    private static final class PassCounter {
        long count;

        PassCounter(long count) {
            this.count = count;
        }
    }

    private static final class EndlessBatches implements Iterator<long[]> {
        private final Sampler sampler;
        private final int batchSize;
        private final long epoch;
        private final PassCounter passes;
        private PrimitiveIterator.OfLong indices = LongStream.empty().iterator();

        EndlessBatches(Sampler sampler, int batchSize, long epoch, PassCounter passes) {
            this.sampler = sampler;
            this.batchSize = batchSize;
            this.epoch = epoch;
            this.passes = passes;
        }

        @Override
        public boolean hasNext() {
            return sampler.size() > 0;
        }

        @Override
        public long[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException("an endless loader over an empty sampler has no batches");
            }
            long[] batch = new long[batchSize];
            for (int i = 0; i < batchSize; i++) {
                if (!indices.hasNext()) {
                    indices = sampler.indices(epoch + passes.count);
                    passes.count++;
                    if (!indices.hasNext()) {
                        throw new IllegalStateException("the sampler gave no index for epoch "
                                + (epoch + passes.count - 1) + ", so an endless loader would wait forever");
                    }
                }
                batch[i] = indices.nextLong();
            }
            return batch;
        }
    }
}
