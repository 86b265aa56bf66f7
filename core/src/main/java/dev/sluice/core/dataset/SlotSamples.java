package dev.sluice.core.dataset;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.SlotTransform;
import java.util.random.RandomGenerator;

/**
 * A dataset of labelled samples that can prepare each sample's input for writing straight into its
 * slot of a batch ({@link SlotTransform}), so that a loader collating with
 * {@link dev.sluice.core.collate.LabeledCollate} needs neither a tensor per sample nor a copy of it.
 * The loader asks this capability rather than testing for a dataset class. A map-style dataset has
 * it as {@link Indexed}, a stream-style one as {@link Streamed}.
 */
public interface SlotSamples {

    /** Whether samples can be prepared: the dataset's transform writes into slots. */
    boolean writesIntoSlots();

    /** The capability of a map-style dataset: each sample prepared by its index. */
    interface Indexed extends SlotSamples {

        /**
         * Sample {@code index} up to writing its input: read, checked, its random draws made from
         * {@code random} exactly as reading the sample whole makes them, and paired with its labels.
         *
         * @throws IllegalStateException if {@link #writesIntoSlots()} is false
         * @throws SampleLoadException naming the index and where the sample came from when it cannot be read
         */
        LabeledSample<SlotTransform.Pending> prepare(long index, RandomGenerator random);

        /**
         * {@link #prepare(long, RandomGenerator)}, the image decoded into {@code buffers} where the
         * dataset's transform {@linkplain SlotTransform#releasesInput() lets go of its input} once
         * written. The caller, a loader, writes the pending input into its batch slot before it
         * lends the same buffers again, and keeps nothing of the sample's input after writing it.
         * The default ignores the buffers.
         *
         * @param buffers the calling thread's own; never shared with another thread during the call
         */
        default LabeledSample<SlotTransform.Pending> prepare(long index, RandomGenerator random, DecodeBuffers buffers) {
            return prepare(index, random);
        }
    }

    /** The capability of a {@link ResumableDataset}: each stream's samples prepared as they come. */
    interface Streamed extends SlotSamples {

        /**
         * The calling worker's stream of {@code epoch}, as {@link ResumableDataset#iterator(long, String)}
         * gives it, with each sample's input prepared instead of made whole: the same samples in the
         * same order, positions and failures, and writing each input gives the tensor the plain stream
         * holds. Called by a loader on the worker's thread.
         *
         * @throws IllegalStateException if {@link #writesIntoSlots()} is false
         * @throws IllegalArgumentException if {@code position} does not belong to this dataset, epoch or worker
         */
        ResumableDataset.PositionedIterator<LabeledSample<SlotTransform.Pending>> preparedIterator(long epoch,
                String position);
    }
}
