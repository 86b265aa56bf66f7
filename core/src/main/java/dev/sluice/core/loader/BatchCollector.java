package dev.sluice.core.loader;

import dev.sluice.api.Collate;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.SlotCollation;
import dev.sluice.core.dataset.LabeledSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How one batch's samples are put together, by sample position in the batch, as they are read:
 * kept for the collate function, or written into the batch's slots. Used by map-style batches
 * ({@link BatchWork}) and by streams ({@link IterableIteration}) alike. Several threads may accept
 * samples at once, each at its own positions; {@link #finish} and
 * {@link #abandon} are called once, by one thread, after every accept has happened-before them.
 *
 * @param <S> what reading one sample gives: the sample, or its input prepared for a slot
 * @param <B> the batch
 */
interface BatchCollector<S, B> {

    /** Takes a sample into the batch at {@code position}; a failure here is the batch's, as collate's would be. */
    void accept(int position, S sample);

    /** The batch of the samples accepted, in position order. */
    B finish();

    /** Gives back what an unfinished batch holds. */
    void abandon();

    /**
     * The general route: each sample read whole, then the collate function over them in order. A
     * map-style batch gives its exact size, so several threads can accept into it at once; a
     * stream, read by one thread and possibly ending long before a large batch size, starts small
     * and the list grows as samples arrive.
     */
    final class Listed<T, B> implements BatchCollector<T, B> {
        private final Collate<? super T, ? extends B> collate;
        private final TensorAllocator allocator;
        private Object[] samples;

        Listed(Collate<? super T, ? extends B> collate, TensorAllocator allocator, int capacity) {
            this.collate = collate;
            this.allocator = allocator;
            this.samples = new Object[capacity];
        }

        @Override
        public void accept(int position, T sample) {
            if (position >= samples.length) {
                samples = Arrays.copyOf(samples, Math.max(position + 1, samples.length * 2));
            }
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
        private final SlotCollation collation;

        Slotted(TensorAllocator allocator, int capacity) {
            this.collation = new SlotCollation(capacity, allocator);
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
