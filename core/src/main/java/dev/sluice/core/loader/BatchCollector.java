package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.Dataset;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.SlotCollation;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SlotSamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How one batch's samples are read and put together, by sample position in the batch. Several
 * threads may read and accept samples at once, each at its own positions; {@link #finish} and
 * {@link #abandon} are called once, by one thread, after every accept has happened-before them.
 *
 * @param <S> what reading one sample gives
 * @param <B> the batch
 */
interface BatchCollector<S, B> {

    /** One sample, read with its random source; a failure here is the sample's. */
    S read(long index, RandomGenerator random);

    /** Takes a sample into the batch at {@code position}; a failure here is the batch's, as collate's would be. */
    void accept(int position, S sample);

    /** The batch of the samples accepted, in position order. */
    B finish();

    /** Gives back what an unfinished batch holds. */
    void abandon();

    /** The general route: each sample read whole, then the collate function over them in order. */
    final class Listed<T, B> implements BatchCollector<T, B> {
        private final Dataset<T> dataset;
        private final Collate<? super T, ? extends B> collate;
        private final TensorAllocator allocator;
        private final Object[] samples;

        Listed(Dataset<T> dataset, Collate<? super T, ? extends B> collate, TensorAllocator allocator, int capacity) {
            this.dataset = dataset;
            this.collate = collate;
            this.allocator = allocator;
            this.samples = new Object[capacity];
        }

        @Override
        public T read(long index, RandomGenerator random) {
            return dataset.get(index, random);
        }

        @Override
        public void accept(int position, T sample) {
            samples[position] = sample;
        }

        @Override
        @SuppressWarnings("unchecked")
        public B finish() {
            List<T> present = new ArrayList<>(samples.length);
            for (Object sample : samples) {
                if (sample != null) {
                    present.add((T) sample);
                }
            }
            return collate.collate(Collections.unmodifiableList(present), allocator);
        }

        @Override
        public void abandon() {
            Arrays.fill(samples, null);
        }
    }

    /** Each sample written into its slot of the batch tensor as it is read: no tensor per sample, no copy. */
    final class Slotted<B> implements BatchCollector<LabeledSample<SlotTransform.Pending>, B> {
        private final SlotSamples dataset;
        private final SlotCollation collation;

        Slotted(SlotSamples dataset, TensorAllocator allocator, int capacity) {
            this.dataset = dataset;
            this.collation = new SlotCollation(capacity, allocator);
        }

        @Override
        public LabeledSample<SlotTransform.Pending> read(long index, RandomGenerator random) {
            return dataset.prepare(index, random);
        }

        @Override
        public void accept(int position, LabeledSample<SlotTransform.Pending> sample) {
            collation.add(position, sample);
        }

        @Override
        @SuppressWarnings("unchecked")
        public B finish() {
            return (B) collation.finish();
        }

        @Override
        public void abandon() {
            collation.abandon();
        }
    }
}
