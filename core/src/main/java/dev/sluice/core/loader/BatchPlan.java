package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * The batches of one iteration of a map-style loader, numbered, with the epoch-relative position
 * of each batch's first sample. For an endless dataset the passes follow each other without end,
 * pass {@code p} sampled as epoch {@code epoch + p}, and batches run on across pass boundaries.
 * Batches a resumed loader already delivered are planned (so numbers and positions stay the same)
 * and passed over without being loaded.
 */
final class BatchPlan {
    private final Iterator<long[]> batches;
    private final PassCounter passes;
    private final LongPredicate alreadyDelivered;
    private long nextNumber;
    private long nextPosition;
    private PlannedBatch next;

    private BatchPlan(Iterator<long[]> batches, PassCounter passes, LongPredicate alreadyDelivered) {
        this.batches = batches;
        this.passes = passes;
        this.alreadyDelivered = alreadyDelivered;
    }

    /** One finite epoch of {@code batchSampler}. */
    static BatchPlan finite(BatchSampler batchSampler, long epoch, LongPredicate alreadyDelivered) {
        PassCounter passes = new PassCounter();
        passes.count = 1;
        return new BatchPlan(batchSampler.batches(epoch), passes, alreadyDelivered);
    }

    /** Endless passes of {@code sampler}, cut into batches of {@code batchSize}. */
    static BatchPlan endless(Sampler sampler, int batchSize, long epoch, LongPredicate alreadyDelivered) {
        PassCounter passes = new PassCounter();
        return new BatchPlan(new EndlessBatches(sampler, batchSize, epoch, passes), passes, alreadyDelivered);
    }

    /** Endless passes of a user's {@code batchSampler}, one after the other. */
    static BatchPlan endless(BatchSampler batchSampler, long epoch, LongPredicate alreadyDelivered) {
        PassCounter passes = new PassCounter();
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
        return new BatchPlan(chained, passes, alreadyDelivered);
    }

    /** Whether another batch is to be loaded. */
    boolean hasNext() {
        while (next == null && batches.hasNext()) {
            long[] indices = batches.next();
            PlannedBatch planned = new PlannedBatch(nextNumber++, nextPosition, indices, passes.count - 1);
            nextPosition += indices.length;
            if (!alreadyDelivered.test(planned.number())) {
                next = planned;
            }
        }
        return next != null;
    }

    /** The next batch to be loaded. */
    PlannedBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch has no more batches");
        }
        PlannedBatch planned = next;
        next = null;
        return planned;
    }

    private static final class PassCounter {
        long count;
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
