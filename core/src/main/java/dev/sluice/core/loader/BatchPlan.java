package dev.sluice.core.loader;

import dev.sluice.api.BatchSampler;
import dev.sluice.api.Sampler;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

/**
 * The batches of one iteration of a map-style loader, numbered, with the epoch-relative position
 * of each batch's first sample. For an endless dataset the passes follow each other without end,
 * pass {@code p} sampled as epoch {@code epoch + p}, and batches run on across pass boundaries.
 *
 * <p>A resumed iteration plans only the positions not yet delivered, in the sampler's order, so
 * each sample keeps its position (and with it its random source) whatever the batch size: with
 * the loader's own batching they are cut afresh into batches of the current batch size, a batch
 * never spanning a position already delivered; a user's batch sampler keeps its batches, less
 * their delivered positions.
 */
final class BatchPlan {
    private final Iterator<PlannedBatch> batches;
    private PlannedBatch next;

    private BatchPlan(Iterator<PlannedBatch> batches) {
        this.batches = batches;
    }

    /** One finite epoch of {@code batchSampler}, from its start. */
    static BatchPlan finite(BatchSampler batchSampler, long epoch) {
        PassCounter passes = new PassCounter();
        passes.count = 1;
        return new BatchPlan(new Numbered(batchSampler.batches(epoch), passes, new DeliveredPositions(), 0));
    }

    /** Endless passes of {@code sampler}, cut into batches of {@code batchSize}, from the start. */
    static BatchPlan endless(Sampler sampler, int batchSize, long epoch) {
        PassCounter passes = new PassCounter();
        return new BatchPlan(new Numbered(new EndlessBatches(new EndlessIndices(sampler, epoch, passes), batchSize),
                passes, new DeliveredPositions(), 0));
    }

    /** Endless passes of a user's {@code batchSampler}, one after the other. */
    static BatchPlan endless(BatchSampler batchSampler, long epoch, DeliveredPositions delivered, long firstNumber) {
        PassCounter passes = new PassCounter();
        return new BatchPlan(new Numbered(new ChainedBatches(batchSampler, epoch, passes), passes, delivered,
                firstNumber));
    }

    /** What is left of one finite epoch of a user's {@code batchSampler}. */
    static BatchPlan resumed(BatchSampler batchSampler, long epoch, DeliveredPositions delivered, long firstNumber) {
        PassCounter passes = new PassCounter();
        passes.count = 1;
        return new BatchPlan(new Numbered(batchSampler.batches(epoch), passes, delivered, firstNumber));
    }

    /**
     * What is left of the epoch of {@code sampler} (endless: of its passes), cut into batches of
     * {@code batchSize} from the first position not delivered; a short last batch is left out with
     * {@code dropLast}.
     */
    static BatchPlan resumed(Sampler sampler, boolean endless, int batchSize, boolean dropLast, long epoch,
            DeliveredPositions delivered, long firstNumber) {
        PassCounter passes = new PassCounter();
        PrimitiveIterator.OfLong indices;
        if (endless) {
            indices = new EndlessIndices(sampler, epoch, passes);
        } else {
            passes.count = 1;
            indices = sampler.indices(epoch);
        }
        return new BatchPlan(new Regrouped(indices, passes, delivered, firstNumber, batchSize, dropLast && !endless));
    }

