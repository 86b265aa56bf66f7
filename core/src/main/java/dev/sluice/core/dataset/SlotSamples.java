package dev.sluice.core.dataset;

import dev.sluice.api.SlotTransform;
import java.util.random.RandomGenerator;

/**
 * A map-style dataset of labelled samples that can prepare each sample's input for writing straight
 * into its slot of a batch ({@link SlotTransform}), so that a loader collating with
 * {@link dev.sluice.core.collate.LabeledCollate} needs neither a tensor per sample nor a copy of it.
 * The loader asks this capability rather than testing for a dataset class.
 */
public interface SlotSamples {

    /** Whether {@link #prepare} works: the dataset's transform writes into slots. */
    boolean writesIntoSlots();

    /**
     * Sample {@code index} up to writing its input: read, checked, its random draws made from
     * {@code random} exactly as reading the sample whole makes them, and paired with its labels.
     *
     * @throws IllegalStateException if {@link #writesIntoSlots()} is false
     * @throws SampleLoadException naming the index and where the sample came from when it cannot be read
     */
    LabeledSample<SlotTransform.Pending> prepare(long index, RandomGenerator random);
}