    /** Whether another batch is to be loaded. */
    boolean hasNext() {
        if (next == null && batches.hasNext()) {
            next = batches.next();
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

    /**
     * Numbers given batches and places them in the epoch; positions already delivered are left out,
     * a batch holding some being split around them.
     */
    private static final class Numbered implements Iterator<PlannedBatch> {
        private final Iterator<long[]> batches;
        private final PassCounter passes;
        private final DeliveredPositions delivered;
        private long nextNumber;
        private long nextPosition;
        /** The batch being split around delivered positions, and where in it the next piece starts. */
        private long[] splitting;
        private long splittingPosition;
        private int splitAt;

        Numbered(Iterator<long[]> batches, PassCounter passes, DeliveredPositions delivered, long firstNumber) {
            this.batches = batches;
            this.passes = passes;
            this.delivered = delivered;
            this.nextNumber = firstNumber;
        }

        @Override
        public boolean hasNext() {
            while (splitting == null || splitAt >= splitting.length) {
                if (!batches.hasNext()) {
                    return false;
                }
                splitting = batches.next();
                splittingPosition = nextPosition;
                splitAt = 0;
                nextPosition += splitting.length;
                skipDelivered();
            }
            return true;
        }

        private void skipDelivered() {
            while (splitAt < splitting.length && delivered.contains(splittingPosition + splitAt)) {
                splitAt++;
            }
        }

        @Override
        public PlannedBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int from = splitAt;
            while (splitAt < splitting.length && !delivered.contains(splittingPosition + splitAt)) {
                splitAt++;
            }
            long[] indices = from == 0 && splitAt == splitting.length ? splitting
                    : Arrays.copyOfRange(splitting, from, splitAt);
            PlannedBatch planned = new PlannedBatch(nextNumber++, splittingPosition + from, indices, passes.count - 1);
            skipDelivered();
            return planned;
        }
    }

    /**
     * The positions of a flat stream of indices not yet delivered, cut into batches of
     * {@code batchSize}, a batch ending early where a delivered position follows.
     */
    private static final class Regrouped implements Iterator<PlannedBatch> {
        private final PrimitiveIterator.OfLong indices;
        private final PassCounter passes;
        private final DeliveredPositions delivered;
        private final int batchSize;
        private final boolean dropLast;
        private long nextNumber;
        private long position;
        private PlannedBatch ready;

        Regrouped(PrimitiveIterator.OfLong indices, PassCounter passes, DeliveredPositions delivered, long firstNumber,
                int batchSize, boolean dropLast) {
            this.indices = indices;
            this.passes = passes;
            this.delivered = delivered;
            this.nextNumber = firstNumber;
            this.batchSize = batchSize;
            this.dropLast = dropLast;
        }

        @Override
        public boolean hasNext() {
            if (ready != null) {
                return true;
            }
            // Indices of delivered positions are read and passed over, so that the passes count right.
            while (indices.hasNext() && delivered.contains(position)) {
                indices.nextLong();
                position++;
            }
            if (!indices.hasNext()) {
                return false;
            }
            long first = position;
            long[] batch = new long[(int) Math.min(batchSize, 1 << 16)];
            int size = 0;
            while (size < batchSize && indices.hasNext() && !delivered.contains(position)) {
                if (size == batch.length) {
                    batch = Arrays.copyOf(batch, (int) Math.min(batchSize, 2L * batch.length));
                }
                batch[size++] = indices.nextLong();
                position++;
            }
            if (dropLast && size < batchSize && !indices.hasNext()) {
                return false;
            }
            ready = new PlannedBatch(nextNumber++, first, size == batch.length ? batch : Arrays.copyOf(batch, size),
                    passes.count - 1);
            return true;
        }

        @Override
        public PlannedBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PlannedBatch planned = ready;
            ready = null;
            return planned;
        }
    }

    /** The indices of endless passes of a sampler, pass {@code p} sampled as epoch {@code epoch + p}. */
    private static final class EndlessIndices implements PrimitiveIterator.OfLong {
        private final Sampler sampler;
        private final long epoch;
        private final PassCounter passes;
        private PrimitiveIterator.OfLong indices = LongStream.empty().iterator();

        EndlessIndices(Sampler sampler, long epoch, PassCounter passes) {
            this.sampler = sampler;
            this.epoch = epoch;
            this.passes = passes;
        }

        @Override
        public boolean hasNext() {
            return sampler.size() > 0;
        }

        @Override
        public long nextLong() {
            if (!hasNext()) {
                throw new NoSuchElementException("an endless loader over an empty sampler has no batches");
            }
            if (!indices.hasNext()) {
                indices = sampler.indices(epoch + passes.count);
                passes.count++;
                if (!indices.hasNext()) {
                    throw new IllegalStateException("the sampler gave no index for epoch "
                            + (epoch + passes.count - 1) + ", so an endless loader would wait forever");
                }
            }
            return indices.nextLong();
        }
    }

    /** Endless indices cut into batches of {@code batchSize}, running on across passes. */
    private static final class EndlessBatches implements Iterator<long[]> {
        private final EndlessIndices indices;
        private final int batchSize;

        EndlessBatches(EndlessIndices indices, int batchSize) {
            this.indices = indices;
            this.batchSize = batchSize;
        }

        @Override
        public boolean hasNext() {
            return indices.hasNext();
        }

        @Override
        public long[] next() {
            long[] batch = new long[batchSize];
            for (int i = 0; i < batchSize; i++) {
                batch[i] = indices.nextLong();
            }
            return batch;
        }
    }

    /** A user's batch sampler's epochs one after the other. */
    private static final class ChainedBatches implements Iterator<long[]> {
        private final BatchSampler batchSampler;
        private final long epoch;
        private final PassCounter passes;
        private Iterator<long[]> current = Collections.emptyIterator();

        ChainedBatches(BatchSampler batchSampler, long epoch, PassCounter passes) {
            this.batchSampler = batchSampler;
            this.epoch = epoch;
            this.passes = passes;
        }

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
    }
}
